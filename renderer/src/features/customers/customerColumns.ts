import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { formatFen } from '@shared/money';
import { ABC_CLASSES, CREDIT_RATINGS, CUSTOMER_STATUSES, INFO_SOURCES, URBAN_RURAL, type CustomerGridRow } from '@shared/schemas/customer';
import { dateColumn, enumValues, numberColumn, setColumn, textColumn } from '../../grid/columns';
import type { Lookups } from './useLookups';

/** The customer grid's columns; ids match shared/grids/customers.ts, which the backend whitelists. */
export function customerColumns(t: TFunction, lookups: Lookups): ColDef<CustomerGridRow>[] {
  const f = (id: string) => t(`customers.fields.${id}`);
  const codes = (list: 'region' | 'businessFormat' | 'marketType' | 'marketSize') =>
    lookups.codes.filter((c) => c.list === list).map((c) => ({ value: c.code, label: c.label }));
  return [
    textColumn('code', f('code'), { width: 120, pinned: 'left' }),
    textColumn('name', f('name'), { width: 280, pinned: 'left' }),
    setColumn('abcClass', f('abcClass'), enumValues(t, 'abcClass', ABC_CLASSES), { width: 110 }),
    setColumn('status', f('status'), enumValues(t, 'status', CUSTOMER_STATUSES), { width: 100 }),
    setColumn('isKey', f('isKey'), enumValues(t, 'bool', ['true', 'false']), { width: 110 }),
    textColumn('managerName', f('managerName'), { width: 110 }),
    setColumn('region', f('region'), codes('region'), { width: 110 }),
    setColumn('businessFormat', f('businessFormat'), codes('businessFormat'), { width: 110 }),
    setColumn('marketType', f('marketType'), codes('marketType'), { width: 110, hide: true }),
    setColumn('marketSize', f('marketSize'), codes('marketSize'), { width: 110, hide: true }),
    setColumn('urbanRural', f('urbanRural'), enumValues(t, 'urbanRural', URBAN_RURAL), { width: 110 }),
    textColumn('areaUnit', f('areaUnit'), { width: 150, hide: true }),
    textColumn('phone', f('phone'), { width: 140 }),
    textColumn('address', f('address'), { width: 300 }),
    textColumn('email', f('email'), { width: 180, hide: true }),
    textColumn('shortName', f('shortName'), { width: 120, hide: true }),
    dateColumn('registeredOn', f('registeredOn'), 'date', { width: 120 }),
    setColumn('creditRating', f('creditRating'), enumValues(t, 'creditRating', CREDIT_RATINGS), { width: 110 }),
    numberColumn('creditLimitFen', f('creditLimitFen'), {
      width: 140,
      valueFormatter: (p) => (p.value == null ? '' : formatFen(p.value as number)),
    }),
    numberColumn('strength', f('strength'), { width: 110, hide: true }),
    numberColumn('dealLikelihood', f('dealLikelihood'), { width: 120, hide: true }),
    textColumn('orderCycle', f('orderCycle'), { width: 110, hide: true }),
    setColumn('infoSource', f('infoSource'), enumValues(t, 'infoSource', INFO_SOURCES), { width: 140, hide: true }),
    dateColumn('updatedAt', f('updatedAt'), 'instant', { width: 150 }),
  ];
}
