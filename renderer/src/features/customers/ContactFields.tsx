import { Col, Form, Input, Row, Switch } from 'antd';
import type { TFunction } from 'i18next';
import { contactFields, type ContactField } from '@shared/schemas/customer';
import { zodRule } from '../../forms/zodRule';

/** The fields of one contact; `prefix` places them inside a Form.List row. */
export function ContactFields({ t, prefix = [] }: { t: TFunction; prefix?: (string | number)[] }) {
  const item = (f: ContactField, span: number) => (
    <Col span={span}>
      <Form.Item name={[...prefix, f]} label={t(`contacts.fields.${f}`)} rules={[zodRule(contactFields[f], t)]} required={f === 'name'}>
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
