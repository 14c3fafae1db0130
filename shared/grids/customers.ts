import type { GridColumns } from '../grid';

/** The customer grid's whitelist: column id → filter kind. The backend maps each id to SQL. */
export const customerGridColumns = {
  code: 'text',
  name: 'text',
  shortName: 'text',
  abcClass: 'set',
  status: 'set',
  isKey: 'set',
  region: 'set',
  businessFormat: 'set',
  marketType: 'set',
  marketSize: 'set',
  areaUnit: 'text',
  urbanRural: 'set',
  managerName: 'text',
  phone: 'text',
  address: 'text',
  email: 'text',
  registeredOn: 'date',
  creditRating: 'set',
  creditLimitFen: 'number',
  strength: 'number',
  dealLikelihood: 'number',
  orderCycle: 'text',
  infoSource: 'set',
  updatedAt: 'date',
} as const satisfies GridColumns;
export type CustomerGridColumn = keyof typeof customerGridColumns;

/** The change history of one customer. */
export const customerHistoryColumns = {
  changedAt: 'date',
  entity: 'set',
  field: 'text',
  oldValue: 'text',
  newValue: 'text',
  userName: 'text',
  receivedOn: 'date',
  late: 'set',
  approvedBy: 'text',
} as const satisfies GridColumns;
