import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs } from '@shared/i18n';
import { lookup } from '@shared/i18n/translate';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * The area's texts live under `access.*`, which the catalog test's scan (errors.* and v.* only) does not see:
 * every literal `access.…` key in the backend, the renderer and shared code must exist in both languages.
 */
describe('access texts', () => {
  it('every access.* key the code uses exists in zh-CN and en-US', async () => {
    const sources = [
      ...(await files(join(ROOT, 'electron/backend'))),
      ...(await files(join(ROOT, 'renderer/src'))),
      ...(await files(join(ROOT, 'shared'))).filter((f) => !f.includes(join('shared', 'i18n'))),
    ];
    const used = new Map<string, string>();
    for (const file of sources) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(
        /['"`](access\.(?:errors|today|orderCycle|form|approvals|requests|view|nav|history|settings|status|orderCycleStatus|fields)\.[A-Za-z.]+)['"`]/g,
      )) {
        used.set(m[1]!, relative(ROOT, file));
      }
    }
    for (const known of [
      'access.errors.noGrant',
      'access.today.pendingRequests',
      'access.orderCycle.submitted',
      'access.nav.requests',
    ]) {
      expect(used.has(known), known).toBe(true);
    }
    const missing = [...used]
      .filter(
        ([key]) =>
          lookup(catalogs['zh-CN'], key) === undefined || lookup(catalogs['en-US'], key) === undefined,
      )
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
