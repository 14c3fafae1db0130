import { daysOverdue } from '@shared/cadence';
import { ISO_DATE_RE } from '@shared/dates';
import type { contactListColumns, overdueGridColumns, planGridColumns, visitGridColumns } from '@shared/grids/visits';
import type { ContactListRow, OverdueRow, PlanRow, VisitGridRow } from '@shared/schemas/visits';
import type { GridSpec, SqlFragment } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import { customerQuickSearch } from '../customers/grids';

const bool = (v: string) => (v === 'true' ? 1 : 0);
const toId = (v: string) => Number(v);
const like = (text: string) => `%${likeEscape(text)}%`;

/**
 * Some columns depend on today (a plan's state, days overdue). Grid columns are SQL expressions without
 * parameters, so today goes in as a literal — only ever a date the backend's own clock produced, checked here.
 */
function dateLiteral(today: string): string {
  if (!ISO_DATE_RE.test(today)) throw new Error(`not a calendar date: ${today}`);
  return `'${today}'`;
}

/** A quick search that finds customers by code, name, short name, phone or address, plus the given text columns. */
function customerOr(text: string, alias: string, columns: string[]): SqlFragment {
  const customer = customerQuickSearch(text, alias);
  return {
    sql: `(${customer.sql}${columns.map((c) => ` OR ${c} LIKE ? ESCAPE '\\'`).join('')})`,
    params: [...customer.params, ...columns.map(() => like(text))],
  };
}

export const visitGrid: GridSpec<typeof visitGridColumns, VisitGridRow> = {
  from: 'visits vis JOIN customers c ON c.id = vis.customer_id JOIN staff s ON s.id = vis.staff_id',
  // The customer is joined for counting too: the A-class rule reads its class.
  countFrom: 'visits vis JOIN customers c ON c.id = vis.customer_id',
  id: 'vis.id',
  select: `vis.id AS id, vis.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, c.abc_class AS abcClass,
    vis.visited_on AS visitedOn, vis.staff_id AS staffId, s.name AS staffName, vis.channel AS channel, vis.contact_name AS contactName,
    vis.contact_title AS contactTitle, vis.purpose AS purpose, vis.content AS content, vis.customer_needs AS customerNeeds,
    vis.competitors AS competitors, vis.follow_up AS followUp, vis.significant AS significant,
    CASE WHEN vis.voided_at IS NULL THEN 'valid' ELSE 'voided' END AS status, vis.voided_reason AS voidedReason,
    vis.created_by AS createdBy, vis.created_at AS createdAt`,
  columns: {
    visitedOn: { sql: 'vis.visited_on', dateKind: 'date' },
    customerCode: { sql: 'c.code' },
    customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
    abcClass: { sql: 'c.abc_class' },
    staffId: { sql: 'vis.staff_id', setValue: toId },
    staffName: { sql: 's.name', joined: true },
    channel: { sql: 'vis.channel' },
    contactName: { sql: 'vis.contact_name' },
    contactTitle: { sql: 'vis.contact_title' },
    purpose: { sql: 'vis.purpose' },
    content: { sql: 'vis.content' },
    customerNeeds: { sql: 'vis.customer_needs' },
    competitors: { sql: 'vis.competitors' },
    followUp: { sql: 'vis.follow_up' },
    significant: { sql: 'vis.significant', setValue: bool },
    status: { sql: `CASE WHEN vis.voided_at IS NULL THEN 'valid' ELSE 'voided' END` },
    voidedReason: { sql: 'vis.voided_reason' },
    createdBy: { sql: 'vis.created_by' },
    createdAt: { sql: 'vis.created_at', dateKind: 'instant' },
  },
  defaultSort: [{ colId: 'visitedOn', sort: 'desc' }],
  quickSearch: (text) => customerOr(text, 'c', ['vis.contact_name', 'vis.purpose', 'vis.content']),
  mapRow: (raw) => ({ ...(raw as unknown as VisitGridRow), significant: raw.significant === 1 }),
};

/** A plan line is done when its staff member recorded a 走访 at that customer in the plan month. */
const DONE_VISITS = `FROM visits vis WHERE vis.customer_id = p.customer_id AND vis.staff_id = p.staff_id AND vis.channel = 'visit'
  AND vis.voided_at IS NULL AND vis.visited_on >= p.month || '-01' AND vis.visited_on <= p.month || '-31'`;

export function planGrid(today: string): GridSpec<typeof planGridColumns, PlanRow> {
  const state = `CASE WHEN EXISTS (SELECT 1 ${DONE_VISITS}) THEN 'done' WHEN p.planned_on < ${dateLiteral(today)} THEN 'missed' ELSE 'pending' END`;
  return {
    from: 'visit_plans p JOIN customers c ON c.id = p.customer_id JOIN staff s ON s.id = p.staff_id',
    countFrom: 'visit_plans p JOIN customers c ON c.id = p.customer_id',
    id: 'p.id',
    select: `p.id AS id, p.month AS month, p.planned_on AS plannedOn, p.staff_id AS staffId, s.name AS staffName,
      p.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, c.abc_class AS abcClass, p.notes AS notes,
      ${state} AS state, (SELECT min(vis.visited_on) ${DONE_VISITS}) AS visitedOn`,
    columns: {
      plannedOn: { sql: 'p.planned_on', dateKind: 'date' },
      staffId: { sql: 'p.staff_id', setValue: toId },
      staffName: { sql: 's.name', joined: true },
      customerCode: { sql: 'c.code' },
      customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
      abcClass: { sql: 'c.abc_class' },
      notes: { sql: 'p.notes' },
      state: { sql: state },
      visitedOn: { sql: `(SELECT min(vis.visited_on) ${DONE_VISITS})`, dateKind: 'date' },
    },
    defaultSort: [{ colId: 'plannedOn', sort: 'asc' }],
    quickSearch: (text) => customerOr(text, 'c', ['p.notes']),
    mapRow: (raw) => raw as unknown as PlanRow,
  };
}

