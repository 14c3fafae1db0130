import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_TYPES,
  complaintFields,
  type ComplaintDetail,
  type ComplaintRecord,
} from '@shared/schemas/complaint';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { complaintOptions } from './labels';
import { CustomerPicker } from './CustomerPicker';

interface Values {
  customerId?: number;
  type?: string;
  channel?: string;
  receivedAt?: Dayjs;
  receivedByStaffId?: number;
  content?: string;
}

const INTAKE = ['type', 'channel', 'receivedAt', 'receivedByStaffId', 'content'] as const;

/**
 * 登记投诉 (a new complaint) or 修改登记信息 (the intake of an open one). The customer is chosen here, or fixed
 * when the form opens from a customer's page; it cannot change afterwards.
 */
export function ComplaintForm(props: {
  customer?: { id: number; code: string; name: string };
  complaint?: ComplaintRecord;
  onClose: () => void;
  onSaved: (detail: ComplaintDetail) => void;
}) {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<{ value: number; label: string }[]>([]);
  const existing = props.complaint;
  const fixedCustomer = existing
    ? { code: existing.customerCode, name: existing.customerName }
    : props.customer;

  useEffect(() => {
    void call('staff.options', {}).then((rows) =>
      setStaff(
        rows
          .filter((s) => s.active || s.id === existing?.receivedByStaffId)
          .map((s) => ({ value: s.id, label: `${s.name}（${s.employeeNo}）` })),
      ),
    );
  }, [existing?.receivedByStaffId]);

  // A dialog closes without asking (nothing here is long to retype); every field is in view, so a refusal that
  // marks a field needs no error line.
  const { form, frame } = useDrawerForm<Values>({
    onClose: props.onClose,
    fieldPrefixes: ['changes.'],
    errorLine: 'unmarked',
    save: async (v) => {
      const values = {
        type: v.type as ComplaintRecord['type'],
        channel: v.channel as ComplaintRecord['channel'],
        receivedAt: v.receivedAt!.second(0).millisecond(0).toISOString(),
        receivedByStaffId: v.receivedByStaffId!,
        content: (v.content ?? '').trim(),
      };
      if (existing) {
        const changes = Object.fromEntries(
          INTAKE.filter((k) => values[k] !== existing[k]).map((k) => [k, values[k]]),
        );
        props.onSaved(
          await call('complaints.update', { id: existing.id, version: existing.version, changes }),
        );
      } else {
        props.onSaved(
          await call('complaints.create', { customerId: props.customer?.id ?? v.customerId!, ...values }),
        );
      }
    },
  });

  const initial: Values = existing
    ? { ...existing, receivedAt: dayjs(existing.receivedAt) }
    : { channel: 'phone', receivedAt: dayjs().second(0).millisecond(0) };

  return (
    <FormDialog
      width={720}
      title={
        existing
          ? t('complaints.dialogs.editTitle', { number: existing.number })
          : t('complaints.dialogs.newTitle')
      }
      okText={t('common.save')}
      frame={frame}
      onCancel={props.onClose}
      testIds={{ save: 'save-complaint', form: 'complaint-form' }}
    >
      <Form form={form} layout="vertical" initialValues={initial} validateTrigger={['onChange', 'onBlur']}>
        {fixedCustomer ? (
          <Form.Item label={t('complaints.fields.customerId')}>
            <Typography.Text strong>{`${fixedCustomer.code} ${fixedCustomer.name}`}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="customerId"
            label={t('complaints.fields.customerId')}
            rules={[zodRule(complaintFields.customerId, t)]}
            required
          >
            <CustomerPicker />
          </Form.Item>
        )}
        <Form.Item
          name="type"
          label={t('complaints.fields.type')}
          rules={[zodRule(complaintFields.type, t)]}
          required
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={complaintOptions(t, 'types', COMPLAINT_TYPES)}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="channel"
            label={t('complaints.fields.channel')}
            rules={[zodRule(complaintFields.channel, t)]}
            required
            style={{ flex: 1 }}
          >
            <Select options={complaintOptions(t, 'channels', COMPLAINT_CHANNELS)} />
          </Form.Item>
          <Form.Item
            name="receivedAt"
            label={t('complaints.fields.receivedAt')}
            rules={[{ required: true, message: t('v.required') }]}
            required
            style={{ flex: 1 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="receivedByStaffId"
            label={t('complaints.fields.receivedByStaffId')}
            rules={[zodRule(complaintFields.receivedByStaffId, t)]}
            required
            style={{ flex: 1 }}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={staff} />
          </Form.Item>
        </div>
        <Form.Item
          name="content"
          label={t('complaints.fields.content')}
          rules={[zodRule(complaintFields.content, t)]}
          required
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 2000 }} />
        </Form.Item>
        {!existing && <Typography.Text type="secondary">{t('complaints.hints.dueOn')}</Typography.Text>}
      </Form>
    </FormDialog>
  );
}
