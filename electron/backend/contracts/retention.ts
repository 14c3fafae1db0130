import { AppError } from '@shared/errors';
import type { Tx } from '../db/writeQueue';
import { customerContracts } from './records';

/**
 * Contracts and their archive are kept at least 10 years (customers.md "Contracts"): a customer cannot be archived
 * away while one of its contracts is inside that period. The refusal names the contract that binds longest and
 * the first day the customer may be archived.
 */
export async function checkContractRetention(tx: Tx, customerId: number, today: string): Promise<void> {
  const binding = (await customerContracts(tx, customerId, today))
    .filter((c) => c.retainUntil !== null && c.retainUntil > today)
    .sort((a, b) => (a.retainUntil! < b.retainUntil! ? 1 : a.retainUntil! > b.retainUntil! ? -1 : a.id - b.id))[0];
  if (binding) {
    throw new AppError('CONFLICT', 'contracts.errors.retention', {
      params: { contractNo: binding.contractNo, date: binding.retainUntil! },
    });
  }
}
