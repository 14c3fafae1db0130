import type { ChannelInput, ChannelName } from '@shared/contract';
import type { ExportFormat, GridColumns } from '@shared/grid';
import { customerGridColumns } from '@shared/grids/customers';
import { contactListColumns, visitGridColumns } from '@shared/grids/visits';
import { complaintGridColumns, satisfactionGridColumns } from '@shared/grids/complaints';
import { contractGridColumns } from '@shared/grids/contracts';
import type { SchedulableRegister } from '@shared/schemas/schedules';

/**
 * The registry of schedulable registers: for each key of SCHEDULABLE_REGISTERS, the export channel the renderer
 * calls for it and the input a scheduled run gives it — the whole register (no filter, every column in the
 * grid's order, the grid's default sort) in the office's language. The run calls that very channel through the
 * dispatcher, so the register's permission, A-class rule and outbox routing are the normal path.
 *
 * `entities` say which audit-log entities are this register's records: "every register changed this week"
 * (the Friday bundle) is a register with an audit entry of one of them since Monday 00:00 that is not a mere
 * read (a view, a print, an export). The audit log is the one place every change of every area is written, in
 * the same transaction as the change, so it cannot miss one.
 */
export interface SchedulableRegisterSpec {
  channel: ChannelName;
  input: (format: ExportFormat, targetId: number) => ChannelInput<ChannelName>;
  entities: readonly string[];
}

/** Whole-view export input for a grid register: every column the whitelist has, in its order. */
function wholeGrid(columns: GridColumns) {
  return (format: ExportFormat, targetId: number) =>
    ({
      view: {},
      columns: Object.keys(columns),
      format,
      locale: 'zh-CN',
      targetId,
    }) as unknown as ChannelInput<ChannelName>;
}

export const SCHEDULABLE: Record<SchedulableRegister, SchedulableRegisterSpec> = {
  customers: {
    channel: 'customers.export',
    input: wholeGrid(customerGridColumns),
    entities: ['customer', 'importLog'],
  },
  contactList: {
    channel: 'contactList.export',
    input: wholeGrid(contactListColumns),
    entities: ['customer', 'contact', 'visit'],
  },
  visits: { channel: 'visits.export', input: wholeGrid(visitGridColumns), entities: ['visit'] },
  complaints: {
    channel: 'complaints.export',
    input: wholeGrid(complaintGridColumns),
    entities: ['complaint'],
  },
  contracts: { channel: 'contracts.export', input: wholeGrid(contractGridColumns), entities: ['contract'] },
  satisfaction: {
    channel: 'complaints.satisfactionExport',
    input: wholeGrid(satisfactionGridColumns),
    entities: ['complaint'],
  },
  resourceStats: {
    channel: 'customers.resourceStatsExport',
    input: (format, targetId) => ({ format, locale: 'zh-CN', targetId }) as ChannelInput<ChannelName>,
    entities: ['customer', 'importLog'],
  },
};

/** Audit actions that read records without changing them. */
export const READ_ONLY_ACTIONS = ['view', 'print', 'export', 'importRefused', 'importCancelled'] as const;
