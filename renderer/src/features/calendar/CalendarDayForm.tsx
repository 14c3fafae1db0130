import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { calendarDayFields, type CalendarDayRecord } from '@shared/schemas/calendar';
import { CALENDAR_DAY_KINDS, weekday, type CalendarDayKind } from '@shared/workingDays';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';
import { blankToNull, fromIsoDate, toIsoDate } from '../../forms/fieldValues';

interface Values {
  date: Dayjs | null;
  kind: CalendarDayKind | null;
  name: string | null;
}

/** The only kind a date can meaningfully take: weekdays can be holidays, weekend days make-up working days. */
const kindFor = (iso: string): CalendarDayKind =>
  weekday(iso) === 0 || weekday(iso) === 6 ? 'workday' : 'holiday';

/** 新增/修改日期: one calendar entry. Picking the date picks the kind, which the admin can still see and change. */
export function CalendarDayForm({
  day,
  onClose,
  onSaved,
}: {
  day?: CalendarDayRecord;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = Form.useWatch('date', form);

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const values = { date: toIsoDate(v.date)!, kind: v.kind!, name: blankToNull(v.name) as string | null };
    setBusy(true);
    setError(null);
    try {
      if (day) await call('calendar.update', { date: day.date, day: values });
      else await call('calendar.create', { day: values });
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, ['day.'])) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={day ? t('calendar.dialog.editTitle', { date: day.date }) : t('calendar.dialog.addTitle')}
      okText={t('common.save')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <div onKeyDown={formKeyHandler(() => void save())} data-testid="calendar-day-form">
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="form-error"
          />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={
            day
              ? { date: fromIsoDate(day.date), kind: day.kind, name: day.name }
              : { date: null, kind: null, name: null }
          }
          validateTrigger={['onChange', 'onBlur']}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.date) {
              form.setFieldValue('kind', kindFor(toIsoDate(changed.date)!));
              void form.validateFields(['kind']).catch(() => undefined);
            }
          }}
        >
          <Form.Item
            name="date"
            label={t('calendar.fields.date')}
            required
            rules={[zodRule(calendarDayFields.date, t, (v) => toIsoDate(v as Dayjs | null))]}
            extra={
              picked ? (
                <span data-testid="calendar-day-weekday">
                  {t(`calendar.weekdays.d${weekday(toIsoDate(picked)!)}`)}
                </span>
              ) : undefined
            }
          >
            <DatePicker style={{ width: '100%' }} autoFocus />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('calendar.fields.kind')}
            required
            rules={[zodRule(calendarDayFields.kind, t)]}
            extra={<Typography.Text type="secondary">{t('calendar.dialog.kindHint')}</Typography.Text>}
          >
            <Select
              options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('calendar.fields.name')}
            rules={[zodRule(calendarDayFields.name, t)]}
          >
            <Input placeholder={t('calendar.dialog.namePlaceholder')} maxLength={40} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
