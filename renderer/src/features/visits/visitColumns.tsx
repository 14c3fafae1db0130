import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { Tag } from 'antd';
import { ABC_CLASSES } from '@shared/schemas/customer';
import { VISIT_CHANNELS, VISIT_STATUSES, type VisitGridRow } from '@shared/schemas/visits';
import { dateColumn, enumValues, setColumn, textColumn } from '../../grid/columns';

const labelled = (t: TFunction, name: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`visits.enums.${name}.${value}`) }));

/**
 * The visit register's columns (ids match shared/grids/visits.ts, which the backend whitelists). The customer
 * tab leaves out the customer's own columns.
 */
export function visitColumns(t: TFunction, options: { withCustomer: boolean }): ColDef<VisitGridRow>[] {
  const f = (id: string) => t(`visits.fields.${id}`);
  const customer: ColDef<VisitGridRow>[] = options.withCustomer
    ? [
        textColumn('customerCode', f('customerCode'), { width: 110 }),
        textColumn('customerName', f('customerName'), { width: 230 }),
        setColumn('abcClass', f('abcClass'), enumValues(t, 'abcClass', ABC_CLASSES), { width: 90 }),
      ]
    : [];
  return [
    dateColumn('visitedOn', f('visitedOn'), 'date', { width: 120, pinned: 'left' }),
    ...customer,
    setColumn('channel', f('channel'), labelled(t, 'channel', VISIT_CHANNELS), {
      width: 90,
      cellRenderer: (p: { value?: string }) => (p.value ? <Tag color={p.value === 'visit' ? 'blue' : 'default'}>{t(`visits.enums.channel.${p.value}`)}</Tag> : null),
    }),
    textColumn('staffName', f('staffName'), { width: 100 }),
    textColumn('contactName', f('contactName'), { width: 100 }),
    textColumn('contactTitle', f('contactTitle'), { width: 100 }),
    textColumn('purpose', f('purpose'), { width: 200, tooltipField: 'purpose' }),
    textColumn('content', f('content'), { width: 320, tooltipField: 'content' }),
    textColumn('customerNeeds', f('customerNeeds'), { width: 180, tooltipField: 'customerNeeds' }),
    textColumn('competitors', f('competitors'), { width: 180, tooltipField: 'competitors', hide: true }),
    textColumn('followUp', f('followUp'), { width: 180, tooltipField: 'followUp', hide: true }),
    setColumn('significant', f('significant'), enumValues(t, 'bool', ['true', 'false']), {
      width: 100,
      cellRenderer: (p: { value?: boolean }) => (p.value ? <Tag color="red">{f('significant')}</Tag> : null),
    }),
    setColumn('status', f('status'), labelled(t, 'status', VISIT_STATUSES), {
      width: 90,
      cellRenderer: (p: { value?: string }) => (p.value === 'voided' ? <Tag>{t('visits.enums.status.voided')}</Tag> : t('visits.enums.status.valid')),
    }),
    textColumn('voidedReason', f('voidedReason'), { width: 160, hide: true }),
    textColumn('createdBy', f('createdBy'), { width: 90, hide: true }),
    dateColumn('createdAt', f('createdAt'), 'instant', { width: 150, hide: true }),
  ];
}
