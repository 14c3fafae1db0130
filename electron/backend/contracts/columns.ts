import type { ContractField } from '@shared/schemas/contract';

/** Contract field → table column: the only place the two spellings meet. */
export const CONTRACT_COLUMN: Record<ContractField, string> = {
  contractNo: 'contract_no',
  customerId: 'customer_id',
  title: 'title',
  contractType: 'contract_type',
  isSpecial: 'is_special',
  specialReason: 'special_reason',
  startOn: 'start_on',
  endOn: 'end_on',
  amountFen: 'amount_fen',
  attachments: 'attachments',
  notes: 'notes',
};

/** A field's value as SQLite stores it: flags as 0/1, the attachment list as JSON. */
export function contractToDb(field: ContractField, value: unknown): unknown {
  if (field === 'isSpecial') return value ? 1 : 0;
  if (field === 'attachments') return JSON.stringify(value ?? []);
  return value ?? null;
}
