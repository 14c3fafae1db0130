import { useMemo } from 'react';
import { Tag, Typography } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '@shared/schemas/customer';
import { ServerGrid } from '../../grid/ServerGrid';
import { dateColumn, enumValues, setColumn, textColumn } from '../../grid/columns';
import { changeFieldLabel, changeValueText } from './historyText';
import type { Lookups } from './useLookups';
import { PrintButton } from '../../print/PrintButton';

/**
 * The customer's change history (变更记录): read-only, newest first, late updates flagged, the approver of a change
 * that needed one shown. `channel` is access.viewHistory when another department reads it through a grant.
 */
export function HistoryPanel({
  customerId,
  customerCode,
  lookups,
  channel = 'customers.history',
}: {
  customerId: number;
  customerCode: string;
  lookups: Lookups;
  channel?: 'customers.history' | 'access.viewHistory';
}) {
  const { t } = useTranslation();
  const codeLabel = (field: string, code: string) => lookups.label(field, code);
  const columns = useMemo<ColDef<HistoryRow>[]>(
    () => [
      dateColumn('changedAt', t('history.fields.changedAt'), 'instant', { width: 150 }),
      setColumn('entity', t('history.fields.entity'), enumValues(t, 'entity', ['customer', 'contact']), {
        width: 100,
        valueFormatter: (p) => (p.data?.entity === 'contact' ? `${t('enums.entity.contact')} ${p.data.entityLabel ?? ''}` : t('enums.entity.customer')),
      }),
      textColumn('field', t('history.fields.field'), { width: 150, valueFormatter: (p) => (p.data ? changeFieldLabel(t, p.data.entity, p.data.field) : '') }),
      textColumn('oldValue', t('history.fields.oldValue'), { flex: 1, minWidth: 160, valueFormatter: (p) => (p.data ? changeValueText(t, p.data.field, p.data.oldValue, codeLabel) : '') }),
      textColumn('newValue', t('history.fields.newValue'), { flex: 1, minWidth: 160, valueFormatter: (p) => (p.data ? changeValueText(t, p.data.field, p.data.newValue, codeLabel) : '') }),
      textColumn('userName', t('history.fields.userName'), { width: 100 }),
      dateColumn('receivedOn', t('history.fields.receivedOn'), 'date', { width: 130 }),
      setColumn('late', t('history.fields.late'), enumValues(t, 'bool', ['true', 'false']), {
        width: 110,
        cellRenderer: (p: { value?: boolean }) => (p.value ? <Tag color="red">{t('customers.lateUpdate')}</Tag> : null),
      }),
      textColumn('approvedBy', t('access.history.approvedBy'), { width: 100 }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, lookups],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: 480 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text type="secondary">{t('history.readOnly')}</Typography.Text>
        {channel === 'customers.history' && (
          <PrintButton sheet="customer-history" id={customerId} title={`${t('print.history.title')}-${customerCode}`} label={t('print.history.button')} />
        )}
      </div>
      <ServerGrid<HistoryRow> gridKey="grid.customerHistory" channel={channel} columnDefs={columns} extraInput={{ customerId }} refreshOn="customer" testId="history-grid" />
    </div>
  );
}
