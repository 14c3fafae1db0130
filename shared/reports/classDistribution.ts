import type { AbcClass } from '../schemas/customer';

/** The office's guideline for the ABC mix (customers.md): about 20% A, 40% B, 40% C. */
export const CLASS_GUIDELINE_PERCENT: Record<AbcClass, number> = { A: 20, B: 40, C: 40 };

export interface ClassShare {
  abcClass: AbcClass;
  count: number;
  /** Share of all customers in tenths of a percent (integer), so 18.5% is 185. */
  actualPermille: number;
  guidelinePercent: number;
}

/** Actual class shares next to the guideline, for the dashboard chart; shares of an empty archive are 0. */
export function classDistribution(byClass: readonly { abcClass: AbcClass; count: number }[]): ClassShare[] {
  const total = byClass.reduce((sum, c) => sum + c.count, 0);
  return (['A', 'B', 'C'] as const).map((abcClass) => {
    const count = byClass.find((c) => c.abcClass === abcClass)?.count ?? 0;
    return {
      abcClass,
      count,
      actualPermille: total === 0 ? 0 : Math.round((count * 1000) / total),
      guidelinePercent: CLASS_GUIDELINE_PERCENT[abcClass],
    };
  });
}
