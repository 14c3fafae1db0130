import { useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Button, Spin } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { useAuth } from '../auth/AuthContext';
import { ExportButton } from './ExportButton';
import { GridPage } from './GridPage';
import { ServerGrid, type GridChannel, type ServerGridHandle } from './ServerGrid';

interface Props<Row> {
  title: string;
  help?: string;
  /** Buttons at the top right (新建 …). */
  actions?: ReactNode;
  searchPlaceholder?: string;
  /** The page's own filters next to the quick search. */
  filters?: ReactNode;
  /** The register's grid: what ServerGrid needs beyond the quick search, row count and handle kept here. */
  grid: {
    gridKey: string;
    channel: GridChannel;
    columnDefs: ColDef<Row>[];
    fixedFilter?: Record<string, ColumnFilter>;
    refreshOn?: string;
    onRowDoubleClicked?: (row: Row) => void;
    testId: string;
  };
  /** The register's export (shown to users who may export) and the columns it may carry. */
  exportTo: { channel: ComponentProps<typeof ExportButton>['channel']; columns: readonly string[] };
  /** False while the page still loads what its columns need: a spinner stands in for the grid. */
  ready?: boolean;
}

/**
 * A register page (台账): the list page frame with quick search and row count, 重置列 and 导出 in the toolbar,
 * and one server-side grid. The page gives its title, filters and grid; the search, count and grid handle live here.
 */
export function RegisterPage<Row>({ grid, exportTo, ready = true, ...page }: Props<Row>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const handle = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [rowCount, setRowCount] = useState<number | null>(null);

  return (
    <GridPage
      {...page}
      onSearch={setSearch}
      rowCount={rowCount}
      tools={
        <>
          <Button icon={<UndoOutlined />} onClick={() => handle.current?.resetColumns()}>
            {t('grid.resetColumns')}
          </Button>
          {can('customers.export') && (
            <ExportButton grid={handle} channel={exportTo.channel} columns={exportTo.columns} />
          )}
        </>
      }
    >
      {ready ? (
        <ServerGrid<Row>
          {...grid}
          quickSearch={search}
          onRowCountChange={setRowCount}
          handleRef={handle}
        />
      ) : (
        <Spin />
      )}
    </GridPage>
  );
}
