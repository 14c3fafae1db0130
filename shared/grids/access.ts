import type { GridColumns } from '../grid';

/** Access requests (查阅申请): the requester's own list and the supervisor's approval list share these columns. */
export const accessRequestColumns = {
  requestedAt: 'date',
  customerCode: 'text',
  customerName: 'text',
  requesterName: 'text',
  reason: 'text',
  days: 'number',
  status: 'set',
  decidedByName: 'text',
  decidedAt: 'date',
  decisionNote: 'text',
  expiresAt: 'date',
} as const satisfies GridColumns;

/** Order-cycle change requests (订货周期变更) awaiting or past a supervisor's decision. */
export const orderCycleColumns = {
  requestedAt: 'date',
  customerCode: 'text',
  customerName: 'text',
  oldValue: 'text',
  newValue: 'text',
  requesterName: 'text',
  receivedOn: 'date',
  status: 'set',
  decidedByName: 'text',
  decidedAt: 'date',
  decisionNote: 'text',
} as const satisfies GridColumns;
