import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs } from '@shared/i18n';
import { leafKeys, lookup } from '@shared/i18n/translate';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The shared catalog test checks `errors.…` and `v.…` keys; this area's own keys (`visits.errors.…`, the today
 * line, register names) are checked here: every literal the backend sends must read in both languages.
 */
describe('visits area texts', () => {
  it('has every key the backend of this area sends', async () => {
    const dir = join(ROOT, 'electron/backend/visits');
    const keys = new Set<string>();
    for (const file of await readdir(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const m of text.matchAll(/['"`]((?:visits\.(?:errors|today|enums|fields|overdue|contactList)|registers|errors|v)(?:\.[A-Za-z][A-Za-z0-9]*)+)['"`]/g)) keys.add(m[1]!);
    }
    expect([...keys]).toContain('visits.errors.planDuplicate');
    expect([...keys]).toContain('registers.visits');
    // A key is a text, or (an enum's prefix such as `visits.enums.channel`) the start of texts.
    const known = (locale: 'zh-CN' | 'en-US', k: string) =>
      lookup(catalogs[locale], k) !== undefined || leafKeys(catalogs[locale]).some((leaf) => leaf.startsWith(`${k}.`));
    const missing = [...keys].filter((k) => !known('zh-CN', k) || !known('en-US', k));
    expect(missing).toEqual([]);
  });

  it('names the registers as the office does', () => {
    const t = (k: string) => lookup(catalogs['zh-CN'], k);
    expect(t('registers.visits')).toBe('客户拜访记录台账');
    expect(t('registers.contactList')).toBe('客户联络一览表');
    expect(t('visits.today.overdue')).toBe('{{count}} 位客户逾期未联系');
  });
});
