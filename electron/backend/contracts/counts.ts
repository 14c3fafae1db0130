import type { ContractSummary } from '@shared/schemas/contract';
import type { Reader } from '../db/connection';
import type { Session } from '../auth/sessions';
import { visibleCustomers } from '../customers/visibility';
import { expiringSql } from './status';

/** The register's quick-view counts (and the dashboard's), over the contracts this user may see. */
export async function contractCounts(db: Reader, session: Session, today: string, days: number, customerId?: number): Promise<ContractSummary> {
  const visible = visibleCustomers(session);
  const only = customerId === undefined ? { sql: '1', params: [] as unknown[] } : { sql: 'k.customer_id = ?', params: [customerId] };
  const row = await db.get<{ expiring: number; awaitingApproval: number; drafts: number }>(
    `SELECT coalesce(sum(${expiringSql(today, days)}), 0) AS expiring,
       coalesce(sum(k.status = 'draft' AND k.is_special = 1 AND k.special_approved_at IS NULL), 0) AS awaitingApproval,
       coalesce(sum(k.status = 'draft'), 0) AS drafts
     FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE (${visible.sql}) AND (${only.sql})`,
    [...visible.params, ...only.params],
  );
  return { expiringDays: days, expiring: row?.expiring ?? 0, awaitingApproval: row?.awaitingApproval ?? 0, drafts: row?.drafts ?? 0 };
}
