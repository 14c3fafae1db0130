import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SETTINGS, type DoctorReport } from '@shared/schemas/admin';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { AccessSettingsCard } from '../access/AccessSettingsCard';
import { ContractSettingsCard } from '../contracts/ContractSettingsCard';
import { CadenceSettingsCard } from '../visits/CadenceSettingsCard';
import { ComplaintDueDaysCard } from '../complaints/ComplaintDueDaysCard';
import { BackupSettingsCard } from '../backups/BackupSettingsCard';
import { CsvEncodingCard } from '../delivery/CsvEncodingCard';

/** 参数与数据检查: the idle timeout and the database integrity check (the same as `npm run doctor`). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ idleMinutes: number }>();
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('settings.get', {}).then((s) => form.setFieldsValue(s));
  }, [form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('settings.update', v);
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    }
  };

  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      setReport(await call('system.doctor', {}));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('settings.title')}
      </Typography.Title>
      <Card size="small" title={t('settings.session')}>
        <Form form={form} layout="inline" onFinish={() => void save()}>
          <Form.Item name="idleMinutes" label={t('settings.idleMinutes')} rules={[zodRule(SETTINGS['session.idleMinutes'], t)]}>
            <InputNumber min={1} max={480} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <AccessSettingsCard />
      <ContractSettingsCard />
      <CadenceSettingsCard />
      <ComplaintDueDaysCard />
      <BackupSettingsCard />
      <CsvEncodingCard />
      {can('system.doctor') && (
        <Card size="small" title={t('settings.doctor')} extra={<Button onClick={() => void check()} loading={checking}>{t('settings.runDoctor')}</Button>}>
          {error && <Alert type="error" showIcon message={error} />}
          {report && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert type={report.ok ? 'success' : 'error'} showIcon message={report.ok ? t('settings.doctorOk') : t('settings.doctorFailed')} />
              <List
                size="small"
                dataSource={report.checks}
                renderItem={(c) => (
                  <List.Item>
                    {c.ok ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />}
                    <span style={{ width: 180 }}>{t(`settings.checks.${c.name}`)}</span>
                    <Tag>{c.detail}</Tag>
                  </List.Item>
                )}
              />
            </Space>
          )}
        </Card>
      )}
    </div>
  );
}
