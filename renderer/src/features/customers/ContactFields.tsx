import { Col, Form, Input, Row, Switch, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { contactFields, type ContactField } from '@shared/schemas/customer';
import { zodRule, zodValidator } from '../../forms/zodRule';

const TEXT_FIELDS: ContactField[] = ['name', 'title', 'mobile', 'directLine', 'email', 'notes'];

/**
 * The fields of one contact; `prefix` places them inside a Form.List row (the new-customer form), where a card
 * left entirely blank is simply not saved, so its name is required only once something else is filled in.
 */
export function ContactFields({ t, prefix = [], listName }: { t: TFunction; prefix?: (string | number)[]; listName?: string }) {
  const nameRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_rule, value) => {
      const card = listName ? (getFieldValue([listName, ...prefix]) as Record<string, unknown> | undefined) : undefined;
      const blank = card && TEXT_FIELDS.every((f) => !String(card[f] ?? '').trim());
      if (blank) return;
      await zodValidator(contactFields.name, t)(value);
    },
  });
  const item = (f: ContactField, span: number) => (
    <Col span={span}>
      <Form.Item
        name={[...prefix, f]}
        label={t(`contacts.fields.${f}`)}
        rules={[f === 'name' ? nameRule : zodRule(contactFields[f], t)]}
        dependencies={f === 'name' && listName ? TEXT_FIELDS.filter((x) => x !== 'name').map((x) => [listName, ...prefix, x]) : undefined}
        required={f === 'name'}
      >
        <Input />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={12}>
      {item('name', 6)}
      {item('title', 6)}
      {item('mobile', 6)}
      {item('directLine', 6)}
      {item('email', 8)}
      <Col span={4}>
        <Form.Item name={[...prefix, 'isKeyLeader']} label={t('contacts.fields.isKeyLeader')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {item('notes', 12)}
    </Row>
  );
}
