import type { IsoDate } from './dates';

/** A calendar quarter as the office names it in registers: `2026-Q4`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/** The quarter a local date falls in. */
export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(0, 4))}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`;
}

/** `2026-Q4` → { year: 2026, quarter: 4 }, for texts such as "2026 年第 4 季度". */
export function quarterParts(quarter: string): { year: number; quarter: number } {
  return { year: Number(quarter.slice(0, 4)), quarter: Number(quarter.slice(6)) };
}
