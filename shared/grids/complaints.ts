import type { GridColumns } from '../grid';

/** 客户投诉记录台账: column id → filter kind. The backend maps each id to SQL. */
export const complaintGridColumns = {
  number: 'text',
  receivedAt: 'date',
  customerCode: 'text',
  customerName: 'text',
  type: 'set',
  channel: 'set',
  receivedByName: 'text',
  content: 'text',
  verification: 'text',
  responsibility: 'set',
  responsibleDepartment: 'text',
  responsiblePerson: 'text',
  handlingPlan: 'text',
  handlingResult: 'text',
  rectificationPlan: 'text',
  dueOn: 'date',
  dueState: 'set',
  status: 'set',
  resolvedAt: 'date',
  closedAt: 'date',
  averageScore: 'number',
} as const satisfies GridColumns;
export type ComplaintGridColumn = keyof typeof complaintGridColumns;

/** 顾客满意台账: complaints with the customer's four scores. */
export const satisfactionGridColumns = {
  number: 'text',
  customerCode: 'text',
  customerName: 'text',
  type: 'set',
  status: 'set',
  feedbackOn: 'date',
  closedAt: 'date',
  scoreTime: 'number',
  scoreMethod: 'number',
  scoreProcess: 'number',
  scoreResult: 'number',
  averageScore: 'number',
  feedbackNote: 'text',
} as const satisfies GridColumns;
export type SatisfactionGridColumn = keyof typeof satisfactionGridColumns;
