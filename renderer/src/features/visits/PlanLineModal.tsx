import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { planFields, type PlanRow } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';
import { fromIsoDate, toIsoDate } from '../../forms/fieldValues';
import type { StaffOption } from '../customers/useLookups';
import { CustomerPicker } from './CustomerPicker';

interface Values {
  staffId?: number;
  customerId?: number;
  plannedOn: Dayjs;
  notes?: string | null;
}

/** Adds a customer to a staff member's plan for the month, or changes a line's date and note. */
export function PlanLineModal(props: { month: string; staff: StaffOption[]; staffId: number | null; line?: PlanRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const monthStart = dayjs(`${props.month}-01`);
  const line = props.line;

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const plannedOn = toIsoDate(values.plannedOn) ?? '';
    try {
      if (line) await call('visitPlans.update', { id: line.id, plannedOn, notes: values.notes ?? '' });
      else await call('visitPlans.add', { staffId: values.staffId!, month: props.month, customerId: values.customerId!, plannedOn, notes: values.notes ?? null });
      props.onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={line ? t('visits.plans.editDate') : t('visits.plans.addTitle', { month: props.month })}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'save-plan' } as never}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={props.onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <div onKeyDown={formKeyHandler(() => void save())} data-testid="plan-form">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={line ? { plannedOn: fromIsoDate(line.plannedOn), notes: line.notes } : { staffId: props.staffId ?? undefined, plannedOn: dayjs().isAfter(monthStart) ? dayjs() : monthStart }}
        >
          {!line && (
            <>
              <Form.Item name="staffId" label={t('visits.plans.fields.staffId')} rules={[zodRule(planFields.staffId, t)]} required>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={props.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.name}（${s.employeeNo}）` }))}
                />
              </Form.Item>
              <Form.Item name="customerId" label={t('visits.plans.fields.customerId')} rules={[{ required: true, message: t('v.required') }]} required>
                <CustomerPicker autoFocus />
              </Form.Item>
            </>
          )}
          {line && (
            <p>
              {line.staffName} · {line.customerCode} {line.customerName}
            </p>
          )}
          <Form.Item name="plannedOn" label={t('visits.plans.fields.plannedOn')} rules={[{ required: true, message: t('v.required') }]} required>
            <DatePicker
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM') !== props.month}
              defaultPickerValue={monthStart}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('visits.plans.fields.notes')} rules={[zodRule(planFields.notes, t)]}>
            <Input />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
