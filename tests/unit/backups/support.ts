import { open, stat } from 'node:fs/promises';
import { Connection } from '../../../electron/backend/db/connection';
import type { TestEnv } from '../helpers/env';
import { customerValues, today } from '../helpers/customers';

/**
 * Damages a real database file the way a failing disk does: pages in the middle overwritten with garbage. Page 1
 * (the header and the schema's root) is left alone, so SQLite still opens the file and only a check finds it.
 */
export async function corruptMiddlePages(
  file: string,
  options: { pages?: number; pageSize?: number } = {},
): Promise<void> {
  const pageSize = options.pageSize ?? 4096;
  const { size } = await stat(file);
  const pageCount = Math.floor(size / pageSize);
  if (pageCount < 4) throw new Error(`${file} is too small to damage in the middle (${pageCount} pages)`);
  const count = Math.min(options.pages ?? Math.max(2, Math.floor(pageCount / 3)), pageCount - 2);
  const first = Math.max(1, Math.floor((pageCount - count) / 2));
  const handle = await open(file, 'r+');
  try {
    // A fixed pattern, not random: the same file damaged the same way on every run.
    const garbage = Buffer.alloc(pageSize);
    for (let i = 0; i < pageSize; i++) garbage[i] = (i * 131 + 17) & 0xff;
    for (let p = first; p < first + count; p++) await handle.write(garbage, 0, pageSize, p * pageSize);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Overwrites the given pages (numbered from 1, as SQLite numbers them) with garbage. */
export async function corruptPages(file: string, pages: readonly number[], pageSize = 4096): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize, 0xa5);
    for (const p of pages) await handle.write(garbage, 0, pageSize, (p - 1) * pageSize);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The root page of a table: damaging it breaks that table only, the schema stays readable. */
export async function rootPageOf(file: string, table: string): Promise<number> {
  const db = await Connection.open(file, { readOnly: true });
  try {
    const row = await db.get<{ rootpage: number }>(
      `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`,
      [table],
    );
    if (!row) throw new Error(`no table ${table} in ${file}`);
    return row.rootpage;
  } finally {
    await db.close();
  }
}

/** Adds `count` customers through the channel (real rows in every table a customer touches). */
export async function addCustomers(env: TestEnv, count: number, prefix = '客户'): Promise<number[]> {
  const staffId = await env.createStaff();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { customer } = await env.call(env.admin.caller, 'customers.create', {
      customer: customerValues(staffId, { name: `${prefix}${i}号商行` }),
      receivedOn: today(env),
    });
    ids.push(customer.id);
  }
  return ids;
}

/** Every row of every table of a database file, serialised, optionally without some tables. */
export async function fileSnapshot(file: string, skip: readonly string[] = []): Promise<string> {
  const db = await Connection.open(file, { readOnly: true });
  try {
    const tables = await db.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      if (skip.includes(name)) continue;
      parts.push(`${name}: ${JSON.stringify(await db.all(`SELECT * FROM "${name.replace(/"/g, '""')}"`))}`);
    }
    return parts.join('\n');
  } finally {
    await db.close();
  }
}

/** A backend's data, table by table, optionally without some tables. */
export async function liveSnapshot(env: TestEnv, skip: readonly string[] = []): Promise<string> {
  const tables = await env.backend.store.reader.all<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    if (skip.includes(name)) continue;
    parts.push(
      `${name}: ${JSON.stringify(await env.backend.store.reader.all(`SELECT * FROM "${name.replace(/"/g, '""')}"`))}`,
    );
  }
  return parts.join('\n');
}

let jobs = 0;
export const jobId = () => `test-job-${++jobs}-${Date.now().toString(36)}`;

/** Retries an assertion until it passes or `ms` have gone by (for work the backend finishes in the background). */
export async function eventually(check: () => Promise<void>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
