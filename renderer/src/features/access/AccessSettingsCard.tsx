import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SETTINGS } from '@shared/schemas/admin';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';

/** On the admin's settings page: how many days an approved access request runs unless the supervisor says otherwise. */
export function AccessSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ accessDefaultDays: number }>();

  useEffect(() => {
    void call('settings.get', {}).then((s) =>
      form.setFieldsValue({ accessDefaultDays: s.accessDefaultDays }),
    );
  }, [form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      // settings.update carries the idle time too: send the value saved now, not one this card read earlier.
      const current = await call('settings.get', {});
      await call('settings.update', {
        idleMinutes: current.idleMinutes,
        accessDefaultDays: v.accessDefaultDays,
      });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    }
  };

  return (
    <Card size="small" title={t('access.settings.section')}>
      <Form form={form} layout="inline" onFinish={() => void save()}>
        <Form.Item
          name="accessDefaultDays"
          label={t('access.settings.defaultDays')}
          rules={[zodRule(SETTINGS['access.defaultDays'], t)]}
        >
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="save-access-settings">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
