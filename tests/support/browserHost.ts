import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts the browser host (`electron/browser-host/cli.ts`) on a free port with its own data folder and waits for
 * the URL it prints. The renderer must be built (`npx electron-vite build`).
 */
export async function startBrowserHost(options: { dataDir?: string; keepData?: boolean } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'neiqin-host-')));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/browser-host/cli.ts'), '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NEIQIN_VALIDATE_OUTPUT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /NEIQIN_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.keepData && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
