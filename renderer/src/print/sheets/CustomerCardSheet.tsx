import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@shared/money';
import { call } from '../../api/client';
import { PrintSheet } from '../PrintSheet';
import { FieldTable, ListTable, PrintSection } from '../parts';
import { useSheetData } from './useSheetData';
import type { SheetProps } from '../sheets';

/** 客户卡 (A4): the record, contacts, last visits, open complaints — what a manager takes to a meeting. */
export function CustomerCardSheet({ id }: SheetProps) {
  const { t } = useTranslation();
  const { data, error } = useSheetData(() => call('customers.card', { id: Number(id) }), [id]);
  if (error) return <Alert type="error" showIcon message={error} style={{ margin: 24 }} />;
  const f = (k: string) => t(`customers.fields.${k}`);
  const v = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const c = data?.customer;
  const label = (list: string, code: string | null) => (code ? (data?.codeLabels[`${list}:${code}`] ?? code) : '');
  return (
    <PrintSheet
      title={t('print.customerCard.title')}
      reference={c ? t('print.customerCard.reference', { code: c.code }) : ''}
      subject={c?.name}
      signatures={[t('print.customerCard.signClerk'), t('print.customerCard.signManager'), t('print.customerCard.signHead')]}
      ready={data !== null}
    >
      {c && data && (
        <>
          <PrintSection>{t('print.customerCard.record')}</PrintSection>
          <FieldTable
            columns={3}
            fields={[
              { label: f('name'), value: c.name, span: 2 },
              { label: f('shortName'), value: v(c.shortName) },
              { label: f('abcClass'), value: t(`enums.abcClass.${c.abcClass}`) },
              { label: f('isKey'), value: t(`enums.bool.${c.isKey}`) },
              { label: f('status'), value: t(`enums.status.${c.status}`) },
              { label: f('managerName'), value: c.managerName },
              { label: f('registeredOn'), value: c.registeredOn },
              { label: f('firstContractNo'), value: v(c.firstContractNo) },
              { label: f('region'), value: label('region', c.region) },
              { label: f('areaUnit'), value: v(c.areaUnit) },
              { label: f('urbanRural'), value: c.urbanRural ? t(`enums.urbanRural.${c.urbanRural}`) : '' },
              { label: f('businessFormat'), value: label('businessFormat', c.businessFormat) },
              { label: f('marketType'), value: label('marketType', c.marketType) },
              { label: f('marketSize'), value: label('marketSize', c.marketSize) },
              { label: f('strength'), value: v(c.strength) },
              { label: f('dealLikelihood'), value: v(c.dealLikelihood) },
              { label: f('orderCycle'), value: v(c.orderCycle) },
              { label: f('creditRating'), value: c.creditRating ? t(`enums.creditRating.${c.creditRating}`) : '' },
              { label: f('creditLimitFen'), value: c.creditLimitFen === null ? '' : `${formatFen(c.creditLimitFen)} ${t('customers.yuan')}` },
              { label: f('infoSource'), value: c.infoSource ? t(`enums.infoSource.${c.infoSource}`) : '' },
              { label: f('address'), value: v(c.address), span: 3 },
              { label: f('phone'), value: v(c.phone) },
              { label: f('fax'), value: v(c.fax) },
              { label: f('email'), value: v(c.email) },
              { label: f('mainProducts'), value: v(c.mainProducts), span: 3 },
              { label: f('businessScope'), value: v(c.businessScope), span: 3 },
              { label: f('notes'), value: v(c.notes), span: 3 },
            ]}
          />
          <PrintSection>{t('print.customerCard.contacts')}</PrintSection>
          <ListTable
            rows={data.contacts}
            empty={t('print.customerCard.noContacts')}
            columns={[
              { title: t('contacts.fields.name'), width: '16%', value: (r) => `${r.name}${r.isKeyLeader ? ' ★' : ''}` },
              { title: t('contacts.fields.title'), width: '18%', value: (r) => v(r.title) },
              { title: t('contacts.fields.mobile'), width: '17%', value: (r) => v(r.mobile) },
              { title: t('contacts.fields.directLine'), width: '17%', value: (r) => v(r.directLine) },
              { title: t('contacts.fields.email'), value: (r) => v(r.email) },
            ]}
          />
          <PrintSection>{t('print.customerCard.visits')}</PrintSection>
          <ListTable
            rows={data.visits}
            empty={t('print.customerCard.noVisits')}
            columns={[
              { title: t('print.cardVisits.date'), width: '14%', value: (r) => r.visitedOn },
              { title: t('print.cardVisits.channel'), width: '9%', value: (r) => t(`print.cardVisits.channels.${r.channel}`) },
              { title: t('print.cardVisits.staff'), width: '11%', value: (r) => r.staffName },
              { title: t('print.cardVisits.contact'), width: '16%', value: (r) => v(r.contact) },
              { title: t('print.cardVisits.content'), value: (r) => v(r.summary) },
            ]}
          />
          <PrintSection>{t('print.customerCard.complaints')}</PrintSection>
          <ListTable
            rows={data.complaints}
            empty={t('print.customerCard.noComplaints')}
            columns={[
              { title: t('print.cardComplaints.no'), width: '17%', value: (r) => r.number },
              { title: t('print.cardComplaints.receivedOn'), width: '14%', value: (r) => r.receivedOn },
              { title: t('print.cardComplaints.type'), width: '9%', value: (r) => t(`complaints.types.${r.type}`) },
              { title: t('print.cardComplaints.status'), width: '11%', value: (r) => t(`complaints.statuses.${r.status}`) },
              { title: t('print.cardComplaints.dueOn'), width: '14%', value: (r) => r.dueOn },
              { title: t('print.cardComplaints.content'), value: (r) => r.summary },
            ]}
          />
        </>
      )}
    </PrintSheet>
  );
}
