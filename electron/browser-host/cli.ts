import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend';
import { fileLogger } from '../backend/log';
import { defaultDataDir } from '../backend/paths';
import { startBrowserHost } from './server';

/** `npm run serve`: the browser host on 127.0.0.1. Prints the URL to open (with its token). */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
    },
  });
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const rendererDir = join(root, 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('The renderer is not built yet: run `npm run build` (or `npm run serve`, which builds first).');
    process.exit(1);
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.NEIQIN_DATA_DIR ?? defaultDataDir());
  const backend = await createBackend({ dataDir, log: fileLogger(dataDir), validateOutput: process.env.NEIQIN_VALIDATE_OUTPUT === '1', scheduleBackups: true });
  const host = await startBrowserHost({ backend, rendererDir, port: values.port ? Number(values.port) : 0 });
  console.log(`Neiqin browser host (data: ${dataDir})`);
  console.log(`NEIQIN_URL=${host.url}`);
  const stop = async () => {
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
