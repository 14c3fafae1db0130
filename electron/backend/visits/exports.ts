import { localDate } from '@shared/dates';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { ContactListColumn, OverdueGridColumn, VisitGridColumn } from '@shared/grids/visits';
import type { ContactListRow, OverdueRow, VisitGridRow } from '@shared/schemas/visits';
import type { ManualContext } from '../handlers';
import type { ExportColumn } from '../grid/exportWriter';
import { exportView, localDateTime, type Translate } from '../grid/exportView';
import { visibleCustomers } from '../customers/visibility';
import { contactListGrid, overdueGrid, visitGrid } from './grids';
import { overdueCustomers } from './cadenceStore';

type Row = Record<string, unknown>;

/** A column as a register prints it: the grid's header, codes and flags as words, instants in local time. */
function column<R>(id: string, header: string, width: number, enumKey?: string): ExportColumn<R> {
  return {
    header,
    width,
    value: (row) => {
      const v = (row as Row)[id];
      if (v == null) return null;
      return enumKey ? `${enumKey}.${String(v)}` : (v as string | number);
    },
  };
}

/** Like `column`, with enum values translated. */
function translated<R>(t: Translate, col: ExportColumn<R>): ExportColumn<R> {
  return { ...col, value: (row) => { const v = col.value(row); return typeof v === 'string' ? t(v) : v; } };
}

const VISIT_WIDTH: Partial<Record<VisitGridColumn, number>> = {
  customerName: 30,
  content: 50,
  purpose: 24,
  customerNeeds: 30,
  competitors: 30,
  followUp: 30,
  createdAt: 18,
  customerCode: 12,
};
const VISIT_ENUMS: Partial<Record<VisitGridColumn, string>> = {
  abcClass: 'enums.abcClass',
  channel: 'visits.enums.channel',
  significant: 'enums.bool',
  status: 'visits.enums.status',
};

function visitColumn(id: VisitGridColumn, t: Translate): ExportColumn<VisitGridRow> {
  const header = t(`visits.fields.${id}`);
  const width = VISIT_WIDTH[id] ?? 12;
  if (id === 'createdAt') return { header, width, value: (r) => localDateTime(r.createdAt) };
  if (id === 'staffId') return { header, width, value: (r) => r.staffName };
  const enumKey = VISIT_ENUMS[id];
  return enumKey ? translated(t, column(id, header, width, enumKey)) : column(id, header, width);
}

/** 客户拜访记录台账: the register as the grid shows it. */
export async function exportVisits(input: ParsedInput<'visits.export'>, ctx: ManualContext): Promise<ChannelOutput<'visits.export'>> {
  return exportView(ctx, {
    spec: visitGrid,
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.visits',
    extra: [visibleCustomers(ctx.session)],
    column: visitColumn,
  });
}

const OVERDUE_ENUMS: Partial<Record<OverdueGridColumn, string>> = { abcClass: 'enums.abcClass', overdueKind: 'visits.enums.overdueKind' };

function overdueColumn(id: OverdueGridColumn, t: Translate): ExportColumn<OverdueRow> {
  const header = t(`visits.overdue.fields.${id}`);
  const width = id === 'name' ? 30 : id === 'code' ? 12 : 13;
  if (id === 'managerStaffId') return { header, width, value: (r) => r.managerName };
  if (id === 'nextDueOn') return { header, width, value: (r) => (r.nextPhoneDue < r.nextVisitDue ? r.nextPhoneDue : r.nextVisitDue) };
  const enumKey = OVERDUE_ENUMS[id];
  return enumKey ? translated(t, column(id, header, width, enumKey)) : column(id, header, width);
}

/** 逾期未联系客户清单: the overdue list as the grid shows it, as of today. */
export async function exportOverdue(input: ParsedInput<'cadence.overdueExport'>, ctx: ManualContext): Promise<ChannelOutput<'cadence.overdueExport'>> {
  const today = localDate(ctx.clock.now());
  return exportView(ctx, {
    spec: overdueGrid(today),
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.overdueContacts',
    extra: overdueCustomers(ctx.session, today),
    column: overdueColumn,
  });
}

const CONTACT_ENUMS: Partial<Record<ContactListColumn, string>> = {
  abcClass: 'enums.abcClass',
  customerStatus: 'enums.status',
  isKeyLeader: 'enums.bool',
};

function contactColumn(id: ContactListColumn, t: Translate): ExportColumn<ContactListRow> {
  const header = t(`visits.contactList.fields.${id}`);
  const width = id === 'customerName' ? 30 : id === 'email' || id === 'notes' ? 24 : id === 'mobile' || id === 'directLine' ? 16 : 12;
  if (id === 'managerStaffId') return { header, width, value: (r) => r.managerName };
  const enumKey = CONTACT_ENUMS[id];
  return enumKey ? translated(t, column(id, header, width, enumKey)) : column(id, header, width);
}

/** 客户联络一览表: every contact of the customers the user may see, as the grid shows them. */
export async function exportContactList(input: ParsedInput<'contactList.export'>, ctx: ManualContext): Promise<ChannelOutput<'contactList.export'>> {
  return exportView(ctx, {
    spec: contactListGrid,
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.contactList',
    extra: [{ sql: 'ct.removed_at IS NULL', params: [] }, visibleCustomers(ctx.session)],
    column: contactColumn,
  });
}
