import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The name of the bundled worker entry: electron.vite.config.ts builds it next to out/main/index.js. */
export const BUNDLED_WORKER = 'worker.js';

/**
 * Which file a worker thread starts from, in the three ways the backend runs:
 * - from sources (tsx, Vitest): `boot.mjs` beside this file, which loads `workerMain.ts` through tsx;
 * - bundled by electron-vite: `worker.js` next to the bundle (this code is in out/main/index.js, or in a chunk
 *   one folder down).
 * Paths are joined, not written as `new URL('./x', import.meta.url)`, so the bundler leaves them alone.
 */
export function workerFile(): { file: string; entry?: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  const source = join(here, 'workerMain.ts');
  if (existsSync(source)) return { file: join(here, 'boot.mjs'), entry: pathToFileURL(source).href };
  for (const dir of [here, join(here, '..')]) {
    const bundled = join(dir, BUNDLED_WORKER);
    if (existsSync(bundled)) return { file: bundled };
  }
  throw new Error(`The worker entry is missing: neither ${source} nor ${BUNDLED_WORKER} next to ${here}`);
}
