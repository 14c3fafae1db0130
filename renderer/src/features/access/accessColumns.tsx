import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import {
  ACCESS_STATUSES,
  ORDER_CYCLE_STATUSES,
  type AccessRequestRow,
  type OrderCycleRow,
} from '@shared/schemas/access';
import { dateColumn, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { AccessStatusTag, OrderCycleStatusTag } from './statusTags';

const f = (t: TFunction, key: string) => t(`access.fields.${key}`);

/** Columns of an access-request grid; `who` adds the requester (the supervisor's list), `actions` a last column. */
export function accessRequestColumns(
  t: TFunction,
  options: { who: boolean; actions?: ColDef<AccessRequestRow> },
): ColDef<AccessRequestRow>[] {
  return [
    dateColumn('requestedAt', f(t, 'requestedAt'), 'instant', { width: 140 }),
    textColumn('customerCode', f(t, 'customerCode'), { width: 110 }),
    textColumn('customerName', f(t, 'customerName'), { flex: 1, minWidth: 180 }),
    ...(options.who ? [textColumn('requesterName', f(t, 'requesterName'), { width: 100 })] : []),
    textColumn('reason', f(t, 'reason'), { flex: 1, minWidth: 160, tooltipField: 'reason' }),
    numberColumn('days', f(t, 'days'), {
      width: 120,
      valueGetter: (p) => (p.data ? (p.data.grantedDays ?? p.data.days) : null),
    }),
    setColumn(
      'status',
      f(t, 'status'),
      ACCESS_STATUSES.map((s) => ({ value: s, label: t(`access.status.${s}`) })),
      {
        width: 100,
        cellRenderer: (p: { data?: AccessRequestRow }) =>
          p.data ? <AccessStatusTag status={p.data.status} t={t} /> : null,
      },
    ),
    textColumn('decidedByName', f(t, 'decidedByName'), { width: 100 }),
    textColumn('decisionNote', f(t, 'decisionNote'), { width: 160, tooltipField: 'decisionNote' }),
    dateColumn('expiresAt', f(t, 'expiresAt'), 'instant', { width: 140 }),
    dateColumn('decidedAt', f(t, 'decidedAt'), 'instant', { width: 140, hide: !options.who }),
    ...(options.actions ? [options.actions] : []),
  ];
}

export function orderCycleColumns(t: TFunction, actions: ColDef<OrderCycleRow>): ColDef<OrderCycleRow>[] {
  const dash = t('common.notSet');
  return [
    dateColumn('requestedAt', f(t, 'requestedAt'), 'instant', { width: 140 }),
    textColumn('customerCode', f(t, 'customerCode'), { width: 110 }),
    textColumn('customerName', f(t, 'customerName'), { flex: 1, minWidth: 180 }),
    textColumn('requesterName', f(t, 'requesterName'), { width: 100 }),
    textColumn('oldValue', f(t, 'oldValue'), {
      width: 120,
      valueFormatter: (p) => (p.value as string | null) ?? dash,
    }),
    textColumn('newValue', f(t, 'newValue'), {
      width: 120,
      valueFormatter: (p) => (p.value as string | null) ?? dash,
    }),
    setColumn(
      'status',
      f(t, 'status'),
      ORDER_CYCLE_STATUSES.map((s) => ({ value: s, label: t(`access.orderCycleStatus.${s}`) })),
      {
        width: 100,
        cellRenderer: (p: { data?: OrderCycleRow }) =>
          p.data ? <OrderCycleStatusTag status={p.data.status} t={t} /> : null,
      },
    ),
    textColumn('decisionNote', f(t, 'decisionNote'), { width: 160, tooltipField: 'decisionNote' }),
    dateColumn('receivedOn', f(t, 'receivedOn'), 'date', { width: 120 }),
    textColumn('decidedByName', f(t, 'decidedByName'), { width: 100 }),
    dateColumn('decidedAt', f(t, 'decidedAt'), 'instant', { width: 140 }),
    actions,
  ];
}
