import { useCallback, useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridReadyEvent, IDatasource } from 'ag-grid-community';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@shared/schemas/imports';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';

const PAGE = 200;

/**
 * Every problem a check found, row by row, fetched page by page from the backend (a 100,000-row file may have
 * as many problems): AG Grid's infinite row model over `imports.problems`. The list is in file order.
 */
export function ProblemsGrid({ jobId }: { jobId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();

  const columns = useMemo<ColDef<ImportProblem>[]>(
    () => [
      { field: 'row', headerName: t('imports.preview.columns.row'), width: 90, type: 'rightAligned' },
      { field: 'column', headerName: t('imports.preview.columns.column'), width: 150 },
      { field: 'value', headerName: t('imports.preview.columns.value'), width: 220, tooltipField: 'value' },
      {
        colId: 'message',
        headerName: t('imports.preview.columns.message'),
        flex: 1,
        minWidth: 320,
        valueGetter: (p) => (p.data ? t(p.data.key, p.data.params) : ''),
        tooltipValueGetter: (p) => (p.data ? t(p.data.key, p.data.params) : ''),
      },
    ],
    [t],
  );

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        call('imports.problems', { jobId, startRow: params.startRow, endRow: params.endRow })
          .then((page) => params.successCallback(page.rows, page.rowCount))
          .catch((err: unknown) => {
            params.failCallback();
            void message.error(errorText(err, t));
          });
      },
    }),
    [jobId, message, t],
  );

  const onGridReady = useCallback((e: GridReadyEvent) => e.api.setGridOption('datasource', datasource), [datasource]);

  return (
    <div style={{ height: 380 }} data-testid="import-problems">
      <AgGridReact<ImportProblem>
        key={`${i18n.language}-${jobId}`}
        theme={gridTheme}
        localeText={gridLocaleText(i18n.language)}
        columnDefs={columns}
        defaultColDef={{ sortable: false, resizable: true }}
        rowModelType="infinite"
        cacheBlockSize={PAGE}
        maxBlocksInCache={10}
        infiniteInitialRowCount={1}
        animateRows={false}
        getRowId={(p) => String((p.data as ImportProblem).id)}
        onGridReady={onGridReady}
        tooltipShowDelay={300}
      />
    </div>
  );
}
