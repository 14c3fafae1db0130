import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createBackend } from '../../../electron/backend/index';
import { sealAndCheck } from '../../../electron/backend/backups/checkCopy';
import { isBackupName } from '../../../electron/backend/backups/names';
import { CATALOG_FILE } from '../../../electron/backend/backups/catalog';
import { freshBackend } from '../helpers/env';
import { jobId } from './support';

const ROOT = resolve(import.meta.dirname, '../../..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A closed data folder whose database has enough pages (and an index) that copy and check take a while. */
async function bigFolder(): Promise<string> {
  const env = await freshBackend();
  await env.backend.store.write(async (tx) => {
    await tx.run('CREATE TABLE filler (id INTEGER PRIMARY KEY, word TEXT NOT NULL, payload BLOB NOT NULL)');
    await tx.run('CREATE INDEX filler_word ON filler (word)');
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
       INSERT INTO filler (word, payload) SELECT hex(randomblob(8)), randomblob(120) FROM n`,
    );
  });
  await env.backend.close();
  cleanups.push(() => rm(env.dir, { recursive: true, force: true }));
  return env.dir;
}

/** Runs the child and SIGKILLs it as soon as it prints a line starting with `phase`; resolves with what it printed. */
function runAndKill(dir: string, phase: 'copy' | 'check'): Promise<{ output: string; killed: boolean }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/unit/backups/fixtures/backupChild.ts', dir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (output += c));
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      // Mid-copy: well past the first pages; at the check: the copy is complete but not yet checked.
      const due = phase === 'copy' ? /^copy 2\d\/\d+$/m.test(output) : /^check 0\/1$/m.test(output);
      if (!killed && due) killed = child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', () => resolveRun({ output, killed }));
  });
}

describe('killed during a backup (issue 4: "app killed (SIGKILL) … during a backup")', () => {
  for (const phase of ['copy', 'check'] as const) {
    it(`leaves no partial or unchecked file under a backup name when killed during the ${phase}`, async () => {
      const dir = await bigFolder();
      const run = await runAndKill(dir, phase);
      expect(run.killed, run.output).toBe(true);
      expect(run.output).not.toContain('finished');

      const names = await readdir(join(dir, 'backups'));
      // Only the temporary name may be there; a file under a final name would have had to pass its check.
      for (const name of names.filter(isBackupName))
        expect((await sealAndCheck(join(dir, 'backups', name))).good).toBe(true);
      if (phase === 'copy') expect(names.filter(isBackupName)).toEqual([]);
      // The kill did land mid-job: the copy is there under its temporary name.
      expect(names.filter((n) => n.endsWith('.db.partial'))).toHaveLength(1);
      const log = await readFile(join(dir, 'backups', CATALOG_FILE), 'utf8').catch(() => '{"entries":[]}');
      expect((JSON.parse(log) as { entries: unknown[] }).entries).toEqual([]);

      // The next start removes the leftovers; backups work as before.
      const errors: string[] = [];
      const backend = await createBackend({
        dataDir: dir,
        log: { info: () => undefined, error: (m) => errors.push(m) },
      });
      try {
        expect(backend.backups.recovery.active).toBe(false);
        expect((await readdir(join(dir, 'backups'))).filter((n) => n.includes('partial'))).toEqual([]);
        const entry = await backend.backups.backup('manual', jobId());
        expect(entry.check).toBe('good');
      } finally {
        await backend.close();
      }
      expect(errors).toEqual([]);
    });
  }
});
