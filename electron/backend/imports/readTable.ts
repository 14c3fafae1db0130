import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse';
import { AppError } from '@shared/errors';
import { zipParts, type ZipPart } from './zipParts';

/**
 * Reads the rows of an uploaded spreadsheet, one at a time, whatever it is: an .xlsx (ExcelJS's streaming
 * reader, so a 100,000-row register never sits in memory whole) or a .csv in UTF-8 (with or without BOM) or
 * GB18030 (what Excel and WPS write on a Chinese Windows). Anything else — legacy .xls above all — is refused with
 * a message that says how to convert it. Cells keep what the file says they are: a formula stays a formula (the
 * import takes values, not formulas), a date cell a Date.
 */

export type RawCell = string | number | boolean | Date | null | { formula: string } | { error: string };

export interface RawRow {
  /** The row number as Excel shows it (1-based; for a .csv, the record number). */
  row: number;
  cells: RawCell[];
}

export interface Table {
  kind: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gb18030' | null;
  sheetName: string | null;
  size: number;
  /** The non-empty rows, in order. Stopping early (a `break`) closes the file. */
  rows(): AsyncGenerator<RawRow>;
  /** How many bytes of the file have been read so far (progress). */
  bytesRead(): number;
}

const fileError = (key: string, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', `imports.errors.${key}`, params ? { params } : undefined);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What kind of spreadsheet an upload is, told from its first bytes and its name (cheap: reads 8 bytes). */
export interface UploadKind {
  kind: 'xlsx' | 'csv';
  size: number;
}

/** Tells what an upload is; refuses what cannot be read with a per-file message before any parsing starts. */
export async function inspectUpload(path: string, fileName: string): Promise<UploadKind> {
  const handle = await open(path, 'r');
  let head: Uint8Array;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const ext = extname(fileName).toLowerCase();
  if (size === 0) throw fileError('empty');
  // Excel 97–2003 (.xls) and WPS (.et) files are OLE2 compound documents, whatever their name says.
  if (startsWith(head, OLE2) || ext === '.xls' || ext === '.et') throw fileError('xls');
  if (ext === '.xlsx' || ext === '.xlsm') {
    if (!startsWith(head, ZIP)) throw fileError('unreadable');
    return { kind: 'xlsx', size };
  }
  if (ext === '.csv' || ext === '.txt') return { kind: 'csv', size };
  throw fileError('unsupported', { ext: ext || fileName });
}

/**
 * Opens an uploaded file on this thread. The backend reads uploads through readTableInWorker.ts, which runs this
 * in a worker thread; tests and the worker itself use it directly.
 */
export async function openTable(path: string, fileName: string): Promise<Table> {
  const { kind, size } = await inspectUpload(path, fileName);
  return kind === 'xlsx' ? xlsxTable(path, size) : csvTable(path, size);
}

/** Counts the bytes that pass, for the progress bar. */
function counter(): { stream: Transform; count: () => number } {
  let n = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, count: () => n };
}

function xlsxCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as { formula?: string; sharedFormula?: string };
      return { formula: f.formula ? `=${f.formula}` : '=…' };
    }
    if ('error' in value) return { error: String(value.error) };
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === 'string' ? text : xlsxCell(text as ExcelJS.CellValue);
    }
  }
  return String(value as unknown);
}

