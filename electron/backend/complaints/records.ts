import { localDate } from '@shared/dates';
import { AppError } from '@shared/errors';
import type {
  ComplaintDetail,
  ComplaintEventRow,
  ComplaintRecord,
  ComplaintStatus,
} from '@shared/schemas/complaint';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { canSeeClass } from '../customers/visibility';
import { dueStateOf } from './dueState';

const select = `k.id AS id, k.version AS version, k.number AS number, k.customer_id AS customerId, c.code AS customerCode,
  c.name AS customerName, c.abc_class AS customerAbcClass, c.phone AS customerPhone, c.address AS customerAddress,
  k.type AS type, k.channel AS channel, k.received_at AS receivedAt, k.received_on AS receivedOn,
  k.received_by_staff_id AS receivedByStaffId, s.name AS receivedByName, k.content AS content, k.due_on AS dueOn,
  k.status AS status, k.verification AS verification, k.responsibility AS responsibility,
  k.responsible_department AS responsibleDepartment, k.responsible_person AS responsiblePerson, k.verified_at AS verifiedAt,
  k.handling_plan AS handlingPlan, k.rectification_plan AS rectificationPlan, k.handling_started_at AS handlingStartedAt,
  k.handling_result AS handlingResult, k.resolved_at AS resolvedAt, k.score_time AS scoreTime, k.score_method AS scoreMethod,
  k.score_process AS scoreProcess, k.score_result AS scoreResult, k.feedback_on AS feedbackOn, k.feedback_note AS feedbackNote,
  k.closed_at AS closedAt, k.created_by_name AS createdByName, k.created_at AS createdAt, k.updated_at AS updatedAt`;

type Raw = Omit<ComplaintRecord, 'scores' | 'averageScore' | 'dueState'> & {
  scoreTime: number | null;
  scoreMethod: number | null;
  scoreProcess: number | null;
  scoreResult: number | null;
};

/** The average of the four scores in hundredths (platform.md: scores in integer hundredths). */
export const averageHundredths = (sum: number) => sum * 25;

function toRecord(raw: Raw, today: string): ComplaintRecord {
  const { scoreTime, scoreMethod, scoreProcess, scoreResult, ...rest } = raw;
  const scored = scoreTime !== null && scoreMethod !== null && scoreProcess !== null && scoreResult !== null;
  return {
    ...rest,
    dueState: dueStateOf(raw.status, raw.dueOn, today),
    scores: scored
      ? { time: scoreTime, method: scoreMethod, process: scoreProcess, result: scoreResult }
      : null,
    averageScore: scored ? averageHundredths(scoreTime + scoreMethod + scoreProcess + scoreResult) : null,
  };
}

export async function loadComplaint(
  db: Reader | Tx,
  id: number,
  today: string,
): Promise<ComplaintRecord | undefined> {
  const raw = await db.get<Raw>(
    `SELECT ${select} FROM complaints k JOIN customers c ON c.id = k.customer_id JOIN staff s ON s.id = k.received_by_staff_id
     WHERE k.id = ?`,
    [id],
  );
  return raw ? toRecord(raw, today) : undefined;
}

export async function loadEvents(db: Reader | Tx, complaintId: number): Promise<ComplaintEventRow[]> {
  const rows = await db.all<Omit<ComplaintEventRow, 'detail'> & { detail: string }>(
    `SELECT id, at, user_name AS userName, action, status_after AS statusAfter, detail FROM complaint_events
     WHERE complaint_id = ? ORDER BY at, id`,
    [complaintId],
  );
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** The complaint as this session may see it: one of an A-class customer is "not found" for others. */
export async function visibleComplaint(
  session: Session,
  db: Reader | Tx,
  id: number,
  now: Date,
): Promise<ComplaintRecord> {
  const complaint = await loadComplaint(db, id, localDate(now));
  if (!complaint || !canSeeClass(session, complaint.customerAbcClass))
    throw new AppError('NOT_FOUND', 'complaints.errors.notFound');
  return complaint;
}

export async function loadDetail(db: Reader | Tx, id: number, now: Date): Promise<ComplaintDetail> {
  const complaint = (await loadComplaint(db, id, localDate(now)))!;
  return { complaint, events: await loadEvents(db, id) };
}

/** Appends one step to the complaint's timeline, inside the caller's transaction. */
export async function recordEvent(
  tx: Tx,
  e: {
    complaintId: number;
    at: string;
    session: Session;
    action: ComplaintEventRow['action'];
    statusAfter: ComplaintStatus;
    detail: Record<string, unknown>;
  },
): Promise<void> {
  await tx.run(
    `INSERT INTO complaint_events (complaint_id, at, user_id, user_name, action, status_after, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      e.complaintId,
      e.at,
      e.session.userId,
      e.session.displayName,
      e.action,
      e.statusAfter,
      JSON.stringify(e.detail),
    ],
  );
}
