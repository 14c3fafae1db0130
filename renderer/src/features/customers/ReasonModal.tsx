import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredText } from '@shared/schemas/common';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { toIsoDate } from '../../forms/fieldValues';

/** Archiving, restoring and removing all ask why (and when the information came in) before they happen. */
export function ReasonModal(props: {
  title: string;
  help?: string;
  reasonLabel: string;
  maxLength: number;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string, receivedOn: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; receivedOn: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let values: { reason: string; receivedOn: Dayjs };
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields already show what is wrong (and an unhandled rejection would reach the console)
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values.reason.trim(), toIsoDate(values.receivedOn) ?? '');
      props.onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, 'data-testid': 'reason-ok' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.help && <Typography.Paragraph type="secondary">{props.help}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="reason" label={props.reasonLabel} rules={[zodRule(requiredText(props.maxLength), t)]} required>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={props.maxLength + 20} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('customers.receivedOn')} rules={[{ required: true, message: t('v.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
