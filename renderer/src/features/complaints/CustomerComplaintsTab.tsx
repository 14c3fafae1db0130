import { useMemo, useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComplaintGridRow } from '@shared/schemas/complaint';
import { ServerGrid } from '../../grid/ServerGrid';
import { useAuth } from '../../auth/AuthContext';
import { complaintColumns } from './complaintColumns';
import { ComplaintForm } from './ComplaintForm';
import './complaints.css';

/**
 * The 投诉 tab of a customer's page: that customer's complaints, newest first, and 登记投诉 for them while the
 * customer is on file (`editable`); recording needs complaints.handle, which supervisors hold too.
 */
export function CustomerComplaintsTab({
  customer,
  editable,
}: {
  customer: { id: number; code: string; name: string };
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => complaintColumns(t, { customerColumns: false }), [t]);
  const extraInput = useMemo(() => ({ customerId: customer.id }), [customer.id]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: 420 }}>
      <Space>
        {editable && can('complaints.handle') && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="customer-new-complaint"
          >
            {t('complaints.actions.new')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('complaints.help')}</Typography.Text>
      </Space>
      <ServerGrid<ComplaintGridRow>
        gridKey="grid.customerComplaints"
        channel="complaints.query"
        columnDefs={columns}
        extraInput={extraInput}
        refreshOn="complaint"
        onRowDoubleClicked={(row) => void navigate(`/complaints/${row.id}`)}
        testId="customer-complaint-grid"
      />
      {creating && (
        <ComplaintForm
          customer={customer}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            void message.success(
              t('complaints.saved.created', { number: d.complaint.number, dueOn: d.complaint.dueOn }),
            );
            void navigate(`/complaints/${d.complaint.id}`);
          }}
        />
      )}
    </div>
  );
}
