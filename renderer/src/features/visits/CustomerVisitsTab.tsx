import { useMemo, useState } from 'react';
import { App, Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '@shared/schemas/customer';
import type { VisitGridRow } from '@shared/schemas/visits';
import { ServerGrid } from '../../grid/ServerGrid';
import { visitColumns } from './visitColumns';
import { VisitForm } from './VisitForm';
import { VisitDetailModal } from './VisitDetailModal';
import { CadenceStatus } from './CadenceStatus';
import { useStaff } from './useStaff';

/** 拜访记录 on the customer page: where the customer stands against its cadence, and every visit and call. */
export function CustomerVisitsTab({ customer, editable }: { customer: CustomerRecord; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const staff = useStaff();
  const [recording, setRecording] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const columns = useMemo(() => visitColumns(t, { withCustomer: false }), [t]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: 520 }} data-testid="customer-visits">
      <CadenceStatus customerId={customer.id} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="new-visit">
            {t('visits.new')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('visits.voidHelp')}</Typography.Text>
      </div>
      <ServerGrid<VisitGridRow>
        gridKey="grid.customerVisits"
        channel="visits.query"
        columnDefs={columns}
        extraInput={{ customerId: customer.id }}
        refreshOn="visit"
        onRowDoubleClicked={(row) => setOpen(row.id)}
        testId="customer-visit-grid"
      />
      {recording && (
        <VisitForm
          customer={{ id: customer.id, code: customer.code, name: customer.name, managerStaffId: customer.managerStaffId, abcClass: customer.abcClass }}
          staff={staff}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            void message.success(t('common.saved'));
          }}
        />
      )}
      {open !== null && <VisitDetailModal visitId={open} staff={staff} onClose={() => setOpen(null)} onChanged={() => undefined} />}
    </div>
  );
}
