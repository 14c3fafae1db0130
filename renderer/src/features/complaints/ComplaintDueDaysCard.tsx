import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_TYPES, complaintDueDays, type ComplaintDueDays } from '@shared/schemas/complaint';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';

/** The admin's setting for complaint due dates: working days per type (default complaint 3, others 5). */
export function ComplaintDueDaysCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComplaintDueDays>();

  useEffect(() => {
    void call('complaints.dueDays', {}).then((v) => form.setFieldsValue(v));
  }, [form]);

  const save = async () => {
    let v: ComplaintDueDays;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      form.setFieldsValue(await call('complaints.setDueDays', v));
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    }
  };

  return (
    <Card size="small" title={t('complaints.settings.title')} data-testid="complaint-due-days">
      <Typography.Paragraph type="secondary">{t('complaints.settings.help')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={() => void save()}>
        {COMPLAINT_TYPES.map((type) => (
          <Form.Item
            key={type}
            name={type}
            label={t(`complaints.types.${type}`)}
            rules={[zodRule(complaintDueDays.shape[type], t)]}
          >
            <InputNumber precision={0} style={{ width: 80 }} data-testid={`due-days-${type}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
