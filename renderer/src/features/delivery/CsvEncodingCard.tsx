import { Button, Card, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CSV_ENCODINGS } from '@shared/grid';
import { SETTINGS } from '@shared/schemas/admin';
import { zodRule } from '../../forms/zodRule';
import { useSettingsForm } from '../admin/useSettingsForm';

/**
 * On the admin's settings page: how exported .csv files are encoded — UTF-8 with BOM (what Excel and WPS open),
 * or GB18030 for an office whose older software reads only GBK (exports.md "Formats").
 */
export function CsvEncodingCard() {
  const { t } = useTranslation();
  const { form, save } = useSettingsForm((s) => ({ csvEncoding: s.csvEncoding }));
  return (
    <Card size="small" title={t('delivery.csvSettings.section')} data-testid="csv-settings">
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="csvEncoding" label={t('delivery.csvSettings.encoding')} rules={[zodRule(SETTINGS['exports.csvEncoding'], t)]} style={{ marginBottom: 8 }}>
          <Radio.Group options={CSV_ENCODINGS.map((e) => ({ value: e, label: t(`delivery.csvSettings.options.${e}`) }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('delivery.csvSettings.help')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" data-testid="save-csv-settings">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
