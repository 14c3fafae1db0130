import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accessDays, accessRejectInput, type AccessRequestRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { useDrawerForm } from '../../forms/useDrawerForm';

/**
 * The shared frame of a decision: the save frame of every record form (useDrawerForm) — the error line only when
 * no field took the refusal, Enter/Ctrl+S to confirm — then the page's onDone.
 */
function useDecision<V>(run: (values: V) => Promise<void>, onDone: () => void, onClose: () => void) {
  const { t } = useTranslation();
  const { form, frame } = useDrawerForm<V>({
    onClose,
    errorLine: 'unmarked',
    save: async (values) => {
      await run(values);
      onDone();
    },
  });
  return { t, form, ...frame };
}

/** 批准: the period defaults to what the requester asked for, else the office's default (access.defaultDays). */
export function ApproveAccessModal(props: {
  request: AccessRequestRow;
  defaults: { defaultDays: number; maxDays: number };
  onClose: () => void;
  onDone: () => void;
}) {
  const { request: r, defaults } = props;
  const { t, form, busy, error, submit, onKeyDown } = useDecision<{ days: number }>(async (v) => {
    await call('access.approve', { id: r.id, days: v.days });
  }, props.onDone, props.onClose);
  return (
    <Modal
      open
      title={t('access.approvals.approveTitle')}
      okText={t('access.approvals.approve')}
      okButtonProps={{ 'data-testid': 'confirm-approve' } as never}
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <div onKeyDown={onKeyDown}>
        <Typography.Paragraph>
          {t('access.approvals.approveSummary', {
            requester: r.requesterName,
            customer: `${r.customerCode} ${r.customerName}`,
            reason: r.reason,
          })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
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
      </div>
    </Modal>
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
  const { t, form, busy, error, submit } = useDecision<{ reason: string }>(
    (v) => props.reject(v.reason.trim()),
    props.onDone,
    props.onClose,
  );
  return (
    <Modal
      open
      title={props.title}
      okText={t('access.approvals.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-reject' } as never}
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.summary}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('access.approvals.rejectReason')}
          rules={[zodRule(accessRejectInput.shape.reason, t)]}
          required
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} showCount={{ formatter: ({ count }) => `${count} / 500` }} maxLength={520} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
