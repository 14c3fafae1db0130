import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { HISTORY_SHEET_MAX } from '@shared/schemas/printing';
import { call } from '../../api/client';
import { formatInstant } from '../../shell/format';
import { changeFieldLabel, changeValueText } from '../../features/customers/historyText';
import { PrintSheet } from '../PrintSheet';
import { ListTable } from '../parts';
import { useSheetData } from './useSheetData';
import type { SheetProps } from '../sheets';

/** 客户档案变更记录: the customer's whole change history, oldest first, as the paper file keeps it. */
export function CustomerHistorySheet({ id }: SheetProps) {
  const { t } = useTranslation();
  const { data, error } = useSheetData(() => call('customers.historySheet', { id: Number(id) }), [id]);
  if (error) return <Alert type="error" showIcon message={error} style={{ margin: 24 }} />;
  const codeLabel = (field: string, code: string) => data?.codeLabels[`${field}:${code}`];
  return (
    <PrintSheet
      title={t('print.history.title')}
      reference={data ? t('print.history.reference', { code: data.customer.code }) : ''}
      subject={data?.customer.name}
      orientation="landscape"
      signatures={[t('print.history.signClerk'), t('print.history.signHead')]}
      ready={data !== null}
    >
      {data?.truncated && <p>{t('print.truncated', { max: HISTORY_SHEET_MAX })}</p>}
      {data && (
        <ListTable
          rows={data.changes}
          columns={[
            { title: t('history.fields.changedAt'), width: '13%', value: (r) => formatInstant(r.changedAt) },
            { title: t('history.fields.receivedOn'), width: '10%', value: (r) => `${r.receivedOn}${r.late ? ` ${t('customers.lateUpdate')}` : ''}` },
            {
              title: t('history.fields.field'),
              width: '14%',
              value: (r) => `${changeFieldLabel(t, r.entity, r.field)}${r.entity === 'contact' && r.entityLabel ? `（${r.entityLabel}）` : ''}`,
            },
            { title: t('history.fields.oldValue'), value: (r) => changeValueText(t, r.field, r.oldValue, codeLabel) },
            { title: t('history.fields.newValue'), value: (r) => changeValueText(t, r.field, r.newValue, codeLabel) },
            { title: t('history.fields.userName'), width: '8%', value: (r) => r.userName },
            { title: t('access.history.approvedBy'), width: '8%', value: (r) => r.approvedBy ?? '' },
          ]}
        />
      )}
    </PrintSheet>
  );
}
