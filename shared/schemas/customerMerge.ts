import { z } from 'zod';
import { id, isoDate, requiredText } from './common';
import { ABC_CLASSES, CUSTOMER_STATUSES } from './customer';

/**
 * 合并重复客户: the customer kept (its record stays as it is) and the duplicate whose contacts, visits, plan lines,
 * contracts, complaints and paper documents move to it. Both versions guard against merging what someone else
 * has just changed.
 */
export const customerMergeInput = z
  .object({
    keepId: id,
    keepVersion: z.int().min(1),
    duplicateId: id,
    duplicateVersion: z.int().min(1),
    reason: requiredText(500),
    receivedOn: isoDate,
  })
  .strict()
  .refine((v) => v.keepId !== v.duplicateId, { path: ['duplicateId'], message: 'customers.v.mergeSame' });
export type CustomerMergeInput = z.output<typeof customerMergeInput>;

export const customerMergePreviewInput = z
  .object({ keepId: id, duplicateId: id })
  .strict()
  .refine((v) => v.keepId !== v.duplicateId, { path: ['duplicateId'], message: 'customers.v.mergeSame' });

/** What moves, counted the way the customer's tabs count it (removed contacts and documents move too, uncounted). */
export const MERGE_MOVES = ['contacts', 'visits', 'planLines', 'contracts', 'complaints', 'archiveDocs'] as const;
export type MergeMove = (typeof MERGE_MOVES)[number];

const mergeSide = z.object({
  id: z.int(),
  version: z.int(),
  code: z.string(),
  name: z.string(),
  abcClass: z.enum(ABC_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  managerName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  registeredOn: z.string(),
  counts: z.record(z.enum(MERGE_MOVES), z.int().min(0)),
});
export type MergeSide = z.output<typeof mergeSide>;

/** Why a merge cannot be done, as i18n keys with their parameters; empty when it can. */
export const mergeProblem = z.object({ key: z.string(), params: z.record(z.string(), z.string()).optional() });

export const customerMergePreview = z.object({
  keep: mergeSide,
  duplicate: mergeSide,
  /** The duplicate's plan lines for a month and person the kept customer is already planned for: the same visit twice, dropped. */
  planLinesDropped: z.int().min(0),
  problems: z.array(mergeProblem),
});
export type CustomerMergePreview = z.output<typeof customerMergePreview>;
