import { DEFAULT_LOCALE, translator, type Locale } from '@shared/i18n/translate';
import { catalogs } from '@shared/i18n';
import type { ExportFormat, ExportedFile, GridColumns } from '@shared/grid';
import { localDate } from '@shared/dates';
import type { ManualContext } from '../handlers';
import type { GridSpec, SqlFragment } from './spec';
import type { GridView } from './sql';
import { gridCount, gridRows } from './page';
import { writeExport, type ExportColumn } from './exportWriter';
import { exportJobOf } from './exportJobs';
import { readSetting } from '../settings/store';
import { noteExport } from '../delivery/exportNotes';

export type Translate = ReturnType<typeof translator>;

export interface ExportViewRequest<C extends GridColumns, R> {
  spec: GridSpec<C, R>;
  view: GridView;
  columns: (keyof C & string)[];
  format: ExportFormat;
  locale: Locale;
  /** i18n key of the register's name, e.g. `registers.customers` (客户档案台账). */
  register: string;
  extra: SqlFragment[];
  column: (colId: keyof C & string, t: Translate) => ExportColumn<R>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `{register}_{yyyy-MM-dd}_{HHmm}.{ext}` as the office files them (exports.md). */
export function exportFileName(register: string, at: Date, ext: string): string {
  return `${register}_${localDate(at)}_${pad(at.getHours())}${pad(at.getMinutes())}.${ext}`;
}

export function localDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Exports exactly the grid the user sees — same filters, sort and visible columns — and audits it. */
export async function exportView<C extends GridColumns, R>(ctx: ManualContext, req: ExportViewRequest<C, R>): Promise<ExportedFile> {
  return exportRegister(ctx, {
    register: req.register,
    format: req.format,
    locale: req.locale,
    columns: (t) => req.columns.map((id) => req.column(id, t)),
    rows: () => gridRows(ctx.db, req.spec, req.view, req.extra),
    total: () => gridCount(ctx.db, req.spec, req.view, req.extra),
    summary: { filter: req.view.filterModel, quickSearch: req.view.quickSearch || undefined },
  });
}

export interface RegisterRequest<R> {
  /** i18n key of the register's name, e.g. `registers.resourceStats` (客户资源统计表). */
  register: string;
  format: ExportFormat;
  locale: Locale;
  columns: (t: Translate) => ExportColumn<R>[];
  rows: (t: Translate) => AsyncIterable<R[]>;
  /** How many rows the file will have, for the progress of a followed export (`jobId`); unknown when absent. */
  total?: () => Promise<number>;
  /** What the audit entry records besides file name, format and row count. */
  summary?: Record<string, unknown>;
}

/** Writes any register (title row, 生成时间/制表人, frozen header, A4) to an export file, and audits it. */
export async function exportRegister<R>(ctx: ManualContext, req: RegisterRequest<R>): Promise<ExportedFile> {
  const t = translator(catalogs[req.locale] ?? catalogs[DEFAULT_LOCALE]);
  const now = ctx.clock.now();
  const title = t(req.register);
  // Which register this file is, should the call send it to an export target (delivery/exportRouting.ts).
  noteExport(ctx, req.register, title);
  const fileName = exportFileName(title, now, req.format);
  const { fileId, path } = await ctx.files.reserve(fileName, ctx.session.userId);
  // A followed export (the call carried a jobId) reports rows written of the total and can be cancelled.
  const job = exportJobOf(ctx);
  const total = job && req.total ? await req.total() : 0;
  const progress = (done: number) =>
    job && ctx.events.emit('job.progress', { jobId: job.jobId, phase: 'export', done, total: Math.max(total, done), rows: done });
  progress(0);
  const csvEncoding = req.format === 'csv' ? await readSetting(ctx.db, 'exports.csvEncoding') : undefined;
  const rows = await writeExport({
    path,
    format: req.format,
    csvEncoding,
    title,
    subtitle: `${t('exports.generatedAt')}：${localDateTime(now.toISOString())}    ${t('exports.by')}：${ctx.session.displayName}`,
    columns: req.columns(t),
    rows: req.rows(t),
    onRows: progress,
    signal: job?.signal,
  }).catch(async (err: unknown) => {
    // A cancelled or failed export leaves no file behind (writeExport removed the partial one; this, its folder).
    await ctx.files.discard(fileId);
    throw err;
  });
  await ctx.write((w) =>
    w.audit({
      action: 'export',
      entity: req.register.replace(/^registers\./, ''),
      summary: { fileName, format: req.format, ...(csvEncoding ? { encoding: csvEncoding } : {}), rows, ...req.summary },
    }),
  );
  return { fileId, fileName, rows };
}
