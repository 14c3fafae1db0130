// One backup of a data folder in its own process, for backup.bench.ts: prints one JSON line with the timings of
// the start-up check, the copy and the integrity check, the peak resident memory and the longest event-loop stall.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { quickCheck } from '../../electron/backend/backups/checkCopy';
import { DB_FILE } from '../../electron/backend/db/store';

async function main() {
  const dataDir = process.argv[2]!;
  const t0 = performance.now();
  const quickCheckDamage = await quickCheck(join(dataDir, DB_FILE));
  const quickCheckMs = performance.now() - t0;
  const backend = await createBackend({
    dataDir,
    log: { info: () => undefined, error: (m, e) => process.stderr.write(`${m} ${String(e ?? '')}\n`) },
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let copyStart = 0;
  let checkStart = 0;
  const start = performance.now();
  loop.enable();
  const entry = await backend.backups.backup('manual', 'bench-backup', {
    onProgress: (p) => {
      if (p.phase === 'copy' && !copyStart) copyStart = performance.now();
      if (p.phase === 'check' && !checkStart) checkStart = performance.now();
    },
  });
  const end = performance.now();
  loop.disable();
  await backend.close();
  await rm(join(dataDir, 'backups', entry.id), { force: true });
  process.stdout.write(
    `${JSON.stringify({
      quickCheckMs,
      quickCheckOk: quickCheckDamage === null,
      totalMs: end - start,
      copyMs: checkStart - start,
      checkMs: end - checkStart,
      bytes: entry.size,
      check: entry.check,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      maxLoopDelayMs: loop.max / 1e6,
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
