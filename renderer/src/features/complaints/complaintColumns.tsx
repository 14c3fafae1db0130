import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { Tag } from 'antd';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  DUE_STATES,
  RESPONSIBILITIES,
  type ComplaintGridRow,
  type SatisfactionGridRow,
} from '@shared/schemas/complaint';
import { dateColumn, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { complaintOptions, DUE_COLOR, formatAverage, STATUS_COLOR } from './labels';

/**
 * Overdue and due-today rows are tinted in every cell (the whole row reads as flagged), so a clerk scanning the
 * register sees them whichever columns are shown.
 */
const rowTint: ColDef<ComplaintGridRow>['cellClassRules'] = {
  'complaint-overdue': (p) => p.data?.dueState === 'overdue',
  'complaint-due-today': (p) => p.data?.dueState === 'dueToday',
};

/** 客户投诉记录台账's columns; ids match shared/grids/complaints.ts, which the backend whitelists. */
export function complaintColumns(
  t: TFunction,
  options: { customerColumns?: boolean; toolbarFilters?: boolean } = {},
): ColDef<ComplaintGridRow>[] {
  const f = (id: string) => t(`complaints.fields.${id}`);
  const withCustomer = options.customerColumns ?? true;
  const columns: ColDef<ComplaintGridRow>[] = [
    textColumn('number', f('number'), { width: 130, pinned: 'left' }),
    dateColumn('receivedAt', f('receivedAt'), 'instant', { width: 150 }),
    textColumn('customerCode', f('customerCode'), { width: 110, hide: !withCustomer }),
    textColumn('customerName', f('customerName'), { width: 220, hide: !withCustomer }),
    setColumn('type', f('type'), complaintOptions(t, 'types', COMPLAINT_TYPES), { width: 90 }),
    setColumn('channel', f('channel'), complaintOptions(t, 'channels', COMPLAINT_CHANNELS), { width: 110 }),
    textColumn('receivedByName', f('receivedByName'), { width: 100 }),
    textColumn('content', f('content'), { width: 280, tooltipField: 'content' }),
    setColumn('status', f('status'), complaintOptions(t, 'statuses', COMPLAINT_STATUSES), {
      width: 100,
      cellRenderer: (p: { value?: string }) =>
        p.value ? <Tag color={STATUS_COLOR[p.value]}>{t(`complaints.statuses.${p.value}`)}</Tag> : null,
    }),
    dateColumn('dueOn', f('dueOn'), 'date', { width: 120 }),
    setColumn('dueState', f('dueState'), complaintOptions(t, 'dueStates', DUE_STATES), {
      width: 110,
      cellRenderer: (p: { value?: string }) =>
        p.value && p.value !== 'done' && p.value !== 'pending' ? (
          <Tag color={DUE_COLOR[p.value]}>{t(`complaints.dueStates.${p.value}`)}</Tag>
        ) : p.value ? (
          t(`complaints.dueStates.${p.value}`)
        ) : null,
    }),
    textColumn('verification', f('verification'), { width: 220, hide: true, tooltipField: 'verification' }),
    setColumn(
      'responsibility',
      f('responsibility'),
      complaintOptions(t, 'responsibilities', RESPONSIBILITIES),
      { width: 120, hide: true },
    ),
    textColumn('responsibleDepartment', f('responsibleDepartment'), { width: 110 }),
    textColumn('responsiblePerson', f('responsiblePerson'), { width: 100, hide: true }),
    textColumn('handlingPlan', f('handlingPlan'), { width: 220, hide: true, tooltipField: 'handlingPlan' }),
    textColumn('handlingResult', f('handlingResult'), { width: 220, tooltipField: 'handlingResult' }),
    textColumn('rectificationPlan', f('rectificationPlan'), {
      width: 220,
      hide: true,
      tooltipField: 'rectificationPlan',
    }),
    dateColumn('resolvedAt', f('resolvedAt'), 'instant', { width: 150, hide: true }),
    dateColumn('closedAt', f('closedAt'), 'instant', { width: 150 }),
    numberColumn('averageScore', f('averageScore'), {
      width: 100,
      valueFormatter: (p) => formatAverage(p.value as number | null),
    }),
  ];
  // Where the page filters these columns from its toolbar, a second filter in the column menu would only conflict.
  const inToolbar = new Set(options.toolbarFilters ? ['receivedAt', 'type', 'status', 'dueState'] : []);
  return columns.map((c) => ({
    ...c,
    cellClassRules: rowTint,
    ...(inToolbar.has(c.field as string) ? { filter: false } : {}),
  }));
}

/** 顾客满意台账's columns; ids match shared/grids/complaints.ts. */
export function satisfactionColumns(t: TFunction): ColDef<SatisfactionGridRow>[] {
  const f = (id: string) => t(`complaints.fields.${id}`);
  const score = (id: string) => numberColumn(id, f(id), { width: 96 });
  // The scores and their average come right after the customer: they are what this register is read for.
  return [
    textColumn('number', f('number'), { width: 130, pinned: 'left' }),
    textColumn('customerCode', f('customerCode'), { width: 105 }),
    textColumn('customerName', f('customerName'), { width: 220 }),
    setColumn('type', f('type'), complaintOptions(t, 'types', COMPLAINT_TYPES), { width: 80 }),
    score('scoreTime'),
    score('scoreMethod'),
    score('scoreProcess'),
    score('scoreResult'),
    numberColumn('averageScore', f('averageScore'), {
      width: 96,
      valueFormatter: (p) => formatAverage(p.value as number | null),
    }),
    dateColumn('feedbackOn', f('feedbackOn'), 'date', { width: 120 }),
    dateColumn('closedAt', f('closedAt'), 'instant', { width: 150 }),
    setColumn('status', f('status'), complaintOptions(t, 'statuses', ['feedbackRecorded', 'closed']), {
      width: 100,
    }),
    textColumn('feedbackNote', f('feedbackNote'), { width: 240, tooltipField: 'feedbackNote' }),
  ];
}
