import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { freshBackend, type TestEnv } from '../helpers/env';
import { createTarget } from '../helpers/delivery';
import { attemptsOf, filesUnder, jobFacts, sha256Of } from '../helpers/deliveryFiles';
import { queueFile } from '../helpers/deliveryFaults';
import { createBackend } from '../../../electron/backend/index';

/**
 * The app killed during a copy (issue 4 "What must be true"): a child process running the backend is SIGKILLed
 * in the middle of copying a file, and again just after a file took its final name but before the job was
 * recorded. After each kill no partial or corrupt file is under a final name; at the next start every job is
 * delivered exactly once, its hash matching.
 */
const REPO = resolve(import.meta.dirname, '../../..');
const CHILD = join(import.meta.dirname, 'support', 'deliveryChild.ts');
// Node itself with tsx's loader (not the tsx CLI, which runs the script in a grandchild a SIGKILL would miss).
const TSX_PREFLIGHT = join(REPO, 'node_modules', 'tsx', 'dist', 'preflight.cjs');
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const CHUNK = 64 * 1024;

interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `re`. */
  line(re: RegExp): Promise<RegExpMatchArray>;
  errors: string[];
  exited: Promise<NodeJS.Signals | number | null>;
}

const started: ChildProcess[] = [];

function startChild(dataDir: string, mode: 'copy' | 'rename'): Child {
  const proc = spawn(process.execPath, ['--require', TSX_PREFLIGHT, '--import', TSX_LOADER, CHILD, dataDir, mode], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(proc);
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      const m = w.re.exec(line);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const errors: string[] = [];
  createInterface({ input: proc.stderr! }).on('line', (line) => errors.push(line));
  const exited = new Promise<NodeJS.Signals | number | null>((r) => proc.on('exit', (code, signal) => r(signal ?? code)));
  return {
    process: proc,
    errors,
    exited,
    line: (re) =>
      new Promise((resolveLine, reject) => {
        const seen = lines.map((l) => re.exec(l)).find(Boolean);
        if (seen) return resolveLine(seen);
        waiters.push({ re, resolve: resolveLine });
        void exited.then((how) => reject(new Error(`child exited (${String(how)}) before printing ${re}; stderr:\n${errors.join('\n')}`)));
      }),
  };
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  expect(await child.exited).toBe('SIGKILL');
}

describe('the app killed (SIGKILL) during a delivery', () => {
  let env: TestEnv;
  let folder = '';
  const jobs: number[] = [];
  const finalNames = async () => (await filesUnder(folder)).filter((f) => !f.startsWith('.~neiqin-'));

  beforeAll(async () => {
    env = await freshBackend();
    // The target is away while the jobs are queued: they wait in the outbox.
    const target = await createTarget(env, env.admin, { exists: false, subFolder: '' });
    folder = target.folder;
    for (const name of ['甲台账_2026-11-25_1000.xlsx', '乙台账_2026-11-25_1000.xlsx', '丙台账_2026-11-25_1000.xlsx'])
      jobs.push(await queueFile(env.backend, target.id, 16 * CHUNK, name));
    await env.backend.delivery.runDue();
    for (const id of jobs) expect((await jobFacts(env.backend.store.reader, id)).status).toBe('pending');
    await env.backend.close();
    await mkdir(folder);
  });
  afterAll(async () => {
    // A failed wait must not leave a backend running on the folder.
    for (const proc of started) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    expect(env.loggedErrors).toEqual([]);
    await rm(env.dir, { recursive: true, force: true });
  });

  it('killed mid-copy: only a temporary dot file is left, the job is still pending', async () => {
    const child = startChild(env.dir, 'copy');
    await child.line(new RegExp(`^CHUNK ${jobs[0]} ${4 * CHUNK}$`));
    await kill(child);
    expect(child.errors).toEqual([]);
    expect(await finalNames()).toEqual([]);
    expect(await filesUnder(folder)).toEqual([`.~neiqin-${jobs[0]}.tmp`]);
  });

  it('killed after the rename, before the job was recorded: the file under its final name is complete', async () => {
    const child = startChild(env.dir, 'rename');
    await child.line(new RegExp(`^RENAMED ${jobs[0]}$`));
    await kill(child);
    expect(child.errors).toEqual([]);
    expect(await finalNames()).toEqual(['甲台账_2026-11-25_1000.xlsx']);
  });

  it('at the next start every job is delivered once, with its hash, and nothing is left over', async () => {
    const backend = await createBackend({ dataDir: env.dir, log: { info: () => undefined, error: (m) => env.loggedErrors.push(m) } });
    try {
      await backend.delivery.runDue();
      for (const id of jobs) {
        const job = await jobFacts(backend.store.reader, id);
        expect(job.status).toBe('delivered');
        expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
      }
      // Exactly the three files, no "(2)" from delivering the first one again, no temporary file.
      expect(await filesUnder(folder)).toEqual(['丙台账_2026-11-25_1000.xlsx', '乙台账_2026-11-25_1000.xlsx', '甲台账_2026-11-25_1000.xlsx']);
      expect(await readdir(join(env.dir, 'outbox'))).toEqual([]);
      // Every attempt is in the log: failed while away, killed twice, then recognised as delivered.
      expect((await attemptsOf(backend.store.reader, jobs[0]!)).map((a) => a.result)).toEqual(['failed', 'interrupted', 'interrupted', 'delivered']);
    } finally {
      await backend.close();
    }
  });
});
