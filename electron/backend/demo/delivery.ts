import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '@shared/dates';
import type { Tx } from '../db/writeQueue';
import { exportFileName } from '../grid/exportView';

/**
 * The demo office's export targets and a week of delivered exports: a folder in the data folder standing in for
 * the department's share (reachable, so exports to it really arrive), and the finance share, which a demo
 * machine cannot reach (不可达) — the state an office sees when the file server is down.
 */
export async function demoDelivery(tx: Tx, now: Date, dataDir: string): Promise<void> {
  const at = now.toISOString();
  const share = join(dataDir, '共享盘演示', '营销部台账');
  await mkdir(share, { recursive: true });
  const finance = process.platform === 'win32' ? '\\\\fileserver\\财务部\\对账' : '/mnt/fileserver/财务部/对账';
  const insert = (name: string, folder: string, registers: string[], manifest: boolean, state: string, detail: string | null) =>
    tx.run(
      `INSERT INTO delivery_targets (name, folder, sub_folder, enabled, default_registers, manifest, state, state_detail, free_bytes, checked_at, created_at, updated_at)
       VALUES (?, ?, '{register}/{yyyy}/{MM}', 1, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      [name, folder, JSON.stringify(registers), manifest ? 1 : 0, state, detail, at, at, at],
    );
  const { lastID: shareId } = await insert('营销部共享盘', share, ['customers', 'contracts', 'complaints', 'visits'], true, 'ok', null);
  await insert('财务部共享盘', finance, ['contracts'], false, 'unreachable', `unreachable: ENOENT: no such file or directory, stat '${finance}'`);

  const clerk = await tx.get<{ id: number; display_name: string }>(`SELECT id, display_name FROM users WHERE username = 'neiqin'`);
  const user = clerk ?? { id: null, display_name: '陈静' };
  const sent: { key: string; title: string; rows: number; daysAgo: number; hour: number; failedFirst?: boolean }[] = [
    { key: 'customers', title: '客户档案台账', rows: 1986, daysAgo: 6, hour: 16 },
    { key: 'contracts', title: '合同台账', rows: 214, daysAgo: 5, hour: 10 },
    { key: 'complaints', title: '客户投诉记录台账', rows: 37, daysAgo: 4, hour: 15, failedFirst: true },
    { key: 'visits', title: '客户拜访记录台账', rows: 412, daysAgo: 2, hour: 17 },
    { key: 'customers', title: '客户档案台账', rows: 1994, daysAgo: 1, hour: 16 },
  ];
  for (const [i, s] of sent.entries()) {
    const made = new Date(now.getTime() - s.daysAgo * 86_400_000);
    made.setHours(s.hour, 12 + i, 0, 0);
    const fileName = exportFileName(s.title, made, 'xlsx');
    const [yyyy, MM] = localDate(made).split('-');
    const finalPath = join(share, s.title, yyyy!, MM!, fileName);
    const bytes = 18_000 + s.rows * 96;
    const sha256 = createHash('sha256').update(`demo ${fileName}`).digest('hex');
    const delivered = new Date(made.getTime() + (s.failedFirst ? 32 * 60_000 : 4_000));
    const { lastID: jobId } = await tx.run(
      `INSERT INTO delivery_jobs (register_key, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_id, user_name, status,
         attempts, failures, next_attempt_at, final_path, created_at, delivered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'delivered', ?, ?, ?, ?, ?, ?)`,
      [s.key, s.title, fileName, `demo-${i + 1}.bin`, s.rows, bytes, sha256, shareId, user.id, user.display_name, s.failedFirst ? 2 : 1, s.failedFirst ? 1 : 0, made.toISOString(), finalPath, made.toISOString(), delivered.toISOString()],
    );
    if (s.failedFirst) {
      const failedAt = new Date(made.getTime() + 2_000).toISOString();
      await tx.run(
        `INSERT INTO delivery_attempts (job_id, target_id, started_at, finished_at, result, error, error_detail) VALUES (?, ?, ?, ?, 'failed', 'unreachable', ?)`,
        [jobId, shareId, made.toISOString(), failedAt, `ENOENT: no such file or directory, stat '${share}'`],
      );
    }
    await tx.run(`INSERT INTO delivery_attempts (job_id, target_id, started_at, finished_at, result, final_path) VALUES (?, ?, ?, ?, 'delivered', ?)`, [
      jobId,
      shareId,
      new Date(delivered.getTime() - 3_000).toISOString(),
      delivered.toISOString(),
      finalPath,
    ]);
  }
}
