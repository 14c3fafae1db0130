import { useMemo, useRef, useState } from 'react';
import { Button, Segmented, Spin } from 'antd';
import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { customerGridColumns } from '@shared/grids/customers';
import type { CustomerGridRow } from '@shared/schemas/customer';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { ExportButton } from '../../grid/ExportButton';
import { GridPage } from '../../grid/GridPage';
import { useAuth } from '../../auth/AuthContext';
import { customerColumns } from './customerColumns';
import { useLookups } from './useLookups';
import { CustomerForm } from './CustomerForm';

type StatusView = 'active' | 'archived' | 'all';
const EXPORTABLE = Object.keys(customerGridColumns);

/** 客户台账: the clerk's main workplace — the whole archive in one server-side grid. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const lookups = useLookups();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusView>('active');
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const columnDefs = useMemo(() => (lookups ? customerColumns(t, lookups) : []), [t, lookups]);
  const fixedFilter = useMemo(
    (): Record<string, ColumnFilter> => (status === 'all' ? {} : { status: { filterType: 'set', values: [status] } }),
    [status],
  );

  return (
    <>
      <GridPage
        title={t('nav.customerList')}
        actions={
          can('customers.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-customer">
              {t('customers.new')}
            </Button>
          )
        }
        searchPlaceholder={t('customers.quickSearch')}
        onSearch={setSearch}
        filters={
          <Segmented<StatusView>
            value={status}
            onChange={setStatus}
            options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`customers.statusFilter.${s}`) }))}
          />
        }
        rowCount={rowCount}
        tools={
          <>
            <Button icon={<UndoOutlined />} onClick={() => grid.current?.resetColumns()}>
              {t('grid.resetColumns')}
            </Button>
            {can('customers.export') && <ExportButton grid={grid} channel="customers.export" columns={EXPORTABLE} />}
          </>
        }
      >
        {lookups ? (
          <ServerGrid<CustomerGridRow>
            gridKey="grid.customers"
            channel="customers.query"
            columnDefs={columnDefs}
            quickSearch={search}
            fixedFilter={fixedFilter}
            refreshOn="customer"
            onRowCountChange={setRowCount}
            onRowDoubleClicked={(row) => void navigate(`/customers/${row.id}`)}
            handleRef={grid}
            testId="customer-grid"
          />
        ) : (
          <Spin />
        )}
      </GridPage>
      {creating && lookups && (
        <CustomerForm
          lookups={lookups}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            void navigate(`/customers/${id}`);
          }}
        />
      )}
    </>
  );
}
