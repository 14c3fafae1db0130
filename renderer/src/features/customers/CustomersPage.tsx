import { useMemo, useRef, useState } from 'react';
import { Button, Card, Input, Segmented, Spin, Typography } from 'antd';
import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { customerGridColumns } from '@shared/grids/customers';
import type { CustomerGridRow } from '@shared/schemas/customer';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { ExportButton } from '../../grid/ExportButton';
import { useAuth } from '../../auth/AuthContext';
import { customerColumns } from './customerColumns';
import { useLookups } from './useLookups';
import { CustomerForm } from './CustomerForm';

type StatusView = 'active' | 'archived' | 'all';
const EXPORTABLE = Object.keys(customerGridColumns);

/** 客户台账: the clerk's main workplace — the whole archive in one server-side grid. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
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
    <div className="page">
      <div className="page-header">
        <Typography.Title level={4} className="page-title">
          {t('nav.customerList')}
        </Typography.Title>
        <div className="toolbar">
          {can('customers.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-customer">
              {t('customers.new')}
            </Button>
          )}
        </div>
      </div>
      <Card size="small" className="grid-card" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 } }}>
        <div className="toolbar">
          <Input.Search
            allowClear
            placeholder={t('customers.quickSearch')}
            style={{ width: 340 }}
            onSearch={setSearch}
            onChange={(e) => e.target.value === '' && setSearch('')}
            data-testid="quick-search"
          />
          <Segmented<StatusView>
            value={status}
            onChange={setStatus}
            options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`customers.statusFilter.${s}`) }))}
          />
          <span className="toolbar-spacer" />
          <span className="row-count" data-testid="row-count">
            {rowCount === null ? '' : t('grid.rowCount', { n: rowCount.toLocaleString(i18n.language) })}
          </span>
          <Button icon={<UndoOutlined />} onClick={() => grid.current?.resetColumns()}>
            {t('grid.resetColumns')}
          </Button>
          {can('customers.export') && <ExportButton grid={grid} channel="customers.export" columns={EXPORTABLE} />}
        </div>
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
      </Card>
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
    </div>
  );
}
