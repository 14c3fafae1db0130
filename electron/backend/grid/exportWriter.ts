import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import type { ExportFormat } from '@shared/grid';

export interface ExportColumn<R> {
  header: string;
  /** Width in Excel character units. */
  width: number;
  value: (row: R) => string | number | null;
  numFmt?: string;
}

export interface ExportJob<R> {
  path: string;
  format: ExportFormat;
  /** The register's name: the sheet name and the title row. */
  title: string;
  /** "生成时间 … 制表人 …" under the title. */
  subtitle: string;
  columns: ExportColumn<R>[];
  rows: AsyncIterable<R[]>;
}

/** Writes a register as .xlsx (streamed, A4 landscape, frozen header) or .csv (UTF-8 BOM, CRLF). Returns the row count. */
export function writeExport<R>(job: ExportJob<R>): Promise<number> {
  return job.format === 'xlsx' ? writeXlsx(job) : writeCsv(job);
}

async function writeXlsx<R>(job: ExportJob<R>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: job.path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Neiqin';
  const headerRow = 3;
  const sheet = workbook.addWorksheet(safeSheetName(job.title), {
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
  sheet.columns = job.columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));

  const title = sheet.getRow(1);
  title.getCell(1).value = job.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 22;
  sheet.mergeCells(1, 1, 1, Math.max(1, job.columns.length));
  title.commit();
  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = job.subtitle;
  subtitle.getCell(1).font = { size: 9, color: { argb: 'FF666666' } };
  sheet.mergeCells(2, 1, 2, Math.max(1, job.columns.length));
  subtitle.commit();

  const header = sheet.getRow(headerRow);
  job.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FA' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9DB4CC' } } };
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();

  let count = 0;
  for await (const chunk of job.rows) {
    for (const row of chunk) {
      sheet.addRow(job.columns.map((c) => c.value(row))).commit();
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

async function writeCsv<R>(job: ExportJob<R>): Promise<number> {
  const out = createWriteStream(job.path);
  const csv = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
  csv.pipe(out);
  const put = async (record: unknown[]) => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  await put(job.columns.map((c) => c.header));
  let count = 0;
  for await (const chunk of job.rows) {
    for (const row of chunk) {
      await put(job.columns.map((c) => c.value(row) ?? ''));
      count++;
    }
  }
  csv.end();
  await once(out, 'finish');
  return count;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}
