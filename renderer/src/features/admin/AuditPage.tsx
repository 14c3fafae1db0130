import { useMemo, useRef, useState } from 'react';
import { Card, Input, Typography } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { auditGridColumns } from '@shared/grids/admin';
import type { AuditRow } from '@shared/schemas/admin';
import { zh } from '@shared/i18n';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { ExportButton } from '../../grid/ExportButton';
import { dateColumn, setColumn, textColumn } from '../../grid/columns';
import { auditSummaryText } from './auditSummary';

const ACTIONS = Object.keys(zh.audit.actions);
const ENTITIES = Object.keys(zh.audit.entities);

/** 操作日志: every write and every A-class view, read-only, filterable by user, entity and date, exportable. */
export function AuditPage() {
  const { t } = useTranslation();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const columns = useMemo<ColDef<AuditRow>[]>(
    () => [
      dateColumn('at', t('audit.fields.at'), 'instant', { width: 150 }),
      textColumn('userName', t('audit.fields.userName'), { width: 110 }),
      setColumn('action', t('audit.fields.action'), ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })), { width: 110 }),
      setColumn('entity', t('audit.fields.entity'), ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) })), { width: 120 }),
      textColumn('entityId', t('audit.fields.entityId'), { width: 110 }),
      textColumn('channel', t('audit.fields.channel'), { width: 170 }),
      textColumn('summary', t('audit.fields.summary'), {
        flex: 1,
        minWidth: 300,
        valueFormatter: (p) => auditSummaryText(p.value as string),
        tooltipValueGetter: (p) => auditSummaryText(p.value as string),
      }),
    ],
    [t],
  );
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('audit.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('audit.help')}</Typography.Text>
        </div>
      </div>
      <Card size="small" className="grid-card" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 } }}>
        <div className="toolbar">
          <Input.Search allowClear style={{ width: 320 }} onSearch={setSearch} placeholder={t('common.search')} data-testid="audit-search" />
          <span className="toolbar-spacer" />
          <span className="row-count" data-testid="row-count">
            {count === null ? '' : t('grid.rowCount', { n: count.toLocaleString() })}
          </span>
          <ExportButton grid={grid} channel="audit.export" columns={Object.keys(auditGridColumns)} />
        </div>
        <ServerGrid<AuditRow> gridKey="grid.audit" channel="audit.query" columnDefs={columns} quickSearch={search} onRowCountChange={setCount} handleRef={grid} testId="audit-grid" />
      </Card>
    </div>
  );
}
