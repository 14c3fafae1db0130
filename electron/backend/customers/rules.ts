import { AppError, type FieldIssue } from '@shared/errors';
import type { CustomerValues } from '@shared/schemas/customer';
import type { Tx } from '../db/writeQueue';
import type { Session } from '../auth/sessions';
import { canSeeClass } from './visibility';

const CODE_LIST_FIELDS = ['region', 'businessFormat', 'marketType', 'marketSize'] as const;

/** Code-list values must be active entries; the responsible staff member must exist and be active. */
export async function checkReferences(tx: Tx, values: Partial<CustomerValues>, pathPrefix: string): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const list of CODE_LIST_FIELDS) {
    const code = values[list];
    if (code == null) continue;
    const hit = await tx.get('SELECT 1 FROM code_list_entries WHERE list = ? AND code = ? AND active = 1', [list, code]);
    if (!hit) issues.push({ path: `${pathPrefix}${list}`, key: 'v.unknownCode', params: { code } });
  }
  if (values.managerStaffId !== undefined) {
    const staff = await tx.get('SELECT 1 FROM staff WHERE id = ? AND active = 1', [values.managerStaffId]);
    if (!staff) issues.push({ path: `${pathPrefix}managerStaffId`, key: 'v.staffUnknown' });
  }
  if (issues.length) throw new AppError('VALIDATION', 'errors.validation', { issues });
}

/** Customer codes are unique regardless of letter case. */
export async function checkCodeFree(tx: Tx, code: string, path: string, exceptId?: number): Promise<void> {
  const hit = await tx.get<{ id: number }>('SELECT id FROM customers WHERE code = ? COLLATE NOCASE', [code]);
  if (hit && hit.id !== exceptId) {
    throw new AppError('CONFLICT', 'errors.customer.codeTaken', {
      params: { code },
      issues: [{ path, key: 'errors.customer.codeTaken', params: { code } }],
    });
  }
}

/** Someone who could not see an A-class customer may not make one either: it would vanish from their view. */
export function checkClassAllowed(session: Session, abcClass: string | undefined, path: string): void {
  if (abcClass !== undefined && !canSeeClass(session, abcClass)) {
    throw new AppError('FORBIDDEN', 'errors.customer.aClassNeedsProjectStaff', {
      issues: [{ path, key: 'errors.customer.aClassNeedsProjectStaff' }],
    });
  }
}
