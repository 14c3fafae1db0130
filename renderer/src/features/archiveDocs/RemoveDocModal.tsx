import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { archiveDocRemoveInput } from '@shared/schemas/archiveDoc';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';

/** Removes a document registered by mistake: the reason is kept with the row (nothing is deleted). */
export function RemoveDocModal({ doc, onClose, onRemoved }: { doc: { id: number; title: string }; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await call('archiveDocs.remove', { id: doc.id, reason: v.reason.trim() });
      onRemoved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('archiveDocs.removeTitle', { title: doc.title })}
      okText={t('archiveDocs.remove')}
      okButtonProps={{ danger: true, 'data-testid': 'remove-archive-doc-ok' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('archiveDocs.removeReason')} rules={[zodRule(archiveDocRemoveInput.shape.reason, t)]} required>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} showCount maxLength={220} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
