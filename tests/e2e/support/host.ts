import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/e2e/support → ../../..). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** A browser host started for tests: its own process, its own fresh data folder. */
export interface Host {
  /** The URL to open, with the access token in the hash. */
  url: string;
  dataDir: string;
  /** Set by the fixtures once first-run setup has been done through the UI. */
  setupDone: 'admin' | 'demo' | null;
  /** ERROR lines the backend wrote to its log file (logs/neiqin.log) so far. */
  logErrors(): Promise<string[]>;
  /** Output of the host process (stdout and stderr), for diagnostics. */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts `electron/browser-host/cli.ts` (through tsx, in one Node process so it can be stopped by its pid) on a
 * free port with a fresh temporary data folder and NEIQIN_VALIDATE_OUTPUT=1, and waits for its NEIQIN_URL line.
 */
export async function startHost(options: { prepare?: (dataDir: string) => Promise<void> } = {}): Promise<Host> {
  const dataDir = await mkdtemp(join(tmpdir(), 'neiqin-e2e-'));
  // A spec may fill the fresh folder first (backups.spec.ts: a damaged database beside good backups).
  await options.prepare?.(dataDir);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/browser-host/cli.ts', '--data-dir', dataDir, '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, NEIQIN_VALIDATE_OUTPUT: '1', NEIQIN_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // If this worker goes away without its fixtures' teardown (an interrupted run), do not leave the host running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));

  let url: string;
  try {
    url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The browser host did not print NEIQIN_URL within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout!.on('data', (chunk: string) => {
        output += chunk;
        const match = /NEIQIN_URL=(\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The browser host exited early (code ${code}, signal ${signal}):\n${output}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  } catch (err) {
    await kill(child);
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }

  const logFile = join(dataDir, 'logs', 'neiqin.log');
  return {
    url,
    dataDir,
    setupDone: null,
    output: () => output,
    async logErrors() {
      const text = await readFile(logFile, 'utf8').catch(() => '');
      // Each entry starts with an ISO time and a level; a stack trace follows on the next lines.
      return text.split(/\n(?=\d{4}-\d{2}-\d{2}T)/).filter((entry) => /^\S+ ERROR /.test(entry));
    },
    async stop() {
      await kill(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (the host closes the database and exits), then SIGKILL if it does not exit in time. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
