import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Reader } from '../../../electron/backend/db/connection';

/** Every file under a folder, as paths relative to it with `/` (dot files included: temporary names show up). */
export async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export interface JobFacts {
  id: number;
  status: 'pending' | 'delivered';
  attempts: number;
  failures: number;
  lastError: string | null;
  nextAttemptAt: string;
  finalPath: string | null;
  pendingPath: string | null;
  sha256: string;
  bytes: number;
  outboxFile: string;
  targetId: number;
}

export async function jobFacts(db: Reader, id: number): Promise<JobFacts> {
  const row = await db.get<JobFacts>(
    `SELECT id, status, attempts, failures, last_error AS lastError, next_attempt_at AS nextAttemptAt, final_path AS finalPath,
       pending_path AS pendingPath, sha256, bytes, outbox_file AS outboxFile, target_id AS targetId FROM delivery_jobs WHERE id = ?`,
    [id],
  );
  if (!row) throw new Error(`no delivery job ${id}`);
  return row;
}

export async function attemptsOf(db: Reader, jobId: number): Promise<{ result: string; error: string | null; finalPath: string | null }[]> {
  return db.all(`SELECT result, error, final_path AS finalPath FROM delivery_attempts WHERE job_id = ? ORDER BY id`, [jobId]);
}
