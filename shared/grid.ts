import { z } from 'zod';
import { LOCALES } from './i18n/translate';

/**
 * The server-side grid protocol. The renderer's AG Grid (infinite row model) sends its sort and filter models;
 * the backend turns them into SQL through a per-grid whitelist. Column ids are validated against that
 * whitelist here, at the boundary, so no unknown name ever reaches SQL.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'set';
export type GridColumns = Readonly<Record<string, ColumnKind>>;

export const MAX_PAGE = 1000;

const textCondition = z
  .object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
    filter: z.string().max(200).nullish(),
  })
  .strict();
const numberCondition = z
  .object({
    filterType: z.literal('number'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
    filter: z.number().finite().nullish(),
    filterTo: z.number().finite().nullish(),
  })
  .strict();
/** AG Grid sends dates as "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss"; only the date part is used. */
const gridDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/)
  .transform((s) => s.slice(0, 10))
  .nullish();
const dateCondition = z
  .object({
    filterType: z.literal('date'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
    dateFrom: gridDate,
    dateTo: gridDate,
  })
  .strict();
const setCondition = z
  .object({ filterType: z.literal('set'), values: z.array(z.string().max(100)).max(500) })
  .strict();

const combined = <T extends z.ZodType>(condition: T, filterType: string) =>
  z
    .object({
      filterType: z.literal(filterType),
      operator: z.enum(['AND', 'OR']),
      conditions: z.array(condition).min(1).max(2),
    })
    .strict();

export const textFilter = z.union([textCondition, combined(textCondition, 'text')]);
export const numberFilter = z.union([numberCondition, combined(numberCondition, 'number')]);
export const dateFilter = z.union([dateCondition, combined(dateCondition, 'date')]);
export const setFilter = setCondition;

export type TextCondition = z.output<typeof textCondition>;
export type NumberCondition = z.output<typeof numberCondition>;
export type DateCondition = z.output<typeof dateCondition>;
export type SetCondition = z.output<typeof setCondition>;
export type ColumnFilter = z.output<typeof textFilter> | z.output<typeof numberFilter> | z.output<typeof dateFilter> | SetCondition;

const filterFor: Record<ColumnKind, z.ZodType> = { text: textFilter, number: numberFilter, date: dateFilter, set: setFilter };

/** The view a grid shows: sort, filters and quick search, without paging. Used for pages and exports. */
export function gridViewSchema<C extends GridColumns>(columns: C) {
  const ids = Object.keys(columns) as [keyof C & string, ...(keyof C & string)[]];
  const colId = z.enum(ids);
  const filterShape = Object.fromEntries(ids.map((id) => [id, filterFor[columns[id]!].optional()])) as {
    [K in keyof C]: z.ZodOptional<z.ZodType<ColumnFilter>>;
  };
  return z
    .object({
      sortModel: z.array(z.object({ colId, sort: z.enum(['asc', 'desc']) }).strict()).max(5).default([]),
      filterModel: z.object(filterShape).strict().default({} as never),
      quickSearch: z.string().trim().max(100).default(''),
    })
    .strict();
}

/** A page request from the infinite row model. */
export function gridQuerySchema<C extends GridColumns, E extends z.ZodRawShape = Record<never, never>>(columns: C, extra?: E) {
  return gridViewSchema(columns)
    .extend({ ...(extra ?? ({} as E)), startRow: z.int().min(0), endRow: z.int().min(1) })
    .refine(
      (q) => {
        const { startRow, endRow } = q as unknown as { startRow: number; endRow: number };
        return endRow > startRow && endRow - startRow <= MAX_PAGE;
      },
      { message: 'v.pageSize', path: ['endRow'] },
    );
}

export function gridPageSchema<R extends z.ZodType>(row: R) {
  return z.object({ rows: z.array(row), rowCount: z.int().min(0) });
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How .csv exports are encoded (exports.md "Formats": UTF-8 with BOM, optional GB18030). An office setting, not a
 * per-export choice: it depends on the software that reads the office's files, the same for every register.
 */
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/**
 * Sends the export to an export target (导出目标) through the outbox instead of handing it to the user. Every
 * grid export has it; a register with its own export input spreads it in (`...exportTarget`). The backend
 * routes any export channel that carries it (electron/backend/delivery/exportRouting.ts).
 */
export const exportTarget = { targetId: z.int().positive().optional() };

/**
 * The client's id for this export, so it can follow its progress (`job.progress` events, phase `export`) and
 * cancel it (`exports.cancel`). Optional: an export without it runs the same, unseen and uncancellable.
 */
export const exportJob = { jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'v.invalid').optional() };
export const exportCancelInput = z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'v.invalid') }).strict();

/** An export of the current view: which columns, in the order shown. */
export function gridExportSchema<C extends GridColumns>(columns: C) {
  const ids = Object.keys(columns) as [keyof C & string, ...(keyof C & string)[]];
  return z
    .object({
      view: gridViewSchema(columns),
      columns: z.array(z.enum(ids)).min(1).max(ids.length),
      format: z.enum(EXPORT_FORMATS),
      locale: z.enum(LOCALES).default('zh-CN'),
      ...exportTarget,
      ...exportJob,
    })
    .strict();
}

/** What an export returns: an opaque file id the host turns into a download or a save dialog. */
export const exportedFile = z.object({
  fileId: z.string(),
  fileName: z.string(),
  rows: z.int().min(0),
  /** Present when the export was sent to a target: the outbox job that delivers it. */
  delivery: z.object({ jobId: z.int(), targetId: z.int(), targetName: z.string() }).optional(),
});
export type ExportedFile = z.output<typeof exportedFile>;
