import { z } from 'zod';
import { isoDate } from './common';

/**
 * Importing customers (and one contact per row) from a spreadsheet: the fields a column can be mapped to, the
 * wizard's inputs and outputs, and the problems a dry run reports. Texts live in shared/i18n/areas/imports.ts.
 */

/** The largest file the office may hand over (a 100,000-row register saved by Excel is about 14 MB). */
export const UPLOAD_MAX_BYTES = 16 * 1024 * 1024;
export const UPLOAD_MAX_MB = UPLOAD_MAX_BYTES / (1024 * 1024);

/** Customer fields a column can fill; `manager` takes an employee number or name, `creditLimit` yuan. */
export const CUSTOMER_IMPORT_FIELDS = [
  'code',
  'name',
  'shortName',
  'abcClass',
  'region',
  'strength',
  'dealLikelihood',
  'businessFormat',
  'marketType',
  'marketSize',
  'areaUnit',
  'urbanRural',
  'isKey',
  'manager',
  'registeredOn',
  'firstContractNo',
  'address',
  'phone',
  'fax',
  'email',
  'website',
  'businessScope',
  'mainProducts',
  'industryPosition',
  'recentDevelopments',
  'culture',
  'creditRating',
  'creditLimit',
  'orderCycle',
  'infoSource',
  'notes',
] as const;

/** The contact a customer row may carry (联系人, 职务, 手机 … on the same row). */
export const CONTACT_IMPORT_FIELDS = ['contactName', 'contactTitle', 'contactMobile', 'contactDirectLine', 'contactEmail'] as const;

export const IMPORT_FIELDS = [...CUSTOMER_IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What a new customer needs (the customer form's required fields): a file without these columns is refused. */
export const REQUIRED_IMPORT_FIELDS = ['code', 'name', 'abcClass', 'manager', 'registeredOn'] as const satisfies readonly ImportField[];

/** An upload's opaque id, as the host returned it. */
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'v.invalid');
/** A job id the renderer makes (crypto.randomUUID()), so it can follow the job's progress events from the start. */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'v.invalid');

/** Column (0-based, as in the header row) → field; a field at most once. */
export const importMapping = z
  .array(z.object({ column: z.int().min(0).max(499), field: z.enum(IMPORT_FIELDS) }).strict())
  .max(IMPORT_FIELDS.length)
  .refine((m) => new Set(m.map((e) => e.field)).size === m.length, 'imports.errors.fieldTwice')
  .refine((m) => new Set(m.map((e) => e.column)).size === m.length, 'imports.errors.columnTwice');
export type ImportMapping = z.output<typeof importMapping>;

export const FILE_KINDS = ['xlsx', 'csv'] as const;
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;

/** Import matches on the code: update the customer on file, or only add new ones. */
export const IMPORT_MODES = ['upsert', 'createOnly'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const importInspectInput = z.object({ uploadId }).strict();
export const importInspectOutput = z.object({
  fileName: z.string(),
  size: z.int(),
  kind: z.enum(FILE_KINDS),
  /** For .csv: how the bytes were read. */
  encoding: z.enum(CSV_ENCODINGS).nullable(),
  sheetName: z.string().nullable(),
  /** Spreadsheet row number of the header row (a title row above it, as our own exports have, is skipped). */
  headerRow: z.int(),
  headers: z.array(z.string()),
  /** The field each header was recognised as (null: not recognised). */
  suggested: importMapping,
  /** The first data rows as text, so the user sees what each column holds. */
  sample: z.array(z.array(z.string())),
});
export type ImportInspectOutput = z.output<typeof importInspectOutput>;

export const importRunInput = z
  .object({
    uploadId,
    jobId,
    mapping: importMapping,
    /** 信息获取日期 of every history entry the import writes. */
    receivedOn: isoDate,
    /** A code already on file updates that customer (upsert), or is a problem (createOnly). */
    mode: z.enum(IMPORT_MODES).default('upsert'),
  })
  .strict();
export type ImportRunInput = z.output<typeof importRunInput>;

/** What a dry run (and a committed import) counted. */
export const importSummary = z.object({
  jobId: z.string(),
  rows: z.int(),
  creates: z.int(),
  updates: z.int(),
  unchanged: z.int(),
  contacts: z.int(),
  problemRows: z.int(),
  problems: z.int(),
});
export type ImportSummary = z.output<typeof importSummary>;

export const importCommitOutput = importSummary.extend({ logId: z.int() });

/** One problem of one row (row 0: the whole file). Field problems name the column as the file spells it. */
export const importProblem = z.object({
  id: z.int(),
  row: z.int(),
  column: z.string().nullable(),
  field: z.enum(IMPORT_FIELDS).nullable(),
  value: z.string().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.output<typeof importProblem>;

export const importProblemsInput = z
  .object({ jobId, startRow: z.int().min(0), endRow: z.int().min(1) })
  .strict()
  .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, { message: 'v.pageSize', path: ['endRow'] });

export const importCancelInput = z.object({ jobId }).strict();

export const IMPORT_RESULTS = ['done', 'refused', 'cancelled'] as const;
export type ImportResult = (typeof IMPORT_RESULTS)[number];

export const importLogRow = z.object({
  id: z.int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  userName: z.string(),
  fileName: z.string(),
  receivedOn: z.string(),
  result: z.enum(IMPORT_RESULTS),
  rows: z.int(),
  created: z.int(),
  updated: z.int(),
  contacts: z.int(),
  problems: z.int(),
});
export type ImportLogRow = z.output<typeof importLogRow>;

/**
 * Progress of a long job, pushed as the `job.progress` event: `done` of `total` (an import: bytes of the file
 * read; an export, phase `export`: rows written of the view's rows).
 */
export const jobProgress = z.object({
  jobId: z.string(),
  phase: z.enum(['check', 'import', 'export']),
  done: z.number().min(0),
  total: z.number().min(0),
  rows: z.int().min(0),
});
export type JobProgress = z.output<typeof jobProgress>;
