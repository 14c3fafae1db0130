import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredText } from '@shared/schemas/common';
import type { VisitRecord } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';

/** 作废: a visit entered by mistake is withdrawn with a reason; the record stays in the register, marked. */
export function VoidVisitModal({ visit, onClose, onVoided }: { visit: VisitRecord; onClose: () => void; onVoided: (saved: VisitRecord) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onVoided(await call('visits.void', { id: visit.id, version: visit.version, reason: values.reason.trim() }));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('visits.voidTitle', { date: visit.visitedOn, customer: visit.customerName })}
      okText={t('visits.void')}
      okButtonProps={{ danger: true, 'data-testid': 'void-ok' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('visits.voidHelp')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('visits.voidReason')} rules={[zodRule(requiredText(200), t)]} required>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={220} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
