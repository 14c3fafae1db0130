import { useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { auditGridColumns } from '@shared/grids/admin';
import type { AuditRow } from '@shared/schemas/admin';
import { zh } from '@shared/i18n';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { ExportButton } from '../../grid/ExportButton';
import { GridPage } from '../../grid/GridPage';
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
    <GridPage
      title={t('audit.title')}
      help={t('audit.help')}
      onSearch={setSearch}
      rowCount={count}
      tools={<ExportButton grid={grid} channel="audit.export" columns={Object.keys(auditGridColumns)} />}
    >
      <ServerGrid<AuditRow> gridKey="grid.audit" channel="audit.query" columnDefs={columns} quickSearch={search} onRowCountChange={setCount} handleRef={grid} testId="audit-grid" />
    </GridPage>
  );
}
