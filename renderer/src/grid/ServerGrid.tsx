import { useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColumnState, GridApi, GridReadyEvent, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { call, onEvent } from '../api/client';
import { errorText } from '../forms/zodRule';
import { gridLocaleText, gridTheme } from './agGrid';

/** Every channel that answers a grid page (rows + rowCount): derived from the contract, so a new grid needs no edit here. */
export type GridChannel = {
  [C in ChannelName]: ChannelOutput<C> extends { rows: unknown[]; rowCount: number } ? (ChannelInput<C> extends { startRow: number } ? C : never) : never;
}[ChannelName];

export interface GridView {
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Record<string, ColumnFilter>;
  quickSearch: string;
}

export interface ServerGridHandle {
  api: GridApi | null;
  /** The view as the backend should export it: filters, sort, quick search and the visible columns in order. */
  view(): GridView & { columns: string[] };
  refresh(): void;
  resetColumns(): void;
}

interface Props<Row> {
  /** Where this user's column state is kept (prefs), e.g. "grid.customers". */
  gridKey: string;
  channel: GridChannel;
  columnDefs: ColDef<Row>[];
  /** Fixed inputs for the channel, e.g. the customer whose history this is. */
  extraInput?: Record<string, unknown>;
  quickSearch?: string;
  /** Filters the page applies outside the column menus (e.g. 在册/归档). */
  fixedFilter?: Record<string, ColumnFilter>;
  /** Refresh when the backend reports a change to this entity. */
  refreshOn?: string;
  onRowCountChange?: (count: number) => void;
  onRowDoubleClicked?: (row: Row) => void;
  handleRef?: React.Ref<ServerGridHandle>;
  testId?: string;
}

const PAGE = 100;
/**
 * One object for every render: a new defaultColDef makes AG Grid rebuild its columns, which puts them back in
 * definition order and so undid the column order just restored from the user's saved state.
 */
const DEFAULT_COL_DEF: ColDef = { sortable: true, resizable: true, minWidth: 80, filterParams: { buttons: ['reset'] } };

/**
 * The one server-side grid: AG Grid's infinite row model over a backend query channel. Sorting, filtering and
 * the quick search run in SQL; only the visible pages reach the renderer. Column state is saved per user.
 */
export function ServerGrid<Row>(props: Props<Row>) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const apiRef = useRef<GridApi | null>(null);
  const live = useRef(props);
  live.current = props;
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const restored = useRef(false);
  const prefKey = `${props.gridKey}.columns`;

  const currentView = useCallback((): GridView => {
    const api = apiRef.current;
    const sortModel = (api?.getColumnState() ?? [])
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
    return {
      sortModel,
      filterModel: { ...((api?.getFilterModel() ?? {}) as Record<string, ColumnFilter>), ...(live.current.fixedFilter ?? {}) },
      quickSearch: (live.current.quickSearch ?? '').trim(),
    };
  }, []);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const view = currentView();
        const input = { ...view, ...(live.current.extraInput ?? {}), startRow: params.startRow, endRow: params.endRow };
        call(live.current.channel as ChannelName, input as never)
          .then((page) => {
            const { rows, rowCount } = page as { rows: Row[]; rowCount: number };
            params.successCallback(rows, rowCount);
            live.current.onRowCountChange?.(rowCount);
            if (rowCount === 0) apiRef.current?.showNoRowsOverlay();
            else apiRef.current?.hideOverlay();
          })
          .catch((err: unknown) => {
            params.failCallback();
            void message.error(errorText(err, t));
          });
      },
    }),
    [currentView, message, t],
  );

  const refresh = useCallback(() => apiRef.current?.purgeInfiniteCache(), []);

  // Quick search, fixed filters and inputs change the query: start again from the first page.
  const queryKey = JSON.stringify([props.quickSearch ?? '', props.fixedFilter ?? {}, props.extraInput ?? {}]);
  useEffect(() => {
    if (apiRef.current) apiRef.current.purgeInfiniteCache();
  }, [queryKey]);

  useEffect(() => (props.refreshOn ? onEvent('data.changed', (e) => e.entity === props.refreshOn && apiRef.current?.refreshInfiniteCache()) : undefined), [props.refreshOn]);

  const saveColumns = useCallback(() => {
    if (!restored.current || !apiRef.current) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    const state = apiRef.current.getColumnState();
    saveTimer.current = setTimeout(() => {
      void call('prefs.set', { key: prefKey, value: state }).catch(() => undefined);
    }, 400);
  }, [prefKey]);

  const onGridReady = useCallback(
    (event: GridReadyEvent) => {
      apiRef.current = event.api;
      call('prefs.get', { key: prefKey })
        .then(({ value }) => {
          if (Array.isArray(value) && value.length) event.api.applyColumnState({ state: value as ColumnState[], applyOrder: true });
        })
        .catch(() => undefined)
        .finally(() => {
          restored.current = true;
          event.api.setGridOption('datasource', datasource);
        });
    },
    [datasource, prefKey],
  );

  useImperativeHandle(
    props.handleRef,
    () => ({
      get api() {
        return apiRef.current;
      },
      view: () => ({
        ...currentView(),
        columns: (apiRef.current?.getAllDisplayedColumns() ?? []).map((c) => c.getColId()),
      }),
      refresh,
      resetColumns: () => {
        apiRef.current?.resetColumnState();
        saveColumns();
      },
    }),
    [currentView, refresh, saveColumns],
  );

  return (
    <div className="server-grid" data-testid={props.testId}>
      <AgGridReact<Row>
        theme={gridTheme}
        localeText={gridLocaleText(i18n.language)}
        key={i18n.language}
        columnDefs={props.columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        rowModelType="infinite"
        cacheBlockSize={PAGE}
        maxBlocksInCache={20}
        infiniteInitialRowCount={1}
        rowBuffer={20}
        animateRows={false}
        getRowId={(p) => String((p.data as { id: number }).id)}
        onGridReady={onGridReady}
        onSortChanged={saveColumns}
        onColumnMoved={(e) => e.finished && saveColumns()}
        onColumnResized={(e) => e.finished && saveColumns()}
        onColumnVisible={saveColumns}
        onColumnPinned={saveColumns}
        onRowDoubleClicked={(e: RowDoubleClickedEvent<Row>) => e.data && props.onRowDoubleClicked?.(e.data)}
        overlayNoRowsTemplate={`<span>${t('grid.noRows')}</span>`}
        tooltipShowDelay={400}
      />
    </div>
  );
}
