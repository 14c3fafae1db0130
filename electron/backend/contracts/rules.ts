import { localDate } from '@shared/dates';
import { AppError, fieldError } from '@shared/errors';
import { canMove } from '@shared/contractLifecycle';
import { contractIssues, type ContractRecord, type ContractStatus } from '@shared/schemas/contract';
import type { WriteContext } from '../handlers';
import type { Tx } from '../db/writeQueue';
import { visibleCustomer } from '../customers/records';
import { visibleContract } from './records';

/** Today's date as the office reads it (the backend clock, local time). */
export const todayOf = (ctx: { clock: { now(): Date } }) => localDate(ctx.clock.now());

/** Cross-field rules (special needs a reason, no end before the start) on the values as they will be stored. */
export function checkContractIssues(values: Parameters<typeof contractIssues>[0], prefix: string): void {
  const issues = contractIssues(values, prefix);
  if (issues.length) throw new AppError('VALIDATION', 'errors.validation', { issues });
}

/** Contract numbers are unique whatever the letter case (HT-2026-001 and ht-2026-001 are one number). */
export async function checkContractNoFree(tx: Tx, contractNo: string, path: string, exceptId?: number): Promise<void> {
  const hit = await tx.get<{ id: number }>('SELECT id FROM contracts WHERE contract_no = ? COLLATE NOCASE', [contractNo]);
  if (hit && hit.id !== exceptId) {
    throw new AppError('CONFLICT', 'contracts.errors.noTaken', {
      params: { contractNo },
      issues: [{ path, key: 'contracts.errors.noTaken', params: { contractNo } }],
    });
  }
}

/** A contract is filed under a customer this user sees and that is on file (在册): archived ones are frozen. */
export async function checkCustomerOnFile(ctx: WriteContext, customerId: number, path: string): Promise<void> {
  const customer = await visibleCustomer(ctx.session, ctx.tx, customerId).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? fieldError(path, 'errors.customer.notFound') : err;
  });
  if (customer.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.archived', { issues: [{ path, key: 'errors.customer.archived' }] });
}

/** The contract to change: visible, not changed by someone else since it was read, its customer on file. */
export async function writableContract(ctx: WriteContext, id: number, version: number): Promise<ContractRecord> {
  const contract = await visibleContract(ctx.session, ctx.tx, id, todayOf(ctx));
  if (contract.version !== version) throw new AppError('CONFLICT', 'contracts.errors.stale');
  if (contract.customerStatus === 'archived') throw new AppError('CONFLICT', 'contracts.errors.customerArchived');
  return contract;
}

/** Refuses a status change the lifecycle does not allow, naming both statuses. */
export function checkMove(from: ContractStatus, to: ContractStatus): void {
  if (!canMove(from, to)) throw new AppError('CONFLICT', 'contracts.errors.transition', { params: { from, to } });
}

/** Dates of things that already happened may not lie in the future. */
export function checkNotFuture(ctx: WriteContext, date: string, path: string): void {
  if (date > todayOf(ctx)) throw fieldError(path, 'v.futureDate');
}
