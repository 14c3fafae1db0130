import { useEffect, useState } from 'react';
import { App, Button, Card, Form, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cadence } from '@shared/cadence';
import { ABC_CLASSES, type AbcClass } from '@shared/schemas/customer';
import { classCadence } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';

/** 客户联络周期: the cadence table (admin setting), validated with the backend's schema as the admin types. */
export function CadenceSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Cadence>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('cadence.get', {}).then((c) => form.setFieldsValue(c));
  }, [form]);

  const save = async () => {
    let values: Cadence;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      form.setFieldsValue(await call('cadence.update', values));
      void message.success(t('visits.cadence.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const cell = (abcClass: AbcClass, field: 'phoneDays' | 'visitMonths') => (
    <Form.Item name={[abcClass, field]} rules={[zodRule(classCadence.shape[field], t)]} style={{ margin: 0 }}>
      <InputNumber precision={0} aria-label={`${t(`enums.abcClass.${abcClass}`)} ${t(`visits.cadence.${field}`)}`} data-testid={`cadence-${abcClass}-${field}`} />
    </Form.Item>
  );

  return (
    <Card size="small" title={t('visits.cadence.title')} data-testid="cadence-settings">
      <Typography.Paragraph type="secondary">{t('visits.cadence.help')}</Typography.Paragraph>
      <div onKeyDown={formKeyHandler(() => void save())}>
        <Form form={form} onFinish={() => void save()}>
          <Table
            size="small"
            pagination={false}
            rowKey="abcClass"
            style={{ maxWidth: 560, marginBottom: 12 }}
            dataSource={ABC_CLASSES.map((abcClass) => ({ abcClass }))}
            columns={[
              { title: t('visits.cadence.abcClass'), dataIndex: 'abcClass', width: 100, render: (k: AbcClass) => t(`enums.abcClass.${k}`) },
              { title: t('visits.cadence.phoneDays'), render: (_: unknown, r: { abcClass: AbcClass }) => cell(r.abcClass, 'phoneDays') },
              { title: t('visits.cadence.visitMonths'), render: (_: unknown, r: { abcClass: AbcClass }) => cell(r.abcClass, 'visitMonths') },
            ]}
          />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="save-cadence">
            {t('common.save')}
          </Button>
        </Form>
      </div>
    </Card>
  );
}
