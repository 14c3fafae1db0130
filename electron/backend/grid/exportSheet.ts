import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import type { CsvEncoding, ExportFormat } from '@shared/grid';

/** One cell of an exported row, as it crosses to the worker thread: plain data. */
export type Cell = string | number | null;

/** A column of the file: everything about it but how to read it from a row (that stays on the main side). */
export interface SheetColumn {
  header: string;
  /** Width in Excel character units. */
  width: number;
  numFmt?: string;
}

export interface SheetSpec {
  path: string;
  format: ExportFormat;
  /** The register's name: the sheet name and the title row. */
  title: string;
  /** "生成时间 … 制表人 …" under the title. */
  subtitle: string;
  columns: SheetColumn[];
  /** A .csv's encoding (the office's setting); UTF-8 when absent. */
  csvEncoding?: CsvEncoding;
}

/**
 * Writes rows of cells as .xlsx (streamed, A4 landscape, frozen header) or .csv (UTF-8 with BOM or GB18030, CRLF); the
 * CPU-heavy half of an export, run in a worker thread (exportTask.ts). `onRows` hears the running row count
 * after each batch. Returns the row count.
 */
export function writeSheet(spec: SheetSpec, rows: AsyncIterable<Cell[][]>, onRows?: (rows: number) => void): Promise<number> {
  return spec.format === 'xlsx' ? writeXlsx(spec, rows, onRows) : writeCsv(spec, rows, onRows);
}

async function writeXlsx(spec: SheetSpec, rows: AsyncIterable<Cell[][]>, onRows?: (rows: number) => void): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: spec.path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Neiqin';
  const headerRow = 3;
  const sheet = workbook.addWorksheet(safeSheetName(spec.title), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));

  const title = sheet.getRow(1);
  title.getCell(1).value = spec.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 22;
  sheet.mergeCells(1, 1, 1, Math.max(1, spec.columns.length));
  title.commit();
  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = spec.subtitle;
  subtitle.getCell(1).font = { size: 9, color: { argb: 'FF666666' } };
  sheet.mergeCells(2, 1, 2, Math.max(1, spec.columns.length));
  subtitle.commit();

  const header = sheet.getRow(headerRow);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FA' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9DB4CC' } } };
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();

  let count = 0;
  for await (const batch of rows) {
    for (const cells of batch) {
      sheet.addRow(cells).commit();
      count++;
    }
    await drained(sheet, workbook);
    onRows?.(count);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * Waits until the zip and the file have taken what the sheet wrote. ExcelJS's streaming writer ignores
 * backpressure: its sheet stream hands 64 KiB pieces of XML to the zip without waiting, so a writer fed faster
 * than deflate and the disk keep up (as in a worker thread, where nothing else slows it down) piles up the
 * uncompressed XML in memory — some 200 MB for 100,000 rows. Reads ExcelJS internals (StreamBuf.pipes, the
 * workbook's output stream); when they are not there, it simply does not wait.
 */
async function drained(sheet: ExcelJS.Worksheet, workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  const internals = sheet as unknown as { stream?: { pipes?: Backlogged[] } };
  const waiting = [...(internals.stream?.pipes ?? []), (workbook as unknown as { stream?: Backlogged }).stream];
  // archiver's streams are readable-stream 3 (no `writableNeedDrain`): ask their writable state.
  for (const w of waiting) if (w && (w.writableNeedDrain ?? w._writableState?.needDrain)) await once(w, 'drain');
}

type Backlogged = NodeJS.EventEmitter & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };

async function writeCsv(spec: SheetSpec, rows: AsyncIterable<Cell[][]>, onRows?: (rows: number) => void): Promise<number> {
  const out = createWriteStream(spec.path);
  const gb18030 = spec.csvEncoding === 'gb18030';
  // UTF-8 needs its BOM for Excel to read Chinese; GB18030 is what Excel assumes on a Chinese Windows, no BOM.
  const csv = stringify({ bom: !gb18030, record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
  // For GB18030 the records leave the stringifier as text, so whole characters are encoded.
  const written = gb18030 ? pipeline(csv.setEncoding('utf8'), iconv.encodeStream('gb18030'), out) : pipeline(csv, out);
  written.catch(() => undefined); // awaited below; a stopped export must not surface it as unhandled
  const put = async (record: unknown[]) => {
    if (!csv.write(record)) await Promise.race([once(csv, 'drain'), written]);
  };
  try {
    await put(spec.columns.map((c) => c.header));
    let count = 0;
    for await (const batch of rows) {
      for (const cells of batch) {
        await put(cells.map((v) => v ?? ''));
        count++;
      }
      onRows?.(count);
    }
    csv.end();
    await written;
    return count;
  } finally {
    // A stopped export closes its file, so the caller can remove it.
    if (!out.closed) out.destroy();
  }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}
