import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/schemas/auth';
import { call } from '../api/client';
import { errorText } from '../forms/zodRule';
import { AuthCard } from './AuthCard';

export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: (user: SessionUser) => void; notice?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await call('auth.login', values));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.loginTitle')}>
      {notice && !error && <Alert type="info" showIcon message={notice} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('v.required') }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('v.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthCard>
  );
}
