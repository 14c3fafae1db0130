import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, isValidIsoDate, localDate, startOfLocalDay } from '@shared/dates';

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dates (ISO calendar dates)', () => {
  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(isValidIsoDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(n);
        expect(daysBetween(moved, date) + 0).toBe(-n + 0); // never -0
        expect(addDays(moved, -n)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('orders dates as text the same way as in time', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(Math.sign(daysBetween(a, b))).toBe(a === b ? 0 : a < b ? 1 : -1);
      }),
    );
  });

  it('accepts every real calendar date and no impossible one', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(isValidIsoDate(d)).toBe(true);
      }),
    );
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-5',
      '26-01-05',
      '2026/01/05',
      '2026-01-05T00:00:00Z',
      '',
      ' 2026-01-05',
    ]) {
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])
      expect(isValidIsoDate(good), good).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('maps a local calendar day to the instant it starts, and back', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const start = startOfLocalDay(d);
        expect(localDate(new Date(start))).toBe(d);
        expect(localDate(new Date(Date.parse(start) - 1))).toBe(addDays(d, -1));
      }),
    );
  });
});
