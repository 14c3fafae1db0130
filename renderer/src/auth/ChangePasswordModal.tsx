import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { password } from '@shared/schemas/auth';
import { call } from '../api/client';
import { applyFieldErrors, errorText, zodRule } from '../forms/zodRule';

/** Changing one's own password; forced (no cancel) after an admin reset it. */
export function ChangePasswordModal({ open, forced, onDone, onCancel }: { open: boolean; forced: boolean; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: { current: string; next: string; confirm: string };
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields already show what is wrong (and an unhandled rejection would reach the console)
    }
    setBusy(true);
    setError(null);
    try {
      await call('auth.changePassword', { current: values.current, next: values.next });
      form.resetFields();
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={busy}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : {}}
      onCancel={onCancel}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon message={t('auth.mustChange')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="current" label={t('auth.currentPassword')} rules={[{ required: true, message: t('v.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('auth.newPassword')} rules={[zodRule(password, t)]} extra={t('auth.passwordRule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['next']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value) => {
                if (value !== getFieldValue('next')) throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
