import { Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SETTINGS } from '@shared/schemas/admin';
import { zodRule } from '../../forms/zodRule';
import { useSettingsForm } from '../admin/useSettingsForm';

/** On the admin's settings page: how many days an approved access request runs unless the supervisor says otherwise. */
export function AccessSettingsCard() {
  const { t } = useTranslation();
  const { form, save } = useSettingsForm((s) => ({ accessDefaultDays: s.accessDefaultDays }));
  return (
    <Card size="small" title={t('access.settings.section')}>
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item name="accessDefaultDays" label={t('access.settings.defaultDays')} rules={[zodRule(SETTINGS['access.defaultDays'], t)]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="save-access-settings">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
