import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { customerFields, CREDIT_RATINGS, INFO_SOURCES, type CustomerField } from '@shared/schemas/customer';
import { zodRule } from '../../forms/zodRule';
import { toIsoDate, yuanInputToFen } from '../../forms/fieldValues';
import type { Lookups } from './useLookups';

interface Props {
  t: TFunction;
  lookups: Lookups;
  codeEditable: boolean;
  /** Shown under the order cycle when a change of it waits for a supervisor's approval. */
  orderCycleHelp?: string;
  classOptions: { value: string; label: string }[];
}

const rule = (t: TFunction, field: CustomerField) => zodRule(customerFields[field], t);

/** Every field of the customer record, laid out by section; validation is the shared zod schema per field. */
export function CustomerFields({ t, lookups, codeEditable, orderCycleHelp, classOptions }: Props) {
  const label = (f: string) => t(`customers.fields.${f}`);
  const section = (key: string) => (
    <Typography.Title level={5} className="form-section-title">
      {t(`customers.sections.${key}`)}
    </Typography.Title>
  );
  const text = (f: CustomerField, span = 8, extra?: React.ReactNode) => (
    <Col span={span}>
      <Form.Item name={f} label={label(f)} rules={[rule(t, f)]} extra={extra}>
        <Input />
      </Form.Item>
    </Col>
  );
  const area = (f: CustomerField) => (
    <Col span={12}>
      <Form.Item name={f} label={label(f)} rules={[rule(t, f)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </Col>
  );
  const code = (f: 'region' | 'businessFormat' | 'marketType' | 'marketSize') => (
    <Col span={8}>
      <Form.Item name={f} label={label(f)} rules={[rule(t, f)]}>
        <Select allowClear options={lookups.options(f)} />
      </Form.Item>
    </Col>
  );
  const rating = (f: 'strength' | 'dealLikelihood', help: string) => (
    <Col span={8}>
      <Form.Item name={f} label={label(f)} rules={[rule(t, f)]} extra={help}>
        <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      {section('basic')}
      <Row gutter={16}>
        {/* The code is the key imports match on; only an admin may change it once it is filed. */}
        <Col span={8}>
          <Form.Item name="code" label={label('code')} rules={[rule(t, 'code')]} required extra={codeEditable ? undefined : t('customers.codeLockedHelp')}>
            <Input disabled={!codeEditable} maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={label('name')} rules={[rule(t, 'name')]} required>
            <Input />
          </Form.Item>
        </Col>
        {text('shortName')}
        <Col span={8}>
          <Form.Item name="managerStaffId" label={label('managerStaffId')} rules={[rule(t, 'managerStaffId')]} required>
            <Select
              showSearch
              optionFilterProp="label"
              options={lookups.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.name}（${s.employeeNo}）` }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="registeredOn"
            label={label('registeredOn')}
            required
            rules={[zodRule(customerFields.registeredOn, t, (v) => toIsoDate(v as never))]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {text('firstContractNo')}
      </Row>

      {section('classification')}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="abcClass" label={label('abcClass')} rules={[rule(t, 'abcClass')]} required>
            <Radio.Group optionType="button" buttonStyle="solid" options={classOptions} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="isKey" label={label('isKey')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="urbanRural" label={label('urbanRural')}>
            <Radio.Group
              options={[
                { value: 'urban', label: t('enums.urbanRural.urban') },
                { value: 'rural', label: t('enums.urbanRural.rural') },
              ]}
            />
          </Form.Item>
        </Col>
        {code('region')}
        {text('areaUnit')}
        {code('businessFormat')}
        {code('marketType')}
        {code('marketSize')}
        {rating('strength', t('customers.strengthHelp'))}
        {rating('dealLikelihood', t('customers.dealHelp'))}
      </Row>

      {section('contact')}
      <Row gutter={16}>
        {text('address', 16)}
        {text('phone')}
        {text('fax')}
        {text('email')}
        {text('website')}
      </Row>

      {section('business')}
      <Row gutter={16}>
        {area('businessScope')}
        {area('mainProducts')}
        {area('industryPosition')}
        {area('recentDevelopments')}
        {area('culture')}
      </Row>

      {section('credit')}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="creditRating" label={label('creditRating')}>
            <Select allowClear options={CREDIT_RATINGS.map((r) => ({ value: r, label: t(`enums.creditRating.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="creditLimitYuan"
            label={label('creditLimitFen')}
            rules={[
              {
                validator: async (_r, value) => {
                  const fen = yuanInputToFen(value);
                  if (fen === undefined) throw new Error(t('v.money'));
                  const parsed = customerFields.creditLimitFen.safeParse(fen);
                  if (!parsed.success) throw new Error(t('v.money'));
                },
              },
            ]}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} stringMode addonAfter={t('customers.yuan')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="orderCycle" label={label('orderCycle')} rules={[rule(t, 'orderCycle')]} extra={orderCycleHelp}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="infoSource" label={label('infoSource')}>
            <Select allowClear options={INFO_SOURCES.map((s) => ({ value: s, label: t(`enums.infoSource.${s}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      {section('other')}
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="notes" label={label('notes')} rules={[rule(t, 'notes')]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
