import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { SATISFACTION_ASPECTS } from '@shared/schemas/complaint';
import { call } from '../../api/client';
import { formatInstant } from '../../shell/format';
import { PrintSheet } from '../PrintSheet';
import { FieldTable, PrintSection } from '../parts';
import { useSheetData } from './useSheetData';
import type { SheetProps } from '../sheets';

/**
 * 客户投诉记录单 (one A4 page): one complaint as the office files it — intake with the customer, verification and
 * responsibility (when and by whom), handling with its times, the customer's four scores, and the signature
 * lines. Empty fields print empty so a form printed early can be completed by hand.
 */
export function ComplaintSheet({ id }: SheetProps) {
  const { t } = useTranslation();
  const { data, error } = useSheetData(() => call('complaints.get', { id: Number(id) }), [id]);
  if (error) return <Alert type="error" showIcon message={error} style={{ margin: 24 }} />;
  const c = data?.complaint;
  const f = (k: string) => t(`complaints.fields.${k}`);
  const v = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const pre = (x: string | null | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{v(x)}</span>;
  /** Who recorded a step (the timeline keeps it); the form has one A4 page, so no separate log table. */
  const by = (action: string) => data?.events.find((e) => e.action === action)?.userName;
  return (
    <PrintSheet
      title={t('complaints.sheet.title')}
      reference={c ? t('complaints.sheet.reference', { number: c.number }) : ''}
      subject={c ? `${c.customerCode} ${c.customerName}` : ''}
      signatures={[
        t('complaints.sheet.signReceiver'),
        t('complaints.sheet.signHandler'),
        t('complaints.sheet.signHead'),
      ]}
      ready={data !== null}
    >
      {c && data && (
        <>
          <PrintSection>{t('complaints.sheet.intake')}</PrintSection>
          <FieldTable
            columns={3}
            fields={[
              { label: f('number'), value: c.number },
              { label: f('type'), value: t(`complaints.types.${c.type}`) },
              { label: f('channel'), value: t(`complaints.channels.${c.channel}`) },
              { label: f('customerName'), value: c.customerName, span: 2 },
              { label: f('customerCode'), value: c.customerCode },
              { label: f('customerPhone'), value: v(c.customerPhone) },
              { label: f('customerAddress'), value: v(c.customerAddress), span: 2 },
              { label: f('receivedAt'), value: formatInstant(c.receivedAt) },
              { label: f('receivedByName'), value: c.receivedByName },
              { label: f('dueOn'), value: c.dueOn },
              { label: t('complaints.sheet.content'), value: pre(c.content), span: 3 },
            ]}
          />
          <PrintSection>{t('complaints.sheet.verification')}</PrintSection>
          <FieldTable
            columns={3}
            fields={[
              { label: f('verification'), value: pre(c.verification), span: 3 },
              {
                label: f('responsibility'),
                value: c.responsibility ? t(`complaints.responsibilities.${c.responsibility}`) : '',
              },
              { label: f('responsibleDepartment'), value: v(c.responsibleDepartment) },
              { label: f('responsiblePerson'), value: v(c.responsiblePerson) },
              { label: f('verifiedAt'), value: c.verifiedAt ? formatInstant(c.verifiedAt) : '' },
              { label: t('complaints.sheet.verifiedBy'), value: v(by('verified')), span: 2 },
            ]}
          />
          <PrintSection>{t('complaints.sheet.handling')}</PrintSection>
          <FieldTable
            columns={3}
            fields={[
              { label: f('handlingPlan'), value: pre(c.handlingPlan), span: 3 },
              { label: f('rectificationPlan'), value: pre(c.rectificationPlan), span: 3 },
              { label: f('handlingResult'), value: pre(c.handlingResult), span: 3 },
              {
                label: f('handlingStartedAt'),
                value: c.handlingStartedAt ? formatInstant(c.handlingStartedAt) : '',
              },
              { label: f('resolvedAt'), value: c.resolvedAt ? formatInstant(c.resolvedAt) : '' },
              { label: f('closedAt'), value: c.closedAt ? formatInstant(c.closedAt) : '' },
            ]}
          />
          <PrintSection>{t('complaints.sheet.feedback')}</PrintSection>
          <FieldTable
            columns={3}
            fields={[
              ...SATISFACTION_ASPECTS.map((a) => ({
                label: t(`complaints.aspects.${a}`),
                value: c.scores ? t('complaints.sheet.score', { score: c.scores[a] }) : '',
              })),
              {
                label: f('averageScore'),
                value: c.averageScore === null ? '' : (c.averageScore / 100).toFixed(2),
              },
              { label: f('feedbackOn'), value: v(c.feedbackOn) },
              { label: f('feedbackNote'), value: v(c.feedbackNote), span: 3 },
            ]}
          />
        </>
      )}
    </PrintSheet>
  );
}
