import type { ChannelInput, ChannelOutput } from '@shared/contract';
import type { ContractInput } from '@shared/schemas/contract';
import type { ArchiveDocInput } from '@shared/schemas/archiveDoc';
import type { Caller } from '../../../electron/backend/index';
import type { TestEnv } from './env';
import { today } from './customers';

let seq = 0;

/** A valid regular draft contract of `customerId`, running a year from 2026-12-01. */
export function contractValues(customerId: number, overrides: Partial<ContractInput> = {}): ContractInput {
  seq++;
  return {
    contractNo: `HT-2026-${String(seq).padStart(4, '0')}`,
    customerId,
    title: `2027 年度购销合同 ${seq}`,
    contractType: 'regular',
    startOn: '2026-12-01',
    endOn: '2027-11-30',
    amountFen: 12_345_600,
    attachments: [{ title: '报价单', pages: 2 }],
    ...overrides,
  };
}

export function archiveDocValues(overrides: Partial<ArchiveDocInput> = {}): ArchiveDocInput {
  seq++;
  return { kind: '合同', title: `购销合同正本 ${seq}`, role: 'original', copies: 1, pages: 4, ...overrides };
}

export type ContractDetail = ChannelOutput<'contracts.get'>;

export async function createContract(env: TestEnv, caller: Caller, values: ContractInput): Promise<ContractDetail> {
  return env.call(caller, 'contracts.create', { contract: values });
}

/** Creates a contract and signs it (countersigning first when it is non-regular, approving when special). */
export async function signedContract(
  env: TestEnv,
  caller: Caller,
  values: ContractInput,
  options: { signedOn?: string; approver?: Caller } = {},
): Promise<ContractDetail> {
  let d = await createContract(env, caller, values);
  if (d.contract.contractType === 'nonRegular') {
    d = await env.call(caller, 'contracts.countersign', { id: d.contract.id, version: d.contract.version, countersignedBy: '财务部 李娜', countersignedOn: today(env) });
  }
  if (d.contract.isSpecial) {
    d = await env.call(options.approver ?? caller, 'contracts.approveSpecial', { id: d.contract.id, version: d.contract.version });
  }
  return env.call(caller, 'contracts.sign', { id: d.contract.id, version: d.contract.version, signedOn: options.signedOn ?? today(env) });
}

/** Every row of the contract grid for a view. */
export function allContracts(view: Partial<ChannelInput<'contracts.query'>> = {}): ChannelInput<'contracts.query'> {
  return { startRow: 0, endRow: 1000, ...view };
}
