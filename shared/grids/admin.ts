import type { GridColumns } from '../grid';

export const userGridColumns = {
  username: 'text',
  displayName: 'text',
  roles: 'set',
  projectStaff: 'set',
  active: 'set',
  lastLoginAt: 'date',
  createdAt: 'date',
} as const satisfies GridColumns;

export const staffGridColumns = {
  employeeNo: 'text',
  name: 'text',
  department: 'text',
  position: 'text',
  phone: 'text',
  active: 'set',
  customerCount: 'number',
} as const satisfies GridColumns;

export const auditGridColumns = {
  at: 'date',
  userName: 'text',
  channel: 'text',
  action: 'set',
  entity: 'set',
  entityId: 'text',
  summary: 'text',
} as const satisfies GridColumns;
