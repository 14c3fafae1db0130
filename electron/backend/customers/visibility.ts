import type { Session } from '../auth/sessions';
import type { SqlFragment } from '../grid/spec';

/**
 * The one rule for who sees a customer, used by every path that shows customers or counts them (grid, search,
 * detail, history, export, dashboard): A-class customers exist only for users with "project staff" (项目专职).
 */
export function visibleCustomers(session: Session, alias = 'c'): SqlFragment {
  return session.projectStaff ? { sql: '1', params: [] } : { sql: `${alias}.abc_class <> 'A'`, params: [] };
}

export function canSeeClass(session: Session, abcClass: string): boolean {
  return abcClass !== 'A' || session.projectStaff;
}
