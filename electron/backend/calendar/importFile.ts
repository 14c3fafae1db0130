import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { fieldError } from '@shared/errors';
import { CALENDAR_IMPORT_MAX_BYTES, CALENDAR_IMPORT_MAX_ROWS } from '@shared/schemas/calendar';

/** One data line of an import file, as text, before anything is checked. */
export interface RawCalendarLine {
  line: number;
  date: string;
  kind: string;
  name: string;
}

type Format = 'csv' | 'xlsx';

/** Header spellings an office file may use for each column (compared without spaces, case-insensitively). */
const HEADERS: Record<keyof Omit<RawCalendarLine, 'line'>, string[]> = {
  date: ['日期', 'date'],
  kind: ['类型', '类别', 'kind', 'type'],
  name: ['名称', '节日', '节日名称', '说明', 'name'],
};

const normalizeHeader = (text: string) => text.replace(/[\s\u3000]/g, '').toLowerCase();

export function formatOf(fileName: string): Format {
  const match = /\.(csv|xlsx)$/i.exec(fileName.trim());
  if (!match) throw fieldError('fileName', 'calendar.errors.fileType');
  return match[1]!.toLowerCase() as Format;
}

/** The file's bytes from the call's base64; over 1 MB is refused (the calendar is a few dozen lines a year). */
export function decodeBase64(contentBase64: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > CALENDAR_IMPORT_MAX_BYTES)
    throw fieldError('contentBase64', 'calendar.errors.fileTooLarge', { max: '1 MB' });
  if (bytes.length === 0) throw fieldError('contentBase64', 'calendar.errors.fileEmpty');
  return bytes;
}

/**
 * Text of a .csv: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 — what Excel
 * and Notepad on a Chinese Windows save by default (it includes GBK and GB2312).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The lines of the file, header recognised, blank lines skipped. */
export async function readCalendarFile(fileName: string, bytes: Buffer): Promise<RawCalendarLine[]> {
  const table = formatOf(fileName) === 'csv' ? csvTable(bytes) : await xlsxTable(bytes);
  const headerAt = table.findIndex((r) => r.cells.some((c) => c !== ''));
  if (headerAt < 0) throw fieldError('contentBase64', 'calendar.errors.fileEmpty');
  const header = table[headerAt]!.cells.map(normalizeHeader);
  const column = (key: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[key].includes(h));
  const dateCol = column('date');
  const kindCol = column('kind');
  const nameCol = column('name');
  if (dateCol < 0 || kindCol < 0) throw fieldError('contentBase64', 'calendar.errors.columnsMissing');
  const lines = table
    .slice(headerAt + 1)
    .filter((r) => r.cells.some((c) => c !== ''))
    .map((r) => ({
      line: r.line,
      date: r.cells[dateCol] ?? '',
      kind: r.cells[kindCol] ?? '',
      name: nameCol < 0 ? '' : (r.cells[nameCol] ?? ''),
    }));
  if (lines.length === 0) throw fieldError('contentBase64', 'calendar.errors.fileEmpty');
  if (lines.length > CALENDAR_IMPORT_MAX_ROWS) {
    throw fieldError('contentBase64', 'calendar.errors.tooManyRows', { max: CALENDAR_IMPORT_MAX_ROWS });
  }
  return lines;
}

interface TableRow {
  line: number;
  cells: string[];
}

function csvTable(bytes: Buffer): TableRow[] {
  try {
    const records = parse(decodeText(bytes), {
      bom: true,
      delimiter: [',', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record.map((c) => c.trim()) }));
  } catch {
    throw fieldError('contentBase64', 'calendar.errors.fileUnreadable');
  }
}

async function xlsxTable(bytes: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fieldError('contentBase64', 'calendar.errors.fileUnreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fieldError('contentBase64', 'calendar.errors.fileEmpty');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the user sees it. Date cells come back from ExcelJS as the displayed day at midnight UTC, so the
 * UTC fields are the day; a date typed as text stays text and is read by the date parser.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? ''
      : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}
