import { addDays, localDate } from '@shared/dates';
import type { Tx } from '../db/writeQueue';

/**
 * 导入记录 of the demo office: the registers the clerk brought over from Excel in the past weeks — a first batch
 * from the old 客户档案台账, a file refused for its problems and fixed the next day, and one cancelled.
 */
export async function demoImports(tx: Tx, now: Date): Promise<void> {
  const user = await tx.get<{ id: number; name: string }>(`SELECT id, display_name AS name FROM users WHERE username = 'neiqin'`);
  if (!user) return;
  const today = localDate(now);
  const entries = [
    { daysAgo: 20, hour: 9, file: '客户档案台账-城东片区.xlsx', size: 486_912, result: 'done', rows: 412, created: 398, updated: 14, contacts: 406, problems: 0 },
    { daysAgo: 13, hour: 15, file: '新客户登记表（10月）.csv', size: 38_220, result: 'refused', rows: 57, created: 0, updated: 0, contacts: 0, problems: 4 },
    { daysAgo: 12, hour: 10, file: '新客户登记表（10月）.csv', size: 38_410, result: 'done', rows: 57, created: 57, updated: 0, contacts: 52, problems: 0 },
    { daysAgo: 6, hour: 16, file: '县域片区客户汇总.xlsx', size: 1_204_551, result: 'cancelled', rows: 0, created: 0, updated: 0, contacts: 0, problems: 0 },
    { daysAgo: 5, hour: 9, file: '县域片区客户汇总.xlsx', size: 1_204_551, result: 'done', rows: 1_320, created: 1_187, updated: 133, contacts: 1_264, problems: 0 },
  ];
  for (const e of entries) {
    const day = addDays(today, -e.daysAgo);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    // Office hours on the office's clock.
    const started = new Date(y, m - 1, d, e.hour, 12);
    const finished = new Date(started.getTime() + 40_000);
    await tx.run(
      `INSERT INTO import_log (kind, file_name, file_size, user_id, user_name, started_at, finished_at, received_on, result,
         rows_total, created_count, updated_count, contacts_count, problem_count)
       VALUES ('customers', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.file, e.size, user.id, user.name, started.toISOString(), finished.toISOString(), day, e.result, e.rows, e.created, e.updated, e.contacts, e.problems],
    );
  }
}
