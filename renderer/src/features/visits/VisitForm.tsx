import { useEffect, useState } from 'react';
import { AutoComplete, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AbcClass, ContactRecord } from '@shared/schemas/customer';
import { VISIT_CHANNELS, visitFields, type VisitInput, type VisitRecord } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { fromIsoDate, toIsoDate } from '../../forms/fieldValues';
import type { StaffOption } from '../customers/useLookups';
import { CustomerPicker } from './CustomerPicker';

/** The customer a visit is recorded for, when the form is opened from it (its page, the overdue list). */
export interface VisitCustomer {
  id: number;
  code: string;
  name: string;
  managerStaffId: number;
  abcClass: AbcClass;
}

type Values = Omit<VisitInput, 'visitedOn'> & { visitedOn: Dayjs; customerId?: number };

/**
 * 登记拜访 / 修改拜访记录: one visit or phone call, validated as the user types with the backend's own schemas.
 * The person met is picked from the customer's contacts or typed freely.
 */
export function VisitForm(props: {
  customer?: VisitCustomer;
  visit?: VisitRecord;
  staff: StaffOption[];
  defaultChannel?: 'visit' | 'phone';
  onClose: () => void;
  onSaved: (visit: VisitRecord) => void;
}) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<number | undefined>(props.visit?.customerId ?? props.customer?.id);
  const [contacts, setContacts] = useState<ContactRecord[]>([]);
  const [abcClass, setAbcClass] = useState<AbcClass | undefined>(props.visit?.abcClass ?? props.customer?.abcClass);
  const editing = props.visit;

  // Every field is in view, so a refusal the backend pins on a field (visit.content, changes.purpose …) needs no error line.
  const { form, frame } = useDrawerForm<Values>({
    onClose: props.onClose,
    fieldPrefixes: ['visit.', 'changes.'],
    errorLine: 'unmarked',
    save: async (values) => {
      const input: VisitInput = {
        visitedOn: toIsoDate(values.visitedOn) ?? '',
        staffId: values.staffId,
        channel: values.channel,
        contactId: values.contactId ?? null,
        contactName: values.contactName,
        contactTitle: values.contactTitle || null,
        purpose: values.purpose,
        content: values.content,
        customerNeeds: values.customerNeeds || null,
        competitors: values.competitors || null,
        followUp: values.followUp || null,
        significant: Boolean(values.significant),
      };
      let saved: VisitRecord;
      if (editing) {
        const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => editing[k as keyof VisitRecord] !== v));
        saved = Object.keys(changes).length ? await call('visits.update', { id: editing.id, version: editing.version, changes }) : editing;
      } else {
        saved = await call('visits.create', { customerId: customerId!, visit: input });
      }
      props.onSaved(saved);
    },
  });
  const channel = Form.useWatch('channel', form);

  useEffect(() => {
    if (customerId === undefined) return;
    let live = true;
    call('customers.get', { id: customerId })
      .then((d) => {
        if (!live) return;
        setContacts(d.contacts);
        if (!form.getFieldValue('staffId')) form.setFieldValue('staffId', d.customer.managerStaffId);
      })
      .catch(() => live && setContacts([]));
    return () => {
      live = false;
    };
  }, [customerId, form]);

  const initial: Partial<Values> = editing
    ? { ...editing, visitedOn: fromIsoDate(editing.visitedOn)! }
    : { visitedOn: dayjs(), channel: props.defaultChannel ?? 'visit', staffId: props.customer?.managerStaffId, contactId: null, significant: false };

  const rule = (name: keyof typeof visitFields) => zodRule(visitFields[name], t);
  const contactOptions = contacts.map((c) => ({ value: c.name, label: c.title ? `${c.name}（${c.title}）` : c.name, contact: c }));

  return (
    <FormDialog
      width={900}
      top={40}
      title={editing ? t('visits.editTitle') : t('visits.new')}
      okText={t('common.save')}
      frame={frame}
      onCancel={props.onClose}
      testIds={{ save: 'save-visit', form: 'visit-form' }}
    >
      <Form form={form} layout="vertical" initialValues={initial} validateTrigger={['onChange', 'onBlur']}>
        {props.customer || editing ? (
          <Typography.Paragraph strong>
            {t('visits.customer')}：{editing ? `${editing.customerCode} ${editing.customerName}` : `${props.customer!.code} ${props.customer!.name}`}
          </Typography.Paragraph>
        ) : (
          <Form.Item name="customerId" label={t('visits.customer')} rules={[{ required: true, message: t('v.required') }]} required>
            <CustomerPicker
              autoFocus
              onChange={(id, hit) => {
                setCustomerId(id);
                setAbcClass(hit.abcClass);
              }}
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="visitedOn" label={t('visits.fields.visitedOn')} rules={[{ required: true, message: t('v.required') }]} required>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channel" label={t('visits.fields.channel')} rules={[rule('channel')]} required>
              <Radio.Group optionType="button" options={VISIT_CHANNELS.map((c) => ({ value: c, label: t(`visits.enums.channel.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="staffId" label={t('visits.fields.staffId')} rules={[rule('staffId')]} required>
              <Select
                showSearch
                optionFilterProp="label"
                options={props.staff.filter((s) => s.active || s.id === editing?.staffId).map((s) => ({ value: s.id, label: `${s.name}（${s.employeeNo}）` }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item name="contactId" hidden>
              <Input />
            </Form.Item>
            <Form.Item
              name="contactName"
              label={t('visits.fields.contactName')}
              tooltip={t('visits.contactHelp')}
              rules={[rule('contactName')]}
              required
              extra={channel === 'visit' && abcClass ? <span data-testid="whom-to-visit">{t(`visits.whomToVisit.${abcClass}`)}</span> : undefined}
            >
              <AutoComplete
                options={contactOptions}
                filterOption={(input, option) => (option?.value ?? '').includes(input)}
                onSelect={(_value: string, option: (typeof contactOptions)[number]) => {
                  form.setFieldsValue({ contactId: option.contact.id, contactTitle: option.contact.title });
                }}
                onChange={(value: string) => {
                  const picked = contacts.find((c) => c.id === form.getFieldValue('contactId'));
                  if (picked && picked.name !== value) form.setFieldValue('contactId', null);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactTitle" label={t('visits.fields.contactTitle')} rules={[rule('contactTitle')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="significant" valuePropName="checked" label=" " colon={false} required={false}>
              <Checkbox>
                <Tooltip title={t('visits.significantHelp')}>{t('visits.fields.significant')}</Tooltip>
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="purpose" label={t('visits.fields.purpose')} rules={[rule('purpose')]} required>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('visits.fields.content')} rules={[rule('content')]} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="customerNeeds" label={t('visits.fields.customerNeeds')} rules={[rule('customerNeeds')]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="competitors" label={t('visits.fields.competitors')} rules={[rule('competitors')]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="followUp" label={t('visits.fields.followUp')} rules={[rule('followUp')]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
