import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classDistribution } from '@shared/reports/classDistribution';

describe('class distribution against the 20/40/40 guideline', () => {
  it('gives shares that add up to 1000 permille within rounding', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        (a, b, c) => {
          fc.pre(a + b + c > 0);
          const shares = classDistribution([
            { abcClass: 'C', count: c },
            { abcClass: 'A', count: a },
            { abcClass: 'B', count: b },
          ]);
          expect(shares.map((s) => s.abcClass)).toEqual(['A', 'B', 'C']);
          expect(shares.map((s) => s.count)).toEqual([a, b, c]);
          const sum = shares.reduce((t, s) => t + s.actualPermille, 0);
          expect(Math.abs(sum - 1000)).toBeLessThanOrEqual(1);
          for (const s of shares) {
            expect(Number.isInteger(s.actualPermille)).toBe(true);
            expect(s.actualPermille).toBeGreaterThanOrEqual(0);
            expect(s.actualPermille).toBeLessThanOrEqual(1000);
            expect(Math.abs(s.actualPermille - (s.count * 1000) / (a + b + c))).toBeLessThanOrEqual(0.5);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('shows zero shares for an empty archive and the guideline either way', () => {
    expect(classDistribution([])).toEqual([
      { abcClass: 'A', count: 0, actualPermille: 0, guidelinePercent: 20 },
      { abcClass: 'B', count: 0, actualPermille: 0, guidelinePercent: 40 },
      { abcClass: 'C', count: 0, actualPermille: 0, guidelinePercent: 40 },
    ]);
    expect(
      classDistribution([
        { abcClass: 'A', count: 1 },
        { abcClass: 'B', count: 2 },
        { abcClass: 'C', count: 5 },
      ]).map((s) => s.actualPermille),
    ).toEqual([125, 250, 625]);
  });
});
