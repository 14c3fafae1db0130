import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  RESPONSIBILITIES,
  SATISFACTION_ASPECTS,
  stepFields,
  type ComplaintDetail,
  type ComplaintRecord,
} from '@shared/schemas/complaint';
import { requiredText } from '@shared/schemas/common';
import { call } from '../../api/client';
import { zodRule, zodValidator } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { toIsoDate } from '../../forms/fieldValues';
import { complaintOptions } from './labels';

export type StepName = 'verify' | 'startHandling' | 'resolve' | 'recordFeedback';

interface Values {
  verification?: string;
  responsibility?: 'company' | 'notCompany';
  responsibleDepartment?: string;
  responsiblePerson?: string;
  handlingPlan?: string;
  rectificationPlan?: string;
  handlingResult?: string;
  scores?: Record<string, number>;
  feedbackOn?: Dayjs;
  feedbackNote?: string;
}

const text = (v: string | undefined) => (v ?? '').trim();
const SCORE_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

/** One step of the flow in a dialog: the fields that step must record, validated as the backend does. */
export function StepModal({
  step,
  complaint,
  onClose,
  onSaved,
}: {
  step: StepName;
  complaint: ComplaintRecord;
  onClose: () => void;
  onSaved: (d: ComplaintDetail) => void;
}) {
  const { t } = useTranslation();
  const f = (id: string) => t(`complaints.fields.${id}`);

  // As ComplaintForm: a dialog with every field in view, closed without asking.
  const { form, frame } = useDrawerForm<Values>({
    onClose,
    errorLine: 'unmarked',
    save: async (v) => {
      const base = { id: complaint.id, version: complaint.version };
      const optional = (s: string | undefined) => text(s) || null;
      let detail: ComplaintDetail;
      if (step === 'verify') {
        detail = await call('complaints.verify', {
          ...base,
          verification: text(v.verification),
          responsibility: v.responsibility!,
          responsibleDepartment: optional(v.responsibleDepartment),
          responsiblePerson: optional(v.responsiblePerson),
        });
      } else if (step === 'startHandling') {
        detail = await call('complaints.startHandling', {
          ...base,
          handlingPlan: text(v.handlingPlan),
          rectificationPlan: optional(v.rectificationPlan),
        });
      } else if (step === 'resolve') {
        detail = await call('complaints.resolve', {
          ...base,
          handlingResult: text(v.handlingResult),
          rectificationPlan: optional(v.rectificationPlan),
        });
      } else {
        const s = v.scores ?? {};
        detail = await call('complaints.recordFeedback', {
          ...base,
          scores: { time: s.time!, method: s.method!, process: s.process!, result: s.result! },
          feedbackOn: toIsoDate(v.feedbackOn) ?? '',
          feedbackNote: optional(v.feedbackNote),
        });
      }
      onSaved(detail);
    },
  });
  const company = Form.useWatch('responsibility', form) === 'company';

  const area = (
    name: keyof Values,
    schema: (typeof stepFields)[keyof typeof stepFields],
    required: boolean,
    extra?: string,
  ) => (
    <Form.Item name={name} label={f(name)} rules={[zodRule(schema, t)]} required={required} extra={extra}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 2000 }} />
    </Form.Item>
  );

  return (
    <FormDialog
      width={640}
      title={t(`complaints.dialogs.${step}Title`, { number: complaint.number })}
      okText={t(`complaints.actions.${step}`)}
      frame={frame}
      onCancel={onClose}
      testIds={{ save: 'save-step', form: `step-${step}` }}
    >
      <Form
        form={form}
        layout="vertical"
        validateTrigger={['onChange', 'onBlur']}
        initialValues={{ rectificationPlan: complaint.rectificationPlan ?? undefined, feedbackOn: dayjs() }}
      >
        {step === 'verify' && (
          <>
            {area('verification', stepFields.verification, true)}
            <Form.Item
              name="responsibility"
              label={f('responsibility')}
              rules={[zodRule(stepFields.responsibility, t)]}
              required
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={complaintOptions(t, 'responsibilities', RESPONSIBILITIES)}
              />
            </Form.Item>
            <div style={{ display: 'flex', gap: 16 }}>
              <Form.Item
                name="responsibleDepartment"
                label={f('responsibleDepartment')}
                required={company}
                extra={t('complaints.hints.responsibleDepartment')}
                dependencies={['responsibility']}
                rules={[
                  {
                    validator: (_r, value) =>
                      company ? zodValidator(requiredText(50), t)(value) : Promise.resolve(),
                  },
                  zodRule(stepFields.responsibleDepartment, t),
                ]}
                style={{ flex: 1 }}
              >
                <Input disabled={!company} maxLength={60} />
              </Form.Item>
              <Form.Item
                name="responsiblePerson"
                label={f('responsiblePerson')}
                rules={[zodRule(stepFields.responsiblePerson, t)]}
                style={{ flex: 1 }}
              >
                <Input disabled={!company} maxLength={60} />
              </Form.Item>
            </div>
          </>
        )}
        {step === 'startHandling' && (
          <>
            {area('handlingPlan', stepFields.handlingPlan, true)}
            {area(
              'rectificationPlan',
              stepFields.rectificationPlan,
              false,
              t('complaints.hints.rectificationPlan'),
            )}
          </>
        )}
        {step === 'resolve' && (
          <>
            {area('handlingResult', stepFields.handlingResult, true)}
            {area(
              'rectificationPlan',
              stepFields.rectificationPlan,
              false,
              t('complaints.hints.rectificationPlan'),
            )}
          </>
        )}
        {step === 'recordFeedback' && (
          <>
            <Alert
              type="info"
              showIcon
              message={t('complaints.hints.scores')}
              style={{ marginBottom: 12 }}
            />
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
              {SATISFACTION_ASPECTS.map((aspect) => (
                <Form.Item
                  key={aspect}
                  name={['scores', aspect]}
                  label={t(`complaints.aspects.${aspect}`)}
                  rules={[zodRule(stepFields.score, t)]}
                  required
                >
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={SCORE_OPTIONS}
                    data-testid={`score-${aspect}`}
                  />
                </Form.Item>
              ))}
            </div>
            <Form.Item
              name="feedbackOn"
              label={f('feedbackOn')}
              rules={[{ required: true, message: t('v.required') }]}
              required
            >
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="feedbackNote"
              label={f('feedbackNote')}
              rules={[zodRule(stepFields.feedbackNote, t)]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} count={{ show: true, max: 500 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDialog>
  );
}
