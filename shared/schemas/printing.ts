import { z } from 'zod';
import { contactRecord, customerRecord, historyRow } from './customer';

/** Code-list labels a sheet needs, keyed `list:code` (a printed sheet shows words, not codes). */
const codeLabels = z.record(z.string(), z.string());

/** 客户卡: the record, contacts, the latest visits and the complaints not yet closed. */
export const customerCard = z.object({
  customer: customerRecord,
  contacts: z.array(contactRecord),
  codeLabels,
  visits: z.array(
    z.object({
      visitedOn: z.string(),
      channel: z.string(),
      staffName: z.string(),
      contact: z.string().nullable(),
      summary: z.string().nullable(),
    }),
  ),
  complaints: z.array(
    z.object({
      number: z.string(),
      receivedOn: z.string(),
      type: z.string(),
      status: z.string(),
      dueOn: z.string().nullable(),
      summary: z.string(),
    }),
  ),
});
export type CustomerCard = z.output<typeof customerCard>;

/** The whole change history of one customer, oldest first, for the printed record. */
export const customerHistorySheet = z.object({
  customer: customerRecord,
  codeLabels,
  changes: z.array(historyRow),
  /** True when the history is longer than one printout holds (HISTORY_SHEET_MAX rows). */
  truncated: z.boolean(),
});
export const HISTORY_SHEET_MAX = 2000;
