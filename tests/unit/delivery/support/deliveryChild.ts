/**
 * A backend in a child process for the crash test (crash.test.ts): it starts on a data folder, its deliverer
 * picks up the pending jobs at start and copies slowly (a pause before every chunk), printing where it is, so
 * the parent can SIGKILL it at a known moment.
 *
 *   tsx deliveryChild.ts <dataDir> copy|rename
 *     copy:   prints "CHUNK <jobId> <written>" before each chunk (the parent kills it mid-copy)
 *     rename: prints "RENAMED <jobId>" once a file has its final name, then waits forever (killed before the
 *             job is recorded as delivered)
 */
import { createBackend } from '../../../../electron/backend/index';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'copy' && mode !== 'rename')) {
  console.error('usage: deliveryChild.ts <dataDir> copy|rename');
  process.exit(2);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

await createBackend({
  dataDir,
  log: { info: () => undefined, error: (m, e) => console.error('ERROR', m, e) },
  delivery: {
    chunkBytes: 64 * 1024,
    hooks: {
      beforeChunk: async ({ jobId, written }) => {
        if (mode === 'copy') console.log(`CHUNK ${jobId} ${written}`);
        await pause(mode === 'copy' ? 150 : 5);
      },
      afterRename: async ({ jobId }) => {
        if (mode !== 'rename') return;
        console.log(`RENAMED ${jobId}`);
        await new Promise(() => undefined);
      },
    },
  },
});
console.log('READY');
setInterval(() => undefined, 60_000);
