import { z } from 'zod';
import { channel } from './channel';
import { id, ok } from '../schemas/common';
import {
  contactCreateInput,
  contactRecord,
  contactRemoveInput,
  contactUpdateInput,
  customerArchiveInput,
  customerCreateInput,
  customerDetail,
  customerGridRow,
  customerRecord,
  customerUpdateInput,
  historyRow,
  searchHit,
} from '../schemas/customer';
import { exportedFile, gridExportSchema, gridPageSchema, gridQuerySchema } from '../grid';
import { customerGridColumns, customerHistoryColumns } from '../grids/customers';
import { customerCard, customerHistorySheet } from '../schemas/printing';
import { resourceStats, resourceStatsExportInput } from '../schemas/resourceStats';
import { customerMergeInput, customerMergePreview, customerMergePreviewInput } from '../schemas/customerMerge';

export const customerChannels = {
  'customers.query': channel({
    input: gridQuerySchema(customerGridColumns),
    output: gridPageSchema(customerGridRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'customers.search': channel({
    input: z.object({ text: z.string().trim().min(1, 'v.required').max(50, 'v.tooLong'), limit: z.int().min(1).max(20).default(10) }).strict(),
    output: z.array(searchHit),
    access: 'customers.read',
    tx: 'read',
  }),
  'customers.get': channel({ input: z.object({ id }).strict(), output: customerDetail, access: 'customers.read', tx: 'manual' }),
  'customers.create': channel({ input: customerCreateInput, output: customerDetail, access: 'customers.write', tx: 'write' }),
  'customers.update': channel({ input: customerUpdateInput, output: customerRecord, access: 'customers.write', tx: 'write' }),
  'customers.archive': channel({ input: customerArchiveInput, output: customerRecord, access: 'customers.archive', tx: 'write' }),
  'customers.restore': channel({ input: customerArchiveInput, output: customerRecord, access: 'customers.archive', tx: 'write' }),
  // manual: the preview shows both records, and every view of an A-class record is logged (as customers.get does).
  'customers.mergePreview': channel({ input: customerMergePreviewInput, output: customerMergePreview, access: 'customers.merge', tx: 'manual' }),
  'customers.merge': channel({ input: customerMergeInput, output: customerRecord, access: 'customers.merge', tx: 'write' }),
  'customers.history': channel({
    input: gridQuerySchema(customerHistoryColumns, { customerId: id }),
    output: gridPageSchema(historyRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'customers.export': channel({
    input: gridExportSchema(customerGridColumns),
    output: exportedFile,
    access: 'customers.export',
    tx: 'manual',
  }),
  // Printed sheets: tx 'manual' because printing an A-class record is a view, and every view of one is logged.
  'customers.card': channel({ input: z.object({ id }).strict(), output: customerCard, access: 'customers.read', tx: 'manual' }),
  'customers.historySheet': channel({ input: z.object({ id }).strict(), output: customerHistorySheet, access: 'customers.read', tx: 'manual' }),
  'customers.resourceStats': channel({ input: z.object({}).strict(), output: resourceStats, access: 'customers.read', tx: 'read' }),
  'customers.resourceStatsExport': channel({ input: resourceStatsExportInput, output: exportedFile, access: 'customers.export', tx: 'manual' }),
  'contacts.create': channel({ input: contactCreateInput, output: contactRecord, access: 'customers.write', tx: 'write' }),
  'contacts.update': channel({ input: contactUpdateInput, output: contactRecord, access: 'customers.write', tx: 'write' }),
  'contacts.remove': channel({ input: contactRemoveInput, output: ok, access: 'customers.write', tx: 'write' }),
};
