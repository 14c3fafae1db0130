import { Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accessDays, accessRejectInput, type AccessRequestRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { FormDialog } from '../../forms/FormDialog';
import { ReasonDialog } from '../../forms/ReasonDialog';

/** 批准: the period defaults to what the requester asked for, else the office's default (access.defaultDays). */
export function ApproveAccessModal(props: {
  request: AccessRequestRow;
  defaults: { defaultDays: number; maxDays: number };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { request: r, defaults } = props;
  const { form, frame } = useDrawerForm<{ days: number }>({
    onClose: props.onClose,
    errorLine: 'unmarked',
    save: async (v) => {
      await call('access.approve', { id: r.id, days: v.days });
      props.onDone();
    },
  });
  return (
    <FormDialog
      title={t('access.approvals.approveTitle')}
      width={520}
      okText={t('access.approvals.approve')}
      frame={frame}
      onCancel={props.onClose}
      testIds={{ save: 'confirm-approve' }}
    >
      <Typography.Paragraph>
        {t('access.approvals.approveSummary', { requester: r.requesterName, customer: `${r.customerCode} ${r.customerName}`, reason: r.reason })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ days: r.days ?? defaults.defaultDays }}>
        <Form.Item
          name="days"
          label={t('access.approvals.days')}
          extra={t('access.approvals.daysHelp', { max: defaults.maxDays })}
          rules={[zodRule(accessDays, t)]}
          required
        >
          <InputNumber precision={0} autoFocus style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 驳回: always with a reason the requester (or the clerk) will read. */
export function RejectModal(props: {
  title: string;
  summary: string;
  reject: (reason: string) => Promise<void>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={props.title}
      okText={t('access.approvals.reject')}
      intro={props.summary}
      label={t('access.approvals.rejectReason')}
      rule={accessRejectInput.shape.reason}
      maxLength={500}
      okTestId="confirm-reject"
      onSubmit={async (reason) => {
        await props.reject(reason);
        props.onDone();
      }}
      onClose={props.onClose}
    />
  );
}
