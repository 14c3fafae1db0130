import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMPLAINT_TYPES } from '@shared/schemas/complaint';
import {
  complaintsByMonth,
  monthAfter,
  monthsBetween,
  type MonthTypeCount,
} from '@shared/reports/complaintsByMonth';

const month = fc
  .record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

describe('complaints by type and month (the chart’s data)', () => {
  it('counts the months of a range, across a year boundary', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
    expect(monthAfter('2026-12')).toBe('2027-01');
  });

  it('gives one row per month in order, zeros for quiet months, the same totals as the counts inside the range', () => {
    fc.assert(
      fc.property(
        month,
        fc.integer({ min: 0, max: 35 }),
        fc.array(
          fc.record({
            month,
            type: fc.constantFrom(...COMPLAINT_TYPES),
            count: fc.integer({ min: 1, max: 50 }),
          }),
          { maxLength: 60 },
        ),
        (from, span, counts: MonthTypeCount[]) => {
          let to = from;
          for (let i = 0; i < span; i++) to = monthAfter(to);
          const rows = complaintsByMonth(counts, from, to);
          expect(rows.map((r) => r.month)).toEqual(monthsBetween(from, to));
          expect(rows).toHaveLength(span + 1);
          const inside = counts.filter((c) => c.month >= from && c.month <= to);
          for (const type of COMPLAINT_TYPES) {
            expect(rows.reduce((n, r) => n + r[type], 0)).toBe(
              inside.filter((c) => c.type === type).reduce((n, c) => n + c.count, 0),
            );
          }
          for (const r of rows) expect(r.total).toBe(r.suggestion + r.query + r.grievance + r.complaint);
        },
      ),
      { numRuns: 500 },
    );
  });
});
