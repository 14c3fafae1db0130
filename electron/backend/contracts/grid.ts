import type { contractGridColumns } from '@shared/grids/contracts';
import type { ContractGridRow } from '@shared/schemas/contract';
import type { GridSpec, SqlFragment } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import { expiringSql, statusSql } from './status';

const bool = (v: string) => (v === 'true' ? 1 : 0);

/** Quick search over contract no., title and the customer's code and name (the register is thousands of rows, not millions). */
function contractQuickSearch(text: string): SqlFragment {
  const like = `%${likeEscape(text)}%`;
  return {
    sql: `(k.contract_no LIKE ? ESCAPE '\\' OR k.title LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\')`,
    params: [like, like, like, like],
  };
}

/**
 * The register's grid as of `today`: the shown status and the 即将到期 flag depend on the date, so the spec is
 * built per request (see status.ts for why the date is part of the SQL).
 */
export function contractGrid(today: string, expiringDays: number): GridSpec<typeof contractGridColumns, ContractGridRow> {
  const status = statusSql(today);
  const expiring = `(CASE WHEN ${expiringSql(today, expiringDays)} THEN 1 ELSE 0 END)`;
  return {
    from: 'contracts k JOIN customers c ON c.id = k.customer_id JOIN staff s ON s.id = c.manager_staff_id',
    countFrom: 'contracts k JOIN customers c ON c.id = k.customer_id',
    id: 'k.id',
    select: `k.id AS id, k.contract_no AS contractNo, k.title AS title, k.customer_id AS customerId, c.code AS customerCode,
      c.name AS customerName, s.name AS managerName, k.contract_type AS contractType, k.is_special AS isSpecial,
      ${status} AS status, (k.countersigned_on IS NOT NULL) AS countersigned, k.countersigned_by AS countersignedBy,
      (k.special_approved_at IS NOT NULL) AS specialApproved, k.special_approved_by AS specialApprovedBy,
      k.signed_on AS signedOn, k.start_on AS startOn, k.end_on AS endOn, k.amount_fen AS amountFen,
      json_array_length(k.attachments) AS attachmentCount, ${expiring} AS expiring, k.updated_at AS updatedAt`,
    columns: {
      contractNo: { sql: 'k.contract_no' },
      title: { sql: 'k.title' },
      customerId: { sql: 'k.customer_id' },
      customerCode: { sql: 'c.code' },
      customerName: { sql: 'c.name', sortSql: 'c.name_sort' },
      managerName: { sql: 's.name', joined: true },
      contractType: { sql: 'k.contract_type' },
      isSpecial: { sql: 'k.is_special', setValue: bool },
      status: { sql: status },
      countersigned: { sql: '(k.countersigned_on IS NOT NULL)', setValue: bool },
      countersignedBy: { sql: 'k.countersigned_by' },
      specialApproved: { sql: '(k.special_approved_at IS NOT NULL)', setValue: bool },
      specialApprovedBy: { sql: 'k.special_approved_by' },
      signedOn: { sql: 'k.signed_on', dateKind: 'date' },
      startOn: { sql: 'k.start_on', dateKind: 'date' },
      endOn: { sql: 'k.end_on', dateKind: 'date' },
      amountFen: { sql: 'k.amount_fen', numberScale: 100 },
      attachmentCount: { sql: 'json_array_length(k.attachments)' },
      expiring: { sql: expiring, setValue: bool },
      updatedAt: { sql: 'k.updated_at', dateKind: 'instant' },
    },
    // Contract numbers carry the year (HT-2026-…): newest first, as the paper register is read.
    defaultSort: [{ colId: 'contractNo', sort: 'desc' }],
    quickSearch: contractQuickSearch,
    mapRow: (raw) => ({
      ...(raw as unknown as ContractGridRow),
      isSpecial: raw.isSpecial === 1,
      countersigned: raw.countersigned === 1,
      specialApproved: raw.specialApproved === 1,
      expiring: raw.expiring === 1,
    }),
  };
}
