import { AppError } from '@shared/errors';
import type { VisitChange, VisitField, VisitRecord } from '@shared/schemas/visits';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { canSeeClass } from '../customers/visibility';

/** Visit field → table column. The only place the two spellings meet. */
export const VISIT_COLUMN: Record<VisitField, string> = {
  visitedOn: 'visited_on',
  staffId: 'staff_id',
  channel: 'channel',
  contactId: 'contact_id',
  contactName: 'contact_name',
  contactTitle: 'contact_title',
  purpose: 'purpose',
  content: 'content',
  customerNeeds: 'customer_needs',
  competitors: 'competitors',
  followUp: 'follow_up',
  significant: 'significant',
};

const visitSelect = `vis.id AS id, vis.version AS version, vis.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
  c.abc_class AS abcClass, vis.visited_on AS visitedOn, vis.staff_id AS staffId, s.name AS staffName, vis.channel AS channel,
  vis.contact_id AS contactId, vis.contact_name AS contactName, vis.contact_title AS contactTitle, vis.purpose AS purpose,
  vis.content AS content, vis.customer_needs AS customerNeeds, vis.competitors AS competitors, vis.follow_up AS followUp,
  vis.significant AS significant, CASE WHEN vis.voided_at IS NULL THEN 'valid' ELSE 'voided' END AS status,
  vis.voided_at AS voidedAt, vis.voided_reason AS voidedReason, vis.voided_by AS voidedBy, vis.created_by AS createdBy,
  vis.created_at AS createdAt, vis.updated_at AS updatedAt`;

export function toVisitRecord(raw: Record<string, unknown>): VisitRecord {
  return { ...(raw as unknown as VisitRecord), significant: raw.significant === 1 };
}

export async function loadVisit(db: Reader | Tx, id: number): Promise<VisitRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(
    `SELECT ${visitSelect} FROM visits vis JOIN customers c ON c.id = vis.customer_id JOIN staff s ON s.id = vis.staff_id WHERE vis.id = ?`,
    [id],
  );
  return raw ? toVisitRecord(raw) : undefined;
}

/** The visit as this session may see it: a visit of an A-class customer is "not found" for others. */
export async function visibleVisit(session: Session, db: Reader | Tx, id: number): Promise<VisitRecord> {
  const visit = await loadVisit(db, id);
  if (!visit || !canSeeClass(session, visit.abcClass)) throw new AppError('NOT_FOUND', 'visits.errors.notFound');
  return visit;
}

export async function loadVisitChanges(db: Reader | Tx, visitId: number): Promise<VisitChange[]> {
  return db.all<VisitChange>(
    `SELECT id, field, old_value AS oldValue, new_value AS newValue, user_name AS userName, changed_at AS changedAt
     FROM visit_changes WHERE visit_id = ? ORDER BY changed_at, id`,
    [visitId],
  );
}
