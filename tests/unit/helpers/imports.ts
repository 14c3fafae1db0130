import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ChannelInput } from '@shared/contract';
import type { ImportMapping } from '@shared/schemas/imports';
import type { TestEnv, TestUser } from './env';
import { today } from './customers';
import { importJobs } from '../../../electron/backend/imports/jobs';
import type { RawRow, Table } from '../../../electron/backend/imports/readTable';
import { isAppErrorShape } from '@shared/errors';

/** Spreadsheets for import tests, built in memory with ExcelJS (dates as real Excel dates, formulas as formulas). */
export type SheetCell = string | number | boolean | Date | null | { formula: string; result?: string | number };

export async function xlsxBytes(rows: SheetCell[][], options: { titleRows?: string[]; sheetName?: string } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheetName ?? '客户');
  for (const title of options.titleRows ?? []) sheet.addRow([title]);
  for (const row of rows) {
    const added = sheet.addRow(row.map((c) => (c instanceof Date ? c : c)));
    row.forEach((c, i) => {
      if (c instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** RFC 4180 text of the rows (fields with commas or quotes quoted). */
export function csvText(rows: (string | number | null)[][]): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export async function* bytesOf(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

/** Uploads a file as the user would through the bridge. */
export async function upload(env: TestEnv, user: TestUser, fileName: string, data: Uint8Array): Promise<string> {
  const { uploadId } = await env.backend.acceptUpload(user.caller, fileName, bytesOf(data));
  return uploadId;
}

/**
 * The same file for every user on file under one upload id: the role × channel test calls a channel with one
 * sample input as each role in turn, and an upload only ever serves its own user.
 */
export async function uploadForEveryone(env: TestEnv, fileName: string, data: Uint8Array): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  const users = await env.backend.store.reader.all<{ id: number }>('SELECT id FROM users');
  for (const u of users) await env.backend.uploads.receive(u.id, fileName, bytesOf(data), id);
  return id;
}

/** A finished job with no problems, under one id for every user (see uploadForEveryone). */
export async function jobForEveryone(env: TestEnv): Promise<string> {
  const id = randomUUID();
  const users = await env.backend.store.reader.all<{ id: number }>('SELECT id FROM users');
  for (const u of users) importJobs(env.backend.store).begin(id, u.id).running = false;
  return id;
}

export const HEADERS = ['客户编号', '客户名称', '客户等级', '客户经理', '登记日期', '电话', '联系人', '职务', '手机'];

/** The mapping the header row above gets suggested: column i → its field. */
export const MAPPING: ImportMapping = [
  { column: 0, field: 'code' },
  { column: 1, field: 'name' },
  { column: 2, field: 'abcClass' },
  { column: 3, field: 'manager' },
  { column: 4, field: 'registeredOn' },
  { column: 5, field: 'phone' },
  { column: 6, field: 'contactName' },
  { column: 7, field: 'contactTitle' },
  { column: 8, field: 'contactMobile' },
];

export async function employeeNo(env: TestEnv, staffId: number): Promise<string> {
  const row = await env.backend.store.reader.get<{ no: string }>('SELECT employee_no AS no FROM staff WHERE id = ?', [staffId]);
  return row!.no;
}

export function runInput(uploadId: string, extra: Partial<ChannelInput<'imports.commit'>> & { env: TestEnv }): ChannelInput<'imports.commit'> {
  const { env, ...rest } = extra;
  return { uploadId, jobId: randomUUID(), mapping: MAPPING, receivedOn: today(env), ...rest };
}

let sampleSeq = 0;

/** A one-customer .xlsx every user holds under one upload id, with a code no other sample uses. */
export async function sampleImportUpload(f: { env: TestEnv; staffId: number }): Promise<string> {
  sampleSeq++;
  const bytes = await xlsxBytes([
    HEADERS,
    [`IMP-S${sampleSeq}`, `样例导入客户${sampleSeq}号`, 'B', await employeeNo(f.env, f.staffId), new Date(Date.UTC(2026, 0, 15)), '0571-87654321', '王五', '经理', '13912345678'],
  ]);
  return uploadForEveryone(f.env, `样例${sampleSeq}.xlsx`, bytes);
}

/** Every row a table yields, in order. */
export async function rowsOf(table: Table): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const r of table.rows()) rows.push(r);
  return rows;
}

/** The per-file message a file is refused with (the error is an AppError thrown by the reader). */
export async function refusal(promise: Promise<unknown>): Promise<{ key: string; params?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    const shape = (err as { toShape?: () => unknown }).toShape?.() ?? err;
    if (isAppErrorShape(shape)) return { key: shape.message, params: shape.details?.params };
    throw err;
  }
  throw new Error('expected the file to be refused');
}
