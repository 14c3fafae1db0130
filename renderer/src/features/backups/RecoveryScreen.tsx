import { useState } from 'react';
import { Alert, Button, Collapse, Form, Input, Progress, Result, Select, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '@shared/schemas/backups';
import { call } from '../../api/client';
import { applyFieldErrors, errorText } from '../../forms/zodRule';
import { AuthCard } from '../../auth/AuthCard';
import { formatInstant } from '../../shell/format';
import { formatSize } from './format';
import { newBackupJobId, progressPercent, useBackupProgress } from './useBackupProgress';

interface Values {
  backupId: string;
  username: string;
  password: string;
}

/**
 * 恢复模式: the database failed its start-up check. Instead of a crash or an empty database, this screen offers the
 * newest good backup (any other good one can be chosen). An admin of that backup confirms with its password; the
 * damaged file is kept aside, never deleted. Afterwards everyone logs in as usual.
 */
export function RecoveryScreen({ status, onRestored }: { status: RecoveryStatus; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useBackupProgress(jobId);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; kept: string } | null>(null);

  const restore = async (values: Values) => {
    const id = newBackupJobId();
    setJobId(id);
    setError(null);
    try {
      const result = await call('recovery.restore', { ...values, jobId: id });
      setDone({ name: result.restoredFrom, kept: result.keptAs });
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setJobId(null);
    }
  };

  const newest = status.backups[0];
  return (
    <AuthCard title={t('backups.recovery.title')} width={620}>
      {done ? (
        <Result
          status="success"
          title={t('backups.recovery.done')}
          subTitle={t('backups.recovery.doneDetail', done)}
          extra={
            <Button type="primary" onClick={onRestored} autoFocus data-testid="recovery-login">
              {t('backups.relogin')}
            </Button>
          }
          data-testid="recovery-done"
        />
      ) : (
        <>
          <Alert
            type="error"
            showIcon
            message={t('backups.recovery.intro')}
            description={t('backups.recovery.advice')}
            style={{ marginBottom: 12 }}
            data-testid="recovery-intro"
          />
          {status.detail && (
            <Collapse
              size="small"
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'detail',
                  label: t('backups.recovery.detail'),
                  children: <Typography.Text code>{status.detail}</Typography.Text>,
                },
              ]}
            />
          )}
          {!newest ? (
            <Alert
              type="warning"
              showIcon
              message={t('backups.recovery.noBackups')}
              data-testid="recovery-no-backups"
            />
          ) : (
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{ backupId: newest.id }}
              onFinish={(v) => void restore(v)}
              disabled={jobId !== null}
            >
              <Form.Item
                name="backupId"
                label={t('backups.recovery.choose')}
                rules={[{ required: true, message: t('v.required') }]}
              >
                <Select
                  data-testid="recovery-backup"
                  options={status.backups.map((b, i) => ({
                    value: b.id,
                    label: `${formatInstant(b.at)} · ${t(`backups.kinds.${b.kind}`)} · ${formatSize(b.size, i18n.language)}${i === 0 ? ` ${t('backups.recovery.latest')}` : ''}`,
                  }))}
                />
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('backups.recovery.adminHint')}</Typography.Paragraph>
              <Form.Item
                name="username"
                label={t('backups.recovery.username')}
                rules={[{ required: true, message: t('v.required') }]}
              >
                <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('backups.recovery.password')}
                rules={[{ required: true, message: t('v.required') }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              {error && (
                <Alert
                  type="error"
                  showIcon
                  message={error}
                  style={{ marginBottom: 16 }}
                  data-testid="recovery-error"
                />
              )}
              {jobId && (
                <div data-testid="recovery-progress">
                  <Typography.Text>
                    {progress ? t(`backups.phases.${progress.phase}`) : t('backups.restoreRunning')}
                  </Typography.Text>
                  <Progress percent={progressPercent(progress)} status="active" />
                </div>
              )}
              <Button
                type="primary"
                danger
                htmlType="submit"
                block
                loading={jobId !== null}
                data-testid="recovery-restore"
              >
                {t('backups.recovery.restore')}
              </Button>
            </Form>
          )}
        </>
      )}
    </AuthCard>
  );
}
