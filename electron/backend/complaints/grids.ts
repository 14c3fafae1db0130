import type { complaintGridColumns, satisfactionGridColumns } from '@shared/grids/complaints';
import type { ComplaintGridRow, SatisfactionGridRow } from '@shared/schemas/complaint';
import type { GridSpec, SqlFragment } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import { averageHundredths } from './records';
import { dueStateSql } from './dueState';

/** Quick search over the complaint number, the customer's code and name, and the content. */
export function complaintQuickSearch(text: string): SqlFragment {
  const like = `%${likeEscape(text)}%`;
  return {
    sql: `(k.number LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR k.content LIKE ? ESCAPE '\\')`,
    params: [like, like, like, like],
  };
}

const SCORE_SUM = '(k.score_time + k.score_method + k.score_process + k.score_result)';

/**
 * 客户投诉记录台账. The due state depends on today, so the grid is built per call with the backend clock's date.
 * Customers are joined in `countFrom` too: the A-class rule and the quick search need them.
 */
export function complaintGrid(today: string): GridSpec<typeof complaintGridColumns, ComplaintGridRow> {
  const dueState = dueStateSql(today);
  return {
    from: 'complaints k JOIN customers c ON c.id = k.customer_id JOIN staff s ON s.id = k.received_by_staff_id',
    countFrom: 'complaints k JOIN customers c ON c.id = k.customer_id',
    id: 'k.id',
    select: `k.id AS id, k.number AS number, k.received_at AS receivedAt, k.customer_id AS customerId, c.code AS customerCode,
      c.name AS customerName, k.type AS type, k.channel AS channel, s.name AS receivedByName, k.content AS content,
      k.verification AS verification, k.responsibility AS responsibility, k.responsible_department AS responsibleDepartment,
      k.responsible_person AS responsiblePerson, k.handling_plan AS handlingPlan, k.handling_result AS handlingResult,
      k.rectification_plan AS rectificationPlan, k.due_on AS dueOn, ${dueState} AS dueState, k.status AS status,
      k.resolved_at AS resolvedAt, k.closed_at AS closedAt, ${SCORE_SUM} AS scoreSum`,
    columns: {
      number: { sql: 'k.number' },
      // Filtered by the local received date (indexed), sorted by the exact instant.
      receivedAt: { sql: 'k.received_on', dateKind: 'date', sortSql: 'k.received_at' },
      customerCode: { sql: 'c.code' },
      customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
      type: { sql: 'k.type' },
      channel: { sql: 'k.channel' },
      receivedByName: { sql: 's.name', joined: true },
      content: { sql: 'k.content' },
      verification: { sql: 'k.verification' },
      responsibility: { sql: 'k.responsibility' },
      responsibleDepartment: { sql: 'k.responsible_department' },
      responsiblePerson: { sql: 'k.responsible_person' },
      handlingPlan: { sql: 'k.handling_plan' },
      handlingResult: { sql: 'k.handling_result' },
      rectificationPlan: { sql: 'k.rectification_plan' },
      dueOn: { sql: 'k.due_on', dateKind: 'date' },
      dueState: { sql: dueState },
      status: { sql: 'k.status' },
      resolvedAt: { sql: 'k.resolved_at', dateKind: 'instant' },
      closedAt: { sql: 'k.closed_at', dateKind: 'instant' },
      averageScore: { sql: `${SCORE_SUM} * 25`, numberScale: 100 },
    },
    defaultSort: [{ colId: 'receivedAt', sort: 'desc' }],
    quickSearch: complaintQuickSearch,
    mapRow: (raw) => {
      const { scoreSum, ...row } = raw as unknown as ComplaintGridRow & { scoreSum: number | null };
      return { ...row, averageScore: scoreSum === null ? null : averageHundredths(scoreSum) };
    },
  };
}

/** 顾客满意台账: only complaints whose customer has given the four scores. */
export const satisfactionGrid: GridSpec<typeof satisfactionGridColumns, SatisfactionGridRow> = {
  from: 'complaints k JOIN customers c ON c.id = k.customer_id',
  countFrom: 'complaints k JOIN customers c ON c.id = k.customer_id',
  id: 'k.id',
  select: `k.id AS id, k.number AS number, k.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
    k.type AS type, k.status AS status, k.feedback_on AS feedbackOn, k.closed_at AS closedAt, k.score_time AS scoreTime,
    k.score_method AS scoreMethod, k.score_process AS scoreProcess, k.score_result AS scoreResult,
    ${SCORE_SUM} * 25 AS averageScore, k.feedback_note AS feedbackNote`,
  columns: {
    number: { sql: 'k.number' },
    customerCode: { sql: 'c.code' },
    customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
    type: { sql: 'k.type' },
    status: { sql: 'k.status' },
    feedbackOn: { sql: 'k.feedback_on', dateKind: 'date' },
    closedAt: { sql: 'k.closed_at', dateKind: 'instant' },
    scoreTime: { sql: 'k.score_time' },
    scoreMethod: { sql: 'k.score_method' },
    scoreProcess: { sql: 'k.score_process' },
    scoreResult: { sql: 'k.score_result' },
    averageScore: { sql: `${SCORE_SUM} * 25`, numberScale: 100 },
    feedbackNote: { sql: 'k.feedback_note' },
  },
  defaultSort: [{ colId: 'feedbackOn', sort: 'desc' }],
  quickSearch: complaintQuickSearch,
  mapRow: (raw) => raw as unknown as SatisfactionGridRow,
};

/** Only complaints that have their scores belong in 顾客满意台账. */
export const scoredOnly: SqlFragment = { sql: `k.status IN ('feedbackRecorded', 'closed')`, params: [] };
