import type { GridColumns } from '../grid';

/**
 * The contract register's whitelist (合同台账). `customerId` and `expiring` are not shown as columns: the customer's
 * 合同 tab and the 即将到期 view filter on them.
 */
export const contractGridColumns = {
  contractNo: 'text',
  title: 'text',
  customerId: 'number',
  customerCode: 'text',
  customerName: 'text',
  managerName: 'text',
  contractType: 'set',
  isSpecial: 'set',
  status: 'set',
  countersigned: 'set',
  countersignedBy: 'text',
  specialApproved: 'set',
  specialApprovedBy: 'text',
  signedOn: 'date',
  startOn: 'date',
  endOn: 'date',
  amountFen: 'number',
  attachmentCount: 'number',
  expiring: 'set',
  updatedAt: 'date',
} as const satisfies GridColumns;
export type ContractGridColumn = keyof typeof contractGridColumns;
