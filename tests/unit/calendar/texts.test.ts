import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs } from '@shared/i18n';
import { lookup } from '@shared/i18n/translate';
import { CALENDAR_IMPORT_PROBLEMS } from '@shared/schemas/calendar';
import { CALENDAR_DAY_KINDS } from '@shared/workingDays';
import { kindMismatch } from '../../../electron/backend/calendar/rules';
import { DEMO_CALENDAR_2026 } from '../../../electron/backend/demo/calendar';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The calendar's messages are keys under `calendar.` (the shared catalog test only looks for errors.* and v.*). */
describe('calendar texts', () => {
  it('every literal calendar.* key in the backend, the contract and the page exists in both languages', async () => {
    const sources = [
      ...(await files('electron/backend/calendar')),
      ...(await files('renderer/src/features/calendar')),
      'shared/contract/calendar.ts',
      'shared/schemas/calendar.ts',
    ];
    const keys = new Set<string>();
    for (const file of sources) {
      const text = await readFile(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/['"`](calendar\.[a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)['"`]/g)) keys.add(m[1]!);
    }
    // The channel names are not message keys.
    const messages = [...keys].filter(
      (k) => !/^calendar\.(query|years|create|update|remove|importPreview|import|manage)$/.test(k),
    );
    expect(messages.length).toBeGreaterThan(15);
    const missing = messages.filter(
      (k) => lookup(catalogs['zh-CN'], k) === undefined || lookup(catalogs['en-US'], k) === undefined,
    );
    expect(missing).toEqual([]);
  });

  it('has the keys built at run time: kinds, weekdays, import problems and statuses, rule errors', () => {
    const built = [
      ...CALENDAR_DAY_KINDS.map((k) => `calendar.kinds.${k}`),
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => `calendar.weekdays.d${d}`),
      ...CALENDAR_IMPORT_PROBLEMS.map((p) => `calendar.import.problems.${p}`),
      ...['new', 'same', 'problem'].map((s) => `calendar.import.statuses.${s}`),
      'calendar.errors.weekendHoliday',
      'calendar.errors.weekdayWorkday',
      'audit.entities.calendarDay',
      'audit.actions.import',
    ];
    for (const key of built) {
      expect(lookup(catalogs['zh-CN'], key), key).toBeDefined();
      expect(lookup(catalogs['en-US'], key), key).toBeDefined();
    }
  });

  it('the demo calendar lists only meaningful, named entries', () => {
    for (const day of DEMO_CALENDAR_2026) {
      expect(kindMismatch(day.date, day.kind), day.date).toBeNull();
      expect(day.name, day.date).not.toBe('');
    }
    expect(new Set(DEMO_CALENDAR_2026.map((d) => d.date)).size).toBe(DEMO_CALENDAR_2026.length);
  });
});
