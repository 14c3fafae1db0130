import type { auditGridColumns } from '@shared/grids/admin';
import type { AuditRow } from '@shared/schemas/admin';
import { handlers } from '../registry';
import type { GridSpec } from '../grid/spec';
import { gridPage } from '../grid/page';
import { likeEscape } from '../grid/sql';
import { exportView, localDateTime } from '../grid/exportView';

export const auditGrid: GridSpec<typeof auditGridColumns, AuditRow> = {
  from: 'audit_log a',
  countFrom: 'audit_log a',
  id: 'a.id',
  select: `a.id, a.at, a.user_name AS userName, a.channel, a.action, a.entity, a.entity_id AS entityId, a.summary`,
  columns: {
    at: { sql: 'a.at', dateKind: 'instant' },
    userName: { sql: 'a.user_name' },
    channel: { sql: 'a.channel' },
    action: { sql: 'a.action' },
    entity: { sql: 'a.entity' },
    entityId: { sql: 'a.entity_id' },
    summary: { sql: 'a.summary' },
  },
  defaultSort: [{ colId: 'at', sort: 'desc' }],
  quickSearch: (text) => ({
    sql: `(a.user_name LIKE ? ESCAPE '\\' OR a.summary LIKE ? ESCAPE '\\' OR a.channel LIKE ? ESCAPE '\\')`,
    params: Array(3).fill(`%${likeEscape(text)}%`),
  }),
  mapRow: (raw) => raw as unknown as AuditRow,
};

const WIDTH: Record<string, number> = { at: 18, userName: 12, channel: 22, action: 10, entity: 12, entityId: 10, summary: 80 };

export const auditHandlers = handlers({
  'audit.query': async (input, ctx) => gridPage(ctx.db, auditGrid, input),
  'audit.export': async (input, ctx) =>
    exportView(ctx, {
      spec: auditGrid,
      view: input.view,
      columns: input.columns,
      format: input.format,
      locale: input.locale,
      register: 'registers.audit',
      extra: [],
      column: (id, t) => ({
        header: t(`audit.fields.${id}`),
        width: WIDTH[id] ?? 12,
        value: (row) =>
          id === 'at' ? localDateTime(row.at) : id === 'action' ? t(`audit.actions.${row.action}`) : id === 'entity' ? t(`audit.entities.${row.entity}`) : row[id],
      }),
    }),
});
