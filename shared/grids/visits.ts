import type { GridColumns } from '../grid';

/** 客户拜访记录台账 and a customer's 拜访记录 tab. */
export const visitGridColumns = {
  visitedOn: 'date',
  customerCode: 'text',
  customerName: 'text',
  abcClass: 'set',
  staffId: 'set',
  staffName: 'text',
  channel: 'set',
  contactName: 'text',
  contactTitle: 'text',
  purpose: 'text',
  content: 'text',
  customerNeeds: 'text',
  competitors: 'text',
  followUp: 'text',
  significant: 'set',
  status: 'set',
  voidedReason: 'text',
  createdBy: 'text',
  createdAt: 'date',
} as const satisfies GridColumns;
export type VisitGridColumn = keyof typeof visitGridColumns;

/** The lines of the monthly visit plan with their completion (plan vs actual). */
export const planGridColumns = {
  plannedOn: 'date',
  staffId: 'set',
  staffName: 'text',
  customerCode: 'text',
  customerName: 'text',
  abcClass: 'set',
  notes: 'text',
  state: 'set',
  visitedOn: 'date',
} as const satisfies GridColumns;

/** 逾期未联系: customers whose next phone contact or visit is past due. */
export const overdueGridColumns = {
  code: 'text',
  name: 'text',
  abcClass: 'set',
  managerStaffId: 'set',
  managerName: 'text',
  lastContactOn: 'date',
  lastVisitOn: 'date',
  nextPhoneDue: 'date',
  nextVisitDue: 'date',
  /** The earlier of the two due dates; the default order (most overdue first) walks its index. */
  nextDueOn: 'date',
  overdueKind: 'set',
  daysOverdue: 'number',
} as const satisfies GridColumns;
export type OverdueGridColumn = keyof typeof overdueGridColumns;

/** 客户联络一览表: every contact of every customer the user may see. */
export const contactListColumns = {
  customerCode: 'text',
  customerName: 'text',
  abcClass: 'set',
  customerStatus: 'set',
  name: 'text',
  title: 'text',
  mobile: 'text',
  directLine: 'text',
  email: 'text',
  isKeyLeader: 'set',
  notes: 'text',
  managerStaffId: 'set',
  managerName: 'text',
} as const satisfies GridColumns;
export type ContactListColumn = keyof typeof contactListColumns;
