import { useMemo, useState } from 'react';
import { Button, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { customerGridColumns } from '@shared/grids/customers';
import type { CustomerGridRow } from '@shared/schemas/customer';
import { RegisterPage } from '../../grid/RegisterPage';
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
  const [status, setStatus] = useState<StatusView>('active');
  const [creating, setCreating] = useState(false);

  const columnDefs = useMemo(() => (lookups ? customerColumns(t, lookups) : []), [t, lookups]);
  const fixedFilter = useMemo(
    (): Record<string, ColumnFilter> => (status === 'all' ? {} : { status: { filterType: 'set', values: [status] } }),
    [status],
  );

  return (
    <>
      <RegisterPage<CustomerGridRow>
        title={t('nav.customerList')}
        actions={
          can('customers.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-customer">
              {t('customers.new')}
            </Button>
          )
        }
        searchPlaceholder={t('customers.quickSearch')}
        filters={
          <Segmented<StatusView>
            value={status}
            onChange={setStatus}
            options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`customers.statusFilter.${s}`) }))}
          />
        }
        grid={{
          gridKey: 'grid.customers',
          channel: 'customers.query',
          columnDefs,
          fixedFilter,
          refreshOn: 'customer',
          onRowDoubleClicked: (row) => void navigate(`/customers/${row.id}`),
          testId: 'customer-grid',
        }}
        exportTo={{ channel: 'customers.export', columns: EXPORTABLE }}
        ready={Boolean(lookups)}
      />
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
