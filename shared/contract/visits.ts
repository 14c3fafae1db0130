import { z } from 'zod';
import { channel } from './channel';
import { empty, id, ok } from '../schemas/common';
import {
  cadenceRecord,
  cadenceUpdateInput,
  classReport,
  classReportInput,
  contactListRow,
  customerCadence,
  overdueRow,
  planAddInput,
  planMonth,
  planRemoveInput,
  planRow,
  planSummary,
  planSummaryInput,
  planUpdateInput,
  recentVisit,
  recentVisitsInput,
  visitCreateInput,
  visitDetail,
  visitGridRow,
  visitRecord,
  visitUpdateInput,
  visitVoidInput,
} from '../schemas/visits';
import { exportedFile, gridExportSchema, gridPageSchema, gridQuerySchema } from '../grid';
import { contactListColumns, overdueGridColumns, planGridColumns, visitGridColumns } from '../grids/visits';

/**
 * Visits (拜访记录), the monthly visit plan, contact cadence by class, the class distribution report and the
 * contact list register. Reading needs customers.read, recording customers.write (the clerk enters what the
 * customer managers report); the cadence table is an admin setting. A-class rules apply to every channel.
 */
export const visitChannels = {
  'visits.query': channel({
    input: gridQuerySchema(visitGridColumns, { customerId: id.optional() }),
    output: gridPageSchema(visitGridRow),
    access: 'customers.read',
    tx: 'read',
  }),
  // manual: opening an A-class customer's visit is logged like opening the customer.
  'visits.get': channel({ input: z.object({ id }).strict(), output: visitDetail, access: 'customers.read', tx: 'manual' }),
  'visits.create': channel({ input: visitCreateInput, output: visitRecord, access: 'customers.write', tx: 'write' }),
  'visits.update': channel({ input: visitUpdateInput, output: visitRecord, access: 'customers.write', tx: 'write' }),
  'visits.void': channel({ input: visitVoidInput, output: visitRecord, access: 'customers.write', tx: 'write' }),
  /** The latest valid visits of one customer, newest first (the printed customer card uses it). */
  'visits.recent': channel({ input: recentVisitsInput, output: z.array(recentVisit), access: 'customers.read', tx: 'read' }),
  'visits.export': channel({ input: gridExportSchema(visitGridColumns), output: exportedFile, access: 'customers.export', tx: 'manual' }),

  'visitPlans.query': channel({
    input: gridQuerySchema(planGridColumns, { month: planMonth }),
    output: gridPageSchema(planRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'visitPlans.summary': channel({ input: planSummaryInput, output: planSummary, access: 'customers.read', tx: 'read' }),
  'visitPlans.add': channel({ input: planAddInput, output: planRow, access: 'customers.write', tx: 'write' }),
  'visitPlans.update': channel({ input: planUpdateInput, output: planRow, access: 'customers.write', tx: 'write' }),
  'visitPlans.remove': channel({ input: planRemoveInput, output: ok, access: 'customers.write', tx: 'write' }),

  'cadence.get': channel({ input: empty, output: cadenceRecord, access: 'customers.read', tx: 'read' }),
  'cadence.update': channel({ input: cadenceUpdateInput, output: cadenceRecord, access: 'system.settings', tx: 'write' }),
  'cadence.customer': channel({ input: z.object({ customerId: id }).strict(), output: customerCadence, access: 'customers.read', tx: 'read' }),
  'cadence.overdue': channel({
    input: gridQuerySchema(overdueGridColumns),
    output: gridPageSchema(overdueRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'cadence.overdueExport': channel({
    input: gridExportSchema(overdueGridColumns),
    output: exportedFile,
    access: 'customers.export',
    tx: 'manual',
  }),

  'reports.classDistribution': channel({ input: classReportInput, output: classReport, access: 'customers.read', tx: 'read' }),

  'contactList.query': channel({
    input: gridQuerySchema(contactListColumns),
    output: gridPageSchema(contactListRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'contactList.export': channel({
    input: gridExportSchema(contactListColumns),
    output: exportedFile,
    access: 'customers.export',
    tx: 'manual',
  }),
};
