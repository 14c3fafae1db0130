import { useMemo } from 'react';
import { Progress } from 'antd';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '@shared/schemas/visits';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';

type Line = PlanSummary['staff'][number];

const rate = (l: Pick<Line, 'planned' | 'done'>) => (l.planned === 0 ? 0 : Math.round((l.done * 100) / l.planned));

/**
 * Plan completion per staff member (a few dozen rows at most, so the grid holds them all; it scrolls) with the
 * office's total pinned below; clicking a staff member shows only their plan lines.
 */
export function PlanSummaryGrid({ summary, onPick }: { summary: PlanSummary; onPick: (staffId: number) => void }) {
  const { t, i18n } = useTranslation();
  const f = (id: string) => t(`visits.plans.fields.${id}`);
  const columns = useMemo<ColDef<Line>[]>(
    () => [
      { field: 'staffName', headerName: f('staffName'), width: 150, valueFormatter: (p) => (p.data?.employeeNo ? `${p.value as string}（${p.data.employeeNo}）` : (p.value as string)) },
      { field: 'planned', headerName: f('planned'), width: 120, type: 'rightAligned' },
      { field: 'done', headerName: f('done'), width: 110, type: 'rightAligned' },
      {
        colId: 'rate',
        headerName: f('rate'),
        width: 360,
        valueGetter: (p) => (p.data ? rate(p.data) : 0),
        cellStyle: { display: 'flex', alignItems: 'center' },
        cellRenderer: (p: { data?: Line }) => (p.data ? <Progress percent={rate(p.data)} size="small" status={rate(p.data) === 100 ? 'success' : 'normal'} style={{ margin: 0 }} /> : null),
      },
      { field: 'visits', headerName: f('visits'), width: 140, type: 'rightAligned' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );
  const total: Line = {
    staffId: 0,
    staffName: t('common.all'),
    employeeNo: '',
    planned: summary.staff.reduce((n, s) => n + s.planned, 0),
    done: summary.staff.reduce((n, s) => n + s.done, 0),
    visits: summary.staff.reduce((n, s) => n + s.visits, 0),
  };
  return (
    <div data-testid="plan-summary" style={{ height: 250 }}>
      <AgGridReact<Line>
        theme={gridTheme}
        localeText={gridLocaleText(i18n.language)}
        rowData={summary.staff}
        pinnedBottomRowData={summary.staff.length ? [total] : []}
        columnDefs={columns}
        getRowId={(p) => String(p.data.staffId)}
        onRowClicked={(e) => e.data && e.data.staffId !== 0 && onPick(e.data.staffId)}
        overlayNoRowsTemplate={`<span>${t('visits.plans.noPlans')}</span>`}
      />
    </div>
  );
}
