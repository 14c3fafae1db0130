import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs } from '@shared/i18n';
import { leafKeys, lookup, translator } from '@shared/i18n/translate';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every literal message key ('errors.…' or 'v.…') the backend and shared code can send to the renderer. */
async function messageKeysInCode(): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const files = [
    ...(await sourceFiles(join(ROOT, 'electron/backend'))),
    ...(await sourceFiles(join(ROOT, 'shared'))),
  ].filter((f) => !f.includes(join('shared', 'i18n')));
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(
      /['"`]((?:errors|v)\.[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)['"`]/g,
    )) {
      keys.set(m[1]!, relative(ROOT, file));
    }
  }
  return keys;
}

describe('message catalogs', () => {
  const zh = catalogs['zh-CN'];
  const en = catalogs['en-US'];

  it('zh-CN and en-US have the same keys', () => {
    const zhKeys = leafKeys(zh).sort();
    const enKeys = leafKeys(en).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.length).toBeGreaterThan(100);
  });

  it('have no empty text and use the same {{placeholders}} in both languages', () => {
    for (const key of leafKeys(zh)) {
      const a = lookup(zh, key)!;
      const b = lookup(en, key);
      expect(a.trim(), key).not.toBe('');
      expect(b?.trim(), key).not.toBe('');
      const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(params(b ?? ''), key).toEqual(params(a));
    }
  });

  it('contain every message key the backend and shared code use', async () => {
    const used = await messageKeysInCode();
    // The scan must actually find the keys it is meant to check.
    for (const known of [
      'errors.customer.codeTaken',
      'errors.auth.locked',
      'errors.forbidden',
      'v.required',
      'v.phone',
      'v.futureDate',
      'v.unknownCode',
      'v.staffUnknown',
    ]) {
      expect(used.has(known), known).toBe(true);
    }
    const missing = [...used]
      .filter(([key]) => lookup(zh, key) === undefined || lookup(en, key) === undefined)
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('contain the keys built at run time: enums, fields and audit words used in exports', () => {
    for (const key of [
      'enums.abcClass.A',
      'enums.bool.true',
      'enums.bool.false',
      'enums.status.archived',
      'enums.infoSource.salesVisit',
      'enums.urbanRural.rural',
      'registers.customers',
      'registers.audit',
      'exports.generatedAt',
      'exports.by',
    ]) {
      expect(lookup(zh, key), key).toBeTypeOf('string');
      expect(lookup(en, key), key).toBeTypeOf('string');
    }
  });

  it('translates with interpolation and falls back to the key', () => {
    const t = translator(zh);
    expect(t('errors.customer.codeTaken', { code: 'KH1' })).toContain('KH1');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
