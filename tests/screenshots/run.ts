/**
 * `npm run screenshots`: regenerates docs/screenshots/ — the foundation's screens (take.ts) and each area's
 * (one script per area, each with its own browser host and demo office). The renderer must be built (the npm
 * script builds first). `npm run screenshots -- visits complaints` runs only those areas.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const SCRIPTS = ['take', 'calendar', 'visits', 'complaints', 'contracts', 'access', 'imports', 'delivery', 'backups', 'schedules', 'customer-merge', 'code-lists'];

const wanted = process.argv.slice(2);
const selected = wanted.length ? SCRIPTS.filter((s) => wanted.includes(s)) : SCRIPTS;
let failed = 0;
for (const script of selected) {
  console.log(`— ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, `${script}.ts`)], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${script}.ts failed (exit ${result.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
