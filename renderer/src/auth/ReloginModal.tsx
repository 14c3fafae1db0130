import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../forms/zodRule';

/**
 * Shown over the current screen when the session has expired: the user types the password again and carries
 * on, so a half-filled form is never lost to the idle timeout.
 */
export function ReloginModal({ username, onDone, onLogout }: { username: string; onDone: () => void; onLogout: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.login', { username, password: values.password });
      onDone();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('auth.relogin')} footer={null} closable={false} maskClosable={false} keyboard={false} data-testid="relogin">
      <Alert type="warning" showIcon message={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('auth.username')}>
          <Input value={username} disabled />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('v.required') }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={onLogout}>{t('auth.logout')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('auth.login')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
