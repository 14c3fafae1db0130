import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { planFields, type PlanRow } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';
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
  const monthStart = dayjs(`${props.month}-01`);
  const line = props.line;

  // Every field is in view, so a refusal the backend pins on a field (plannedOn, customerId …) needs no error line.
  const { form, frame } = useDrawerForm<Values>({
    onClose: props.onClose,
    errorLine: 'unmarked',
    save: async (values) => {
      const plannedOn = toIsoDate(values.plannedOn) ?? '';
      if (line) await call('visitPlans.update', { id: line.id, plannedOn, notes: values.notes ?? '' });
      else await call('visitPlans.add', { staffId: values.staffId!, month: props.month, customerId: values.customerId!, plannedOn, notes: values.notes ?? null });
      props.onSaved();
    },
  });

  return (
    <FormDialog
      width={520}
      title={line ? t('visits.plans.editDate') : t('visits.plans.addTitle', { month: props.month })}
      okText={t('common.save')}
      frame={frame}
      onCancel={props.onClose}
      testIds={{ save: 'save-plan', form: 'plan-form' }}
    >
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
    </FormDialog>
  );
}
