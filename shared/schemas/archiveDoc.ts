import { z } from 'zod';
import { ABC_CLASSES } from './customer';
import { id, optionalIsoDate, optionalText, requiredText } from './common';

/**
 * 档案文件登记 (customers.md "Archive documents register"): the paper documents in a customer's physical file.
 * Documents sharing a sequence number (件号) form one item (件) — a request with its approval, an original with
 * its attachments, a printed copy with its final draft — and the role says which part of the item each one is.
 */
export const ARCHIVE_DOC_ROLES = [
  'document',
  'original',
  'attachment',
  'printed',
  'finalDraft',
  'forwarded',
  'forwardedOriginal',
  'request',
  'approval',
  'otherLanguage',
] as const;
export type ArchiveDocRole = (typeof ARCHIVE_DOC_ROLES)[number];

export const archiveDocFields = {
  /** 件号: the item's place in the file; documents with the same number are one item. */
  sequence: z.int('v.required').min(1, 'v.tooSmall').max(9999, 'v.tooLarge'),
  /** 文种, e.g. 合同、请示、批复、营业执照复印件. */
  kind: requiredText(30),
  title: requiredText(200),
  docNo: optionalText(50),
  author: optionalText(100),
  docDate: optionalIsoDate,
  role: z.enum(ARCHIVE_DOC_ROLES, 'v.required'),
  copies: z.int('v.required').min(1, 'v.tooSmall').max(999, 'v.tooLarge'),
  /** Pages this entry takes in the file (all its copies together): the index numbers pages from these. */
  pages: z.int('v.required').min(1, 'v.tooSmall').max(9999, 'v.tooLarge'),
  notes: optionalText(500),
};
export type ArchiveDocField = keyof typeof archiveDocFields;
export const ARCHIVE_DOC_FIELDS = Object.keys(archiveDocFields) as ArchiveDocField[];

/** A new document joins the item it names, or starts a new last item when the sequence is left out. */
export const archiveDocInput = z.object({ ...archiveDocFields, sequence: archiveDocFields.sequence.optional() }).strict();
export type ArchiveDocInput = z.input<typeof archiveDocInput>;
export type ArchiveDocValues = z.output<typeof archiveDocInput>;

const customerRef = z.object({ customerId: id }).strict();
export const archiveDocListInput = customerRef;
export const archiveDocCreateInput = z.object({ customerId: id, doc: archiveDocInput }).strict();
export const archiveDocUpdateInput = z.object({ id, changes: z.object(archiveDocFields).partial().strict() }).strict();
export const archiveDocRemoveInput = z.object({ id, reason: requiredText(200) }).strict();
/** The items' sequence numbers in their new order; the file is renumbered 1, 2, 3 … from it. */
export const archiveDocReorderInput = z
  .object({ customerId: id, order: z.array(z.int().min(1)).min(1, 'v.required').max(9999, 'v.tooMany') })
  .strict();

export const archiveDocRecord = z.object({
  id: z.int(),
  customerId: z.int(),
  sequence: z.int(),
  kind: z.string(),
  title: z.string(),
  docNo: z.string().nullable(),
  author: z.string().nullable(),
  docDate: z.string().nullable(),
  role: z.enum(ARCHIVE_DOC_ROLES),
  copies: z.int(),
  pages: z.int(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArchiveDocRecord = z.output<typeof archiveDocRecord>;

/** One line of the file index (卷内文件目录): the document in its filing order with its page range. */
export const fileIndexRow = archiveDocRecord.extend({
  lineNo: z.int().min(1),
  startPage: z.int().min(1),
  endPage: z.int().min(1),
});
export type FileIndexRow = z.output<typeof fileIndexRow>;

export const fileIndex = z.object({
  customer: z.object({ id: z.int(), code: z.string(), name: z.string(), abcClass: z.enum(ABC_CLASSES) }),
  rows: z.array(fileIndexRow),
  items: z.int().min(0),
  totalPages: z.int().min(0),
});
export type FileIndex = z.output<typeof fileIndex>;
