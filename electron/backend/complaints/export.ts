import { localDate } from '@shared/dates';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { ComplaintGridColumn, SatisfactionGridColumn } from '@shared/grids/complaints';
import type { ComplaintGridRow, SatisfactionGridRow } from '@shared/schemas/complaint';
import type { ManualContext } from '../handlers';
import type { ExportColumn } from '../grid/exportWriter';
import { exportView, localDateTime, type Translate } from '../grid/exportView';
import { visibleCustomers } from '../customers/visibility';
import { complaintGrid, satisfactionGrid, scoredOnly } from './grids';

/** Which enum label list each coded column reads from (complaints.<list>.<value>). */
const ENUM_LIST: Record<string, string> = {
  type: 'types',
  channel: 'channels',
  status: 'statuses',
  responsibility: 'responsibilities',
  dueState: 'dueStates',
};
const INSTANTS = new Set(['receivedAt', 'resolvedAt', 'closedAt']);
const WIDE = new Set([
  'content',
  'verification',
  'handlingPlan',
  'handlingResult',
  'rectificationPlan',
  'feedbackNote',
]);
const WIDTH: Record<string, number> = {
  number: 14,
  receivedAt: 17,
  resolvedAt: 17,
  closedAt: 17,
  customerCode: 12,
  customerName: 30,
};

/** How a complaint column reads in a register: Chinese labels for codes, local times, scores as 4.25. */
function column<R extends Record<string, unknown>>(id: string, t: Translate): ExportColumn<R> {
  const header = t(`complaints.fields.${id}`);
  const width = WIDE.has(id) ? 40 : (WIDTH[id] ?? 11);
  const list = ENUM_LIST[id];
  if (list)
    return { header, width, value: (r) => (r[id] == null ? null : t(`complaints.${list}.${String(r[id])}`)) };
  // The received time prints to the minute; the register is read by date and hour.
  if (INSTANTS.has(id)) return { header, width, value: (r) => localDateTime(r[id] as string | null) };
  if (id === 'averageScore')
    return { header, width, numFmt: '0.00', value: (r) => (r[id] == null ? null : (r[id] as number) / 100) };
  return { header, width, value: (r) => r[id] as string | number | null };
}

export async function exportComplaints(
  input: ParsedInput<'complaints.export'>,
  ctx: ManualContext,
): Promise<ChannelOutput<'complaints.export'>> {
  return exportView(ctx, {
    spec: complaintGrid(localDate(ctx.clock.now())),
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.complaints',
    extra: [visibleCustomers(ctx.session)],
    column: (id: ComplaintGridColumn, t) => column<ComplaintGridRow & Record<string, unknown>>(id, t),
  });
}

export async function exportSatisfaction(
  input: ParsedInput<'complaints.satisfactionExport'>,
  ctx: ManualContext,
): Promise<ChannelOutput<'complaints.satisfactionExport'>> {
  return exportView(ctx, {
    spec: satisfactionGrid,
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.satisfaction',
    extra: [visibleCustomers(ctx.session), scoredOnly],
    column: (id: SatisfactionGridColumn, t) => column<SatisfactionGridRow & Record<string, unknown>>(id, t),
  });
}
