import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SETTINGS } from '@shared/schemas/admin';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';

/** On the admin's settings page: how many days ahead a contract counts as expiring (即将到期). */
export function ContractSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ contractsExpiringDays: number }>();

  useEffect(() => {
    void call('settings.get', {}).then((s) => form.setFieldsValue({ contractsExpiringDays: s.contractsExpiringDays }));
  }, [form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      // settings.update carries the idle time too: send the value saved now, not one this card read earlier.
      const current = await call('settings.get', {});
      await call('settings.update', { idleMinutes: current.idleMinutes, contractsExpiringDays: v.contractsExpiringDays });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    }
  };

  return (
    <Card size="small" title={t('contracts.settings.section')}>
      <Form form={form} layout="inline" onFinish={() => void save()}>
        <Form.Item name="contractsExpiringDays" label={t('contracts.settings.expiringDays')} rules={[zodRule(SETTINGS['contracts.expiringDays'], t)]}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="save-contract-settings">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
