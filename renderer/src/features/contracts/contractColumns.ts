import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { formatFen } from '@shared/money';
import { CONTRACT_STATUSES, CONTRACT_TYPES, type ContractGridRow } from '@shared/schemas/contract';
import { dateColumn, numberColumn, setColumn, textColumn } from '../../grid/columns';

const yesNo = (t: TFunction) => [
  { value: 'true', label: t('enums.bool.true') },
  { value: 'false', label: t('enums.bool.false') },
];

/** The register's columns; ids match shared/grids/contracts.ts, which the backend whitelists. */
export function contractColumns(t: TFunction, options: { withCustomer: boolean }): ColDef<ContractGridRow>[] {
  const f = (id: string) => t(`contracts.fields.${id}`);
  return [
    textColumn('contractNo', f('contractNo'), { width: 150, pinned: 'left' }),
    textColumn('title', f('title'), { width: 220 }),
    ...(options.withCustomer
      ? [textColumn('customerName', f('customerName'), { width: 240 }), textColumn('customerCode', f('customerCode'), { width: 110, hide: true })]
      : []),
    setColumn('contractType', f('contractType'), CONTRACT_TYPES.map((v) => ({ value: v, label: t(`contracts.types.${v}`) })), { width: 110 }),
    setColumn('status', f('status'), CONTRACT_STATUSES.map((v) => ({ value: v, label: t(`contracts.statuses.${v}`) })), {
      width: 110,
      cellClassRules: { 'contract-expiring': (p) => p.data?.expiring === true },
    }),
    setColumn('isSpecial', f('isSpecial'), yesNo(t), { width: 110 }),
    setColumn('countersigned', f('countersigned'), yesNo(t), { width: 100 }),
    textColumn('countersignedBy', f('countersignedBy'), { width: 180, hide: true }),
    setColumn('specialApproved', f('specialApproved'), yesNo(t), { width: 100, hide: true }),
    textColumn('specialApprovedBy', f('specialApprovedBy'), { width: 110, hide: true }),
    dateColumn('signedOn', f('signedOn'), 'date', { width: 120 }),
    dateColumn('startOn', f('startOn'), 'date', { width: 120 }),
    dateColumn('endOn', f('endOn'), 'date', { width: 120, cellClassRules: { 'contract-expiring': (p) => p.data?.expiring === true } }),
    numberColumn('amountFen', f('amountFen'), { width: 150, valueFormatter: (p) => (p.value == null ? '' : formatFen(p.value as number)) }),
    ...(options.withCustomer ? [textColumn('managerName', f('managerName'), { width: 110 })] : []),
    numberColumn('attachmentCount', f('attachmentCount'), { width: 100, hide: !options.withCustomer }),
    dateColumn('updatedAt', f('updatedAt'), 'instant', { width: 150, hide: true }),
  ];
}