/**
 * 逾期未联系 reads the derived `customer_cadence` table (migration 6): counting and paging touch only its indexes;
 * the customer and the manager are joined for the page's 100 rows (or when a filter or sort needs them).
 */
export function overdueGrid(today: string): GridSpec<typeof overdueGridColumns, OverdueRow> {
  const t = dateLiteral(today);
  return {
    from: 'customer_cadence k JOIN customers c ON c.id = k.customer_id JOIN staff s ON s.id = k.manager_staff_id',
    countFrom: 'customer_cadence k',
    id: 'k.customer_id',
    select: `k.customer_id AS id, c.code AS code, c.name AS name, k.abc_class AS abcClass, k.manager_staff_id AS managerStaffId,
      s.name AS managerName, k.last_contact_on AS lastContactOn, k.last_visit_on AS lastVisitOn, k.next_phone_due AS nextPhoneDue,
      k.next_visit_due AS nextVisitDue, k.next_due_on AS nextDueOn`,
    columns: {
      code: { sql: 'c.code', joined: true },
      name: { sql: 'c.name', sortSql: 'c.name_sort', joined: true },
      abcClass: { sql: 'k.abc_class' },
      managerStaffId: { sql: 'k.manager_staff_id', setValue: toId },
      managerName: { sql: 's.name', joined: true },
      lastContactOn: { sql: 'k.last_contact_on', dateKind: 'date' },
      lastVisitOn: { sql: 'k.last_visit_on', dateKind: 'date' },
      nextPhoneDue: { sql: 'k.next_phone_due', dateKind: 'date' },
      nextVisitDue: { sql: 'k.next_visit_due', dateKind: 'date' },
      nextDueOn: { sql: 'k.next_due_on', dateKind: 'date' },
      overdueKind: {
        sql: `CASE WHEN k.next_phone_due < ${t} AND k.next_visit_due < ${t} THEN 'both' WHEN k.next_phone_due < ${t} THEN 'phone' ELSE 'visit' END`,
      },
      // Most overdue first is the earliest due date first: sorting by the due date walks the index.
      daysOverdue: { sql: `CAST(julianday(${t}) - julianday(k.next_due_on) AS INTEGER)`, sortSql: `julianday(${t}) - julianday(k.next_due_on)` },
    },
    defaultSort: [{ colId: 'nextDueOn', sort: 'asc' }],
    quickSearch: (text) => {
      const search = customerQuickSearch(text, 'q');
      return { sql: `k.customer_id IN (SELECT q.id FROM customers q WHERE ${search.sql})`, params: search.params };
    },
    mapRow: (raw) => {
      const row = raw as unknown as OverdueRow & { nextDueOn: string };
      const phone = row.nextPhoneDue < today;
      const visit = row.nextVisitDue < today;
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        abcClass: row.abcClass,
        managerStaffId: row.managerStaffId,
        managerName: row.managerName,
        lastContactOn: row.lastContactOn,
        lastVisitOn: row.lastVisitOn,
        nextPhoneDue: row.nextPhoneDue,
        nextVisitDue: row.nextVisitDue,
        overdueKind: phone && visit ? 'both' : phone ? 'phone' : 'visit',
        daysOverdue: daysOverdue(row.nextDueOn, today),
      };
    },
  };
}

export const contactListGrid: GridSpec<typeof contactListColumns, ContactListRow> = {
  from: 'contacts ct JOIN customers c ON c.id = ct.customer_id JOIN staff s ON s.id = c.manager_staff_id',
  countFrom: 'contacts ct JOIN customers c ON c.id = ct.customer_id',
  id: 'ct.id',
  select: `ct.id AS id, ct.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, c.abc_class AS abcClass,
    c.status AS customerStatus, ct.name AS name, ct.title AS title, ct.mobile AS mobile, ct.direct_line AS directLine,
    ct.email AS email, ct.is_key_leader AS isKeyLeader, ct.notes AS notes, s.name AS managerName`,
  columns: {
    customerCode: { sql: 'c.code' },
    customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
    abcClass: { sql: 'c.abc_class' },
    customerStatus: { sql: 'c.status' },
    name: { sql: 'ct.name' },
    title: { sql: 'ct.title' },
    mobile: { sql: 'ct.mobile' },
    directLine: { sql: 'ct.direct_line' },
    email: { sql: 'ct.email' },
    isKeyLeader: { sql: 'ct.is_key_leader', setValue: bool },
    notes: { sql: 'ct.notes' },
    managerStaffId: { sql: 'c.manager_staff_id', setValue: toId },
    managerName: { sql: 's.name', joined: true },
  },
  defaultSort: [{ colId: 'customerCode', sort: 'asc' }],
  quickSearch: (text) => customerOr(text, 'c', ['ct.name', 'ct.mobile', 'ct.direct_line']),
  mapRow: (raw) => ({ ...(raw as unknown as ContactListRow), isKeyLeader: raw.isKeyLeader === 1 }),
};
