import { Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SETTINGS } from '@shared/schemas/admin';
import { zodRule } from '../../forms/zodRule';
import { useSettingsForm } from '../admin/useSettingsForm';

/** On the admin's settings page: how many days ahead a contract counts as expiring (即将到期). */
export function ContractSettingsCard() {
  const { t } = useTranslation();
  const { form, save } = useSettingsForm((s) => ({ contractsExpiringDays: s.contractsExpiringDays }));
  return (
    <Card size="small" title={t('contracts.settings.section')}>
      <Form form={form} layout="inline" onFinish={save}>
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
