import { useEffect, useState } from 'react';
import { App, Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import type { TargetOption } from '@shared/schemas/delivery';
import { useTranslation } from 'react-i18next';
import { backupSettingsFields, type BackupSettings } from '@shared/schemas/backups';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';

/**
 * 数据库备份 on the settings page: how many daily and monthly copies retention keeps (exports.md: 14 and 12), and the
 * export target each good backup is also sent to through the outbox.
 */
export function BackupSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupSettings>();
  const [targets, setTargets] = useState<TargetOption[]>([]);

  useEffect(() => {
    // 0 stands for "no target" in the select (antd selects do not take null as a value).
    void call('backups.settings', {}).then((s) => form.setFieldsValue({ ...s, targetId: s.targetId ?? 0 }));
    void call('delivery.targets.options', {})
      .then(setTargets)
      .catch(() => undefined);
  }, [form]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      const saved = await call('backups.updateSettings', { ...values, targetId: values.targetId || null });
      form.setFieldsValue({ ...saved, targetId: saved.targetId ?? 0 });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    }
  };

  return (
    <Card size="small" title={t('backups.settings.title')} data-testid="backup-settings">
      <Form form={form} layout="inline" onFinish={() => void save()}>
        <Form.Item
          name="keepDaily"
          label={t('backups.settings.keepDaily')}
          rules={[zodRule(backupSettingsFields.keepDaily, t)]}
        >
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item
          name="keepMonthly"
          label={t('backups.settings.keepMonthly')}
          rules={[zodRule(backupSettingsFields.keepMonthly, t)]}
        >
          <InputNumber min={0} max={120} precision={0} />
        </Form.Item>
        <Form.Item name="targetId" label={t('backups.target')}>
          <Select
            style={{ width: 260 }}
            data-testid="backup-target"
            options={[
              { value: 0, label: t('backups.noTarget') },
              ...targets.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('backups.settings.help')} {t('backups.targetHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
