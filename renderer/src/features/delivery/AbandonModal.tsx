import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobRow } from '@shared/schemas/delivery';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';

/** 放弃: an admin gives up a job that is not delivered; the reason is required and goes to the audit log. */
export function AbandonModal({ job, onClose, onDone }: { job: JobRow; onClose: () => void; onDone: (row: JobRow) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blank = reason.trim() === '';

  const save = async () => {
    if (blank) return;
    setBusy(true);
    try {
      onDone(await call('delivery.jobs.abandon', { id: job.id, reason }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('delivery.jobs.abandonTitle', { fileName: job.fileName })}
      okText={t('delivery.jobs.abandonOk')}
      okButtonProps={{ danger: true, disabled: blank, 'data-testid': 'abandon-ok' } as ButtonProps}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('delivery.jobs.abandonHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('delivery.jobs.abandonReason')} required>
          <Input.TextArea autoFocus rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid="abandon-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
