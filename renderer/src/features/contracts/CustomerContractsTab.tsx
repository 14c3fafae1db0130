import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import type { ContractGridRow } from '@shared/schemas/contract';
import { ServerGrid } from '../../grid/ServerGrid';
import { contractColumns } from './contractColumns';
import { ContractDrawer } from './ContractDrawer';
import { ContractForm } from './ContractForm';

/** The 合同 tab of a customer: its contracts (the register filtered to this customer), new contract, detail. */
export function CustomerContractsTab({ customer, editable }: { customer: { id: number; code: string; name: string }; editable: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const columns = useMemo(() => contractColumns(t, { withCustomer: false }), [t]);
  const filter = useMemo((): Record<string, ColumnFilter> => ({ customerId: { filterType: 'number', type: 'equals', filter: customer.id } }), [customer.id]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: 420 }} data-testid="customer-contracts">
      {editable && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-customer-contract">
            {t('contracts.new')}
          </Button>
        </div>
      )}
      <ServerGrid<ContractGridRow>
        gridKey="grid.customerContracts"
        channel="contracts.query"
        columnDefs={columns}
        fixedFilter={filter}
        refreshOn="contract"
        onRowDoubleClicked={(row) => setOpen(row.id)}
        testId="customer-contract-grid"
      />
      {creating && (
        <ContractForm
          mode={{ kind: 'create', customer: { id: customer.id, label: `${customer.code} ${customer.name}` } }}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            setOpen(d.contract.id);
          }}
        />
      )}
      {open !== null && <ContractDrawer id={open} onClose={() => setOpen(null)} showCustomerLink={false} />}
    </div>
  );
}
