import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { password, type UserRow } from '@shared/schemas/auth';
import { call } from '../../api/client';
import { errorText, zodRule } from '../../forms/zodRule';

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    let v;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    try {
      await call('users.resetPassword', { id: user.id, password: v.password });
      void message.success(t('users.resetDone'));
      onClose();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <Modal open title={`${t('users.resetPassword')} · ${user.displayName}`} okText={t('common.save')} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="password" label={t('auth.newPassword')} rules={[zodRule(password, t)]} extra={t('auth.passwordRule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
