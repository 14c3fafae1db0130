import type { Dayjs } from 'dayjs';
import type { ContractInput, ContractRecord } from '@shared/schemas/contract';
import { addDays } from '@shared/dates';
import { addYears } from '@shared/contractLifecycle';
import { fenToYuanInput, fromIsoDate, toIsoDate, yuanInputToFen } from '../../forms/fieldValues';

/** What the contract form holds: dates as dayjs, the amount as typed yuan. */
export interface ContractFormValues {
  contractNo: string;
  customerId: number;
  title: string;
  contractType: 'regular' | 'nonRegular';
  isSpecial: boolean;
  specialReason?: string | null;
  startOn: Dayjs | null;
  endOn?: Dayjs | null;
  amountYuan?: string | null;
  attachments?: { title: string; pages: number; notes?: string | null }[];
  notes?: string | null;
}

const blank = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

export function toContractInput(v: ContractFormValues): ContractInput {
  return {
    contractNo: v.contractNo?.trim() ?? '',
    customerId: v.customerId,
    title: v.title?.trim() ?? '',
    contractType: v.contractType,
    isSpecial: Boolean(v.isSpecial),
    specialReason: v.isSpecial ? blank(v.specialReason) : null,
    startOn: toIsoDate(v.startOn) ?? '',
    endOn: toIsoDate(v.endOn),
    amountFen: yuanInputToFen(v.amountYuan) ?? null,
    attachments: (v.attachments ?? []).filter(Boolean).map((a) => ({ title: a.title?.trim() ?? '', pages: a.pages, notes: blank(a.notes) })),
    notes: blank(v.notes),
  };
}

export function toFormValues(c: ContractRecord): ContractFormValues {
  return {
    contractNo: c.contractNo,
    customerId: c.customerId,
    title: c.title,
    contractType: c.contractType,
    isSpecial: c.isSpecial,
    specialReason: c.specialReason,
    startOn: fromIsoDate(c.startOn),
    endOn: fromIsoDate(c.endOn),
    amountYuan: fenToYuanInput(c.amountFen),
    attachments: c.attachments,
    notes: c.notes,
  };
}

/** A renewal starts the day after the old contract ends and runs as long; number and signatures are new. */
export function renewalValues(c: ContractRecord): ContractFormValues {
  const startOn = c.endOn ? addDays(c.endOn, 1) : c.startOn;
  const endOn = c.endOn ? addDays(addYears(startOn, 1), -1) : null;
  return { ...toFormValues(c), contractNo: '', startOn: fromIsoDate(startOn), endOn: fromIsoDate(endOn), notes: null };
}

/** The fields of `input` whose value differs from the record (attachments compared as a whole list). */
export function changedFields(c: ContractRecord, input: ContractInput): Partial<ContractInput> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => !same(c[k as keyof ContractRecord], v))) as Partial<ContractInput>;
}
