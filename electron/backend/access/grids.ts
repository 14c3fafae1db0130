import type { accessRequestColumns, orderCycleColumns } from '@shared/grids/access';
import type { AccessRequestRow, OrderCycleRow } from '@shared/schemas/access';
import type { GridSpec, SqlFragment } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The status a person sees: an approved request is 有效 (active) until its expiry instant and 已过期 (expired)
 * from that instant on. `now` comes from the backend's clock (never from input) and is checked to be an ISO
 * instant before it is written into the SQL, so the grid can filter and sort on the status like any column.
 */
export function accessStatusSql(now: string, alias = 'a'): string {
  if (!INSTANT_RE.test(now)) throw new Error(`not an ISO instant: ${now}`);
  return `CASE WHEN ${alias}.status = 'approved' AND ${alias}.expires_at > '${now}' THEN 'active'
    WHEN ${alias}.status = 'approved' THEN 'expired' ELSE ${alias}.status END`;
}

const accessSelect = (
  now: string,
) => `a.id AS id, a.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
    c.abc_class AS abcClass, c.status AS customerStatus, a.requester_name AS requesterName, a.reason AS reason,
    a.days AS days, ${accessStatusSql(now)} AS status, a.requested_at AS requestedAt, a.decided_by_name AS decidedByName,
    a.decided_at AS decidedAt, a.decision_note AS decisionNote, a.granted_days AS grantedDays, a.expires_at AS expiresAt`;

/** Quick search over the few text columns an approver looks for (request lists are small: LIKE is enough). */
function textSearch(columns: string[]): (text: string) => SqlFragment {
  return (text) => {
    const like = `%${likeEscape(text)}%`;
    return {
      sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
      params: columns.map(() => like),
    };
  };
}

const ACCESS_FROM = 'access_requests a JOIN customers c ON c.id = a.customer_id';

/** Access requests as a grid; built per call because the status depends on the clock. */
export function accessRequestGrid(now: string): GridSpec<typeof accessRequestColumns, AccessRequestRow> {
  return {
    from: ACCESS_FROM,
    countFrom: ACCESS_FROM,
    id: 'a.id',
    select: accessSelect(now),
    columns: {
      requestedAt: { sql: 'a.requested_at', dateKind: 'instant' },
      customerCode: { sql: 'c.code' },
      customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
      requesterName: { sql: 'a.requester_name' },
      reason: { sql: 'a.reason' },
      // The period that counts: granted once decided, asked for until then.
      days: { sql: 'COALESCE(a.granted_days, a.days)' },
      status: { sql: accessStatusSql(now) },
      decidedByName: { sql: 'a.decided_by_name' },
      decidedAt: { sql: 'a.decided_at', dateKind: 'instant' },
      decisionNote: { sql: 'a.decision_note' },
      expiresAt: { sql: 'a.expires_at', dateKind: 'instant' },
    },
    defaultSort: [{ colId: 'requestedAt', sort: 'desc' }],
    quickSearch: textSearch(['c.code', 'c.name', 'a.requester_name', 'a.reason']),
    mapRow: (raw) => raw as unknown as AccessRequestRow,
  };
}

export async function loadAccessRow(
  db: Reader | Tx,
  id: number,
  now: string,
): Promise<AccessRequestRow | undefined> {
  return db.get<AccessRequestRow>(`SELECT ${accessSelect(now)} FROM ${ACCESS_FROM} WHERE a.id = ?`, [id]);
}

const ORDER_CYCLE_FROM = 'order_cycle_requests o JOIN customers c ON c.id = o.customer_id';
const orderCycleSelect = `o.id AS id, o.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
  o.old_value AS oldValue, o.new_value AS newValue, o.requester_name AS requesterName, o.received_on AS receivedOn,
  o.requested_at AS requestedAt, o.status AS status, o.decided_by_name AS decidedByName, o.decided_at AS decidedAt,
  o.decision_note AS decisionNote`;

export const orderCycleGrid: GridSpec<typeof orderCycleColumns, OrderCycleRow> = {
  from: ORDER_CYCLE_FROM,
  countFrom: ORDER_CYCLE_FROM,
  id: 'o.id',
  select: orderCycleSelect,
  columns: {
    requestedAt: { sql: 'o.requested_at', dateKind: 'instant' },
    customerCode: { sql: 'c.code' },
    customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
    oldValue: { sql: 'o.old_value' },
    newValue: { sql: 'o.new_value' },
    requesterName: { sql: 'o.requester_name' },
    receivedOn: { sql: 'o.received_on', dateKind: 'date' },
    status: { sql: 'o.status' },
    decidedByName: { sql: 'o.decided_by_name' },
    decidedAt: { sql: 'o.decided_at', dateKind: 'instant' },
    decisionNote: { sql: 'o.decision_note' },
  },
  defaultSort: [{ colId: 'requestedAt', sort: 'desc' }],
  quickSearch: textSearch(['c.code', 'c.name', 'o.requester_name', 'o.new_value']),
  mapRow: (raw) => raw as unknown as OrderCycleRow,
};

export async function loadOrderCycleRow(
  db: Reader | Tx,
  where: string,
  params: unknown[],
): Promise<OrderCycleRow | undefined> {
  return db.get<OrderCycleRow>(
    `SELECT ${orderCycleSelect} FROM ${ORDER_CYCLE_FROM} WHERE ${where} ORDER BY o.id DESC LIMIT 1`,
    params,
  );
}
