import type { customerGridColumns, customerHistoryColumns } from '@shared/grids/customers';
import type { CustomerGridRow, HistoryRow } from '@shared/schemas/customer';
import type { GridSpec, SqlFragment } from '../grid/spec';
import { likeEscape } from '../grid/sql';

const bool = (v: string) => (v === 'true' ? 1 : 0);

/**
 * Quick search over code, name, short name, phone and address. Three characters or more use the trigram
 * index; shorter queries (a two-character Chinese word is common) fall back to a scan with LIKE over the same
 * five columns, so a short search finds what a long one would.
 */
export function customerQuickSearch(text: string, alias = 'c'): SqlFragment {
  if ([...text].length >= 3) {
    return {
      sql: `${alias}.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)`,
      params: [`"${text.replace(/"/g, '""')}"`],
    };
  }
  const like = `%${likeEscape(text)}%`;
  return {
    sql: `(${alias}.name LIKE ? ESCAPE '\\' OR ${alias}.short_name LIKE ? ESCAPE '\\' OR ${alias}.code LIKE ? ESCAPE '\\' OR ${alias}.phone LIKE ? ESCAPE '\\' OR ${alias}.address LIKE ? ESCAPE '\\')`,
    params: [like, like, like, like, like],
  };
}

export const customerGrid: GridSpec<typeof customerGridColumns, CustomerGridRow> = {
  from: 'customers c JOIN staff s ON s.id = c.manager_staff_id',
  countFrom: 'customers c',
  id: 'c.id',
  select: `c.id AS id, c.code AS code, c.name AS name, c.short_name AS shortName, c.abc_class AS abcClass,
    c.status AS status, c.is_key AS isKey, c.region AS region, c.business_format AS businessFormat,
    c.market_type AS marketType, c.market_size AS marketSize, c.area_unit AS areaUnit, c.urban_rural AS urbanRural,
    s.name AS managerName, c.phone AS phone, c.address AS address, c.email AS email, c.registered_on AS registeredOn,
    c.credit_rating AS creditRating, c.credit_limit_fen AS creditLimitFen, c.strength AS strength,
    c.deal_likelihood AS dealLikelihood, c.order_cycle AS orderCycle, c.info_source AS infoSource,
    c.updated_at AS updatedAt`,
  columns: {
    code: { sql: 'c.code' },
    name: { sql: 'c.name', sortSql: 'c.name_sort' },
    shortName: { sql: 'c.short_name' },
    abcClass: { sql: 'c.abc_class' },
    status: { sql: 'c.status' },
    isKey: { sql: 'c.is_key', setValue: bool },
    region: { sql: 'c.region' },
    businessFormat: { sql: 'c.business_format' },
    marketType: { sql: 'c.market_type' },
    marketSize: { sql: 'c.market_size' },
    areaUnit: { sql: 'c.area_unit' },
    urbanRural: { sql: 'c.urban_rural' },
    managerName: { sql: 's.name', joined: true },
    phone: { sql: 'c.phone' },
    address: { sql: 'c.address' },
    email: { sql: 'c.email' },
    registeredOn: { sql: 'c.registered_on', dateKind: 'date' },
    creditRating: { sql: 'c.credit_rating' },
    creditLimitFen: { sql: 'c.credit_limit_fen', numberScale: 100 },
    strength: { sql: 'c.strength' },
    dealLikelihood: { sql: 'c.deal_likelihood' },
    orderCycle: { sql: 'c.order_cycle' },
    infoSource: { sql: 'c.info_source' },
    updatedAt: { sql: 'c.updated_at', dateKind: 'instant' },
  },
  defaultSort: [{ colId: 'code', sort: 'asc' }],
  quickSearch: (text) => customerQuickSearch(text),
  mapRow: (raw) => ({ ...(raw as unknown as CustomerGridRow), isKey: raw.isKey === 1 }),
};

export const historyGrid: GridSpec<typeof customerHistoryColumns, HistoryRow> = {
  from: 'customer_changes h',
  countFrom: 'customer_changes h',
  id: 'h.id',
  select: `h.id AS id, h.changed_at AS changedAt, h.entity AS entity, h.entity_label AS entityLabel, h.field AS field,
    h.old_value AS oldValue, h.new_value AS newValue, h.user_name AS userName, h.received_on AS receivedOn, h.late AS late,
    h.approved_by AS approvedBy`,
  columns: {
    changedAt: { sql: 'h.changed_at', dateKind: 'instant' },
    entity: { sql: 'h.entity' },
    field: { sql: 'h.field' },
    oldValue: { sql: 'h.old_value' },
    newValue: { sql: 'h.new_value' },
    userName: { sql: 'h.user_name' },
    receivedOn: { sql: 'h.received_on', dateKind: 'date' },
    late: { sql: 'h.late', setValue: bool },
    approvedBy: { sql: 'h.approved_by' },
  },
  defaultSort: [{ colId: 'changedAt', sort: 'desc' }],
  mapRow: (raw) => ({ ...(raw as unknown as HistoryRow), late: raw.late === 1 }),
};