const isEmpty = (cells: RawCell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The parts of ExcelJS's streaming workbook reader this module drives itself (exceljs 4.4). */
interface WorkbookParts {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Iterable<{ eventType: string; value: unknown }>;
}

/** The worksheet parts in tab order (workbook.xml's sheets through its relations), as zip paths. */
function worksheetPaths(parts: WorkbookParts): { path: string; sheetNo: string; name: string }[] {
  const found: { path: string; sheetNo: string; name: string }[] = [];
  for (const sheet of parts.model?.sheets ?? []) {
    const target = parts.workbookRels?.find((r) => r.Id === sheet.rId)?.Target ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const no = /sheet(\d+)\.xml$/.exec(path)?.[1];
    if (no) found.push({ path, sheetNo: no, name: sheet.name });
  }
  return found;
}

/**
 * An .xlsx is read part by part in the order the parts depend on each other — relations, workbook, shared
 * strings, styles, then the worksheet, streamed — whatever order the zip holds them in. (ExcelJS's own streaming
 * reader follows the zip's order and, for the common layout where the worksheet precedes the shared strings,
 * now and then lost the parts after it.) The file is at most the upload limit, so its compressed bytes are read
 * whole (zipParts.ts); the worksheet's XML is inflated by zlib as it is read.
 */
function xlsxTable(path: string, size: number): Table {
  let read = () => 0;
  const table: Table = {
    kind: 'xlsx',
    encoding: null,
    sheetName: null,
    size,
    bytesRead: () => read(),
    async *rows() {
      let zip: Map<string, ZipPart>;
      try {
        zip = zipParts(await readFile(path));
      } catch {
        throw fileError('unreadable');
      }
      const part = (name: string) => zip.get(name)?.open() ?? null;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        // Styles tell which numbers are dates.
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      }) as unknown as WorkbookParts;
      const streams: Readable[] = [];
      try {
        const rels = part('xl/_rels/workbook.xml.rels');
        const book = part('xl/workbook.xml');
        if (!rels || !book) throw fileError('unreadable');
        await reader._parseRels(rels);
        await reader._parseWorkbook(book);
        const strings = part('xl/sharedStrings.xml');
        if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _;
        const styles = part('xl/styles.xml');
        if (styles) await reader._parseStyles(styles);
        // The first worksheet with any rows is the register; later sheets (notes, lists) are not read.
        for (const sheet of worksheetPaths(reader)) {
          const entry = zip.get(sheet.path);
          if (!entry) continue;
          const total = entry.uncompressedSize;
          const count = counter();
          const xml = entry.open();
          streams.push(xml);
          xml.on('error', (err: Error) => count.stream.destroy(err));
          xml.pipe(count.stream);
          read = () => (total > 0 ? Math.min(size, Math.round((count.count() / total) * size)) : 0);
          let any = false;
          for (const event of reader._parseWorksheet(count.stream as AsyncIterable<Buffer>, sheet.sheetNo)) {
            for await (const row of event.value as AsyncIterable<ExcelJS.Row>) {
              const values = row.values as ExcelJS.CellValue[];
              const cells: RawCell[] = [];
              for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
              if (isEmpty(cells)) continue;
              if (!any) table.sheetName = sheet.name;
              any = true;
              yield { row: row.number, cells };
            }
          }
          if (any) {
            read = () => size;
            return;
          }
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw fileError('unreadable');
      } finally {
        for (const stream of streams) stream.destroy();
      }
    },
  };
  return table;
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030 — a superset of GBK and GB2312. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Comma unless the header line has more tabs or semicolons (a "CSV" saved as text with tabs). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return [',', '\t', ';'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

async function csvTable(path: string, size: number): Promise<Table> {
  // A .csv is at most the upload limit (16 MB): decoding it whole is fine and lets the encoding be told reliably.
  const { text, encoding } = decodeText(await readFile(path));
  let read = 0;
  return {
    kind: 'csv',
    encoding,
    sheetName: null,
    size,
    bytesRead: () => read,
    async *rows() {
      const parser = parseCsv({ delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, bom: true, info: true });
      const CHUNK = 256 * 1024;
      const source = Readable.from(
        (function* () {
          for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
        })(),
      );
      source.pipe(parser);
      source.on('error', (err) => parser.destroy(err));
      let record = 0;
      try {
        for await (const { record: fields, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
          record++;
          read = Math.min(size, Math.round((info.bytes / Math.max(1, text.length)) * size));
          // Excel writes values to a .csv, never formulas: "=…" is a formula someone typed, kept as one.
          const cells: RawCell[] = fields.map((f) => (f.trim() === '' ? null : /^=./.test(f.trim()) ? { formula: f.trim() } : f));
          if (isEmpty(cells)) continue;
          yield { row: record, cells };
        }
        read = size;
      } catch (err) {
        throw fileError('badCsv', { detail: String((err as Error).message).slice(0, 120) });
      } finally {
        source.destroy();
        parser.destroy();
      }
    },
  };
}
