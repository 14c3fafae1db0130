import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayName, password, username } from '@shared/schemas/auth';
import type { SessionUser } from '@shared/schemas/auth';
import { call } from '../api/client';
import { applyFieldErrors, errorText, zodRule } from '../forms/zodRule';
import { AuthCard } from './AuthCard';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  loadDemo: boolean;
}

/** First start: create the admin account, optionally with the demo office. */
export function SetupPage({ onDone }: { onDone: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loadDemo = Form.useWatch('loadDemo', form);

  const submit = async (values: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('setup.createAdmin', { username: values.username, displayName: values.displayName, password: values.password, loadDemo: values.loadDemo }));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.setupTitle')} intro={t('auth.setupIntro')} width={520}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ loadDemo: false }} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="username" label={t('auth.username')} rules={[zodRule(username, t)]} required>
          <Input autoFocus autoComplete="username" placeholder="admin" />
        </Form.Item>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={[zodRule(displayName, t)]} required>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[zodRule(password, t)]} extra={t('auth.passwordRule')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          required
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value) => {
                if (!value) throw new Error(t('v.required'));
                if (value !== getFieldValue('password')) throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="loadDemo" valuePropName="checked" extra={<Typography.Text type="secondary">{t('auth.loadDemoHelp')}</Typography.Text>}>
          <Checkbox>{t('auth.loadDemo')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {busy && loadDemo ? t('auth.creatingDemo') : t('auth.createAdmin')}
        </Button>
      </Form>
    </AuthCard>
  );
}
