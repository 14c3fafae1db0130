import type { ResourceDimension, ResourceStats, ResourceStatsRow } from '@shared/schemas/resourceStats';
import { RESOURCE_DIMENSIONS } from '@shared/schemas/resourceStats';
import type { Reader } from '../db/connection';
import type { Session } from '../auth/sessions';
import { handlers } from '../registry';
import { exportRegister } from '../grid/exportView';
import { visibleCustomers } from './visibility';

/** How each dimension groups customers and names the group. */
const GROUPS: Record<ResourceDimension, { key: string; label: string; join: string }> = {
  staff: { key: 'c.manager_staff_id', label: 's.name', join: 'LEFT JOIN staff s ON s.id = c.manager_staff_id' },
  region: { key: 'c.region', label: 'e.label', join: `LEFT JOIN code_list_entries e ON e.list = 'region' AND e.code = c.region` },
  businessFormat: { key: 'c.business_format', label: 'e.label', join: `LEFT JOIN code_list_entries e ON e.list = 'businessFormat' AND e.code = c.business_format` },
  marketType: { key: 'c.market_type', label: 'e.label', join: `LEFT JOIN code_list_entries e ON e.list = 'marketType' AND e.code = c.market_type` },
};

/** A register line: a group of one dimension, or the grand total. */
type ExportRow = Omit<ResourceStatsRow, 'dimension'> & { dimension: ResourceDimension | 'total' };

const COUNTS = `sum(c.abc_class = 'A') AS a, sum(c.abc_class = 'B') AS b, sum(c.abc_class = 'C') AS c, count(*) AS total, sum(c.is_key = 1) AS keyCustomers`;

/** Active customers the user may see, counted by class per group of each dimension (largest groups first). */
export async function loadResourceStats(db: Reader, session: Session): Promise<ResourceStats> {
  const visible = visibleCustomers(session);
  const rows: ResourceStatsRow[] = [];
  for (const dimension of RESOURCE_DIMENSIONS) {
    const g = GROUPS[dimension];
    const groups = await db.all<Omit<ResourceStatsRow, 'dimension'>>(
      `SELECT CAST(${g.key} AS TEXT) AS key, ${g.label} AS label, ${COUNTS}
       FROM customers c ${g.join}
       WHERE c.status = 'active' AND ${visible.sql}
       GROUP BY ${g.key} ORDER BY total DESC, ${g.key} IS NULL, ${g.key}`,
      visible.params,
    );
    rows.push(...groups.map((r) => ({ ...r, dimension })));
  }
  const total = await db.get<ResourceStats['total']>(
    `SELECT ${COUNTS} FROM customers c WHERE c.status = 'active' AND ${visible.sql}`,
    visible.params,
  );
  return { rows, total: { a: total?.a ?? 0, b: total?.b ?? 0, c: total?.c ?? 0, total: total?.total ?? 0, keyCustomers: total?.keyCustomers ?? 0 } };
}

export const resourceStatsHandlers = handlers({
  'customers.resourceStats': async (_input, ctx) => loadResourceStats(ctx.db, ctx.session),

  'customers.resourceStatsExport': async (input, ctx) => {
    const stats = await loadResourceStats(ctx.db, ctx.session);
    return exportRegister<ExportRow>(ctx, {
      register: 'registers.resourceStats',
      format: input.format,
      locale: input.locale,
      columns: (t) => [
        { header: t('resourceStats.dimension'), width: 12, value: (r) => t(`resourceStats.dimensions.${r.dimension}`) },
        { header: t('resourceStats.group'), width: 24, value: (r) => r.label ?? (r.key === null ? t('resourceStats.notSet') : r.key) },
        { header: t('enums.abcClass.A'), width: 10, value: (r) => r.a },
        { header: t('enums.abcClass.B'), width: 10, value: (r) => r.b },
        { header: t('enums.abcClass.C'), width: 10, value: (r) => r.c },
        { header: t('resourceStats.total'), width: 10, value: (r) => r.total },
        { header: t('customers.fields.isKey'), width: 10, value: (r) => r.keyCustomers },
      ],
      rows: (t) =>
        (async function* (): AsyncIterable<ExportRow[]> {
          yield stats.rows;
          yield [{ dimension: 'total', key: null, label: t('resourceStats.grandTotal'), ...stats.total }];
        })(),
    });
  },
});
