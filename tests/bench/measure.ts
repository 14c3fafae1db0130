/**
 * Timing and statistics for the benchmarks, and the rows they report. Figures are wall-clock milliseconds;
 * p95 uses the nearest-rank method (with 50 runs: the 48th fastest).
 */

export interface Stats {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('No samples');
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return {
    n: s.length,
    min: s[0]!,
    median,
    p95: rank(0.95),
    max: s.at(-1)!,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export interface SampleOptions {
  warmup: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's milliseconds. */
export async function sample(
  fn: (run: number) => Promise<unknown>,
  options: SampleOptions,
): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** One measurement of a run: resolves with its milliseconds (timed here, or reported by a tool). */
export type Probe = (run: number) => Promise<number>;

/** A probe timing `fn` with the wall clock. */
export function timed(fn: (run: number) => Promise<unknown>): Probe {
  return async (run) => {
    const t = performance.now();
    await fn(run);
    return performance.now() - t;
  };
}

/**
 * Runs several probes in turns, run by run (rotating which goes first), so that load from elsewhere on a
 * shared machine falls on all of them alike; returns each probe's measured runs after the warm-up.
 */
export async function sampleInterleaved(
  probes: readonly Probe[],
  options: SampleOptions,
): Promise<number[][]> {
  const out = probes.map(() => [] as number[]);
  for (let i = 0; i < options.warmup + options.runs; i++) {
    for (let k = 0; k < probes.length; k++) {
      const p = (i + k) % probes.length;
      const ms = await probes[p]!(i);
      if (i >= options.warmup) out[p]!.push(ms);
    }
  }
  return out;
}

/** One line of the report. A row without figures is a group heading. */
export interface Row {
  label: string;
  median?: string;
  p95?: string;
  target?: string;
  verdict?: 'meets' | 'misses' | 'n/a' | '';
  heading?: boolean;
}

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
export const times = (v: number) => `${v.toFixed(2)}×`;

export function heading(label: string): Row {
  return { label, heading: true };
}

/** A timing row; with `p95Below` the verdict compares the p95 with that target. */
export function timingRow(label: string, s: Stats, target?: { p95Below: number }): Row {
  return {
    label,
    median: `${ms(s.median)} ms`,
    p95: `${ms(s.p95)} ms`,
    target: target ? `p95 < ${target.p95Below} ms` : '',
    verdict: target ? (s.p95 < target.p95Below ? 'meets' : 'misses') : '',
  };
}

/**
 * How many times slower `a` is than `b`, by median and by p95; the verdict compares medians with `max`.
 * Below `resolution` ms (the sqlite3 shell's timer counts whole milliseconds) `b` is too coarse to divide by.
 */
export function ratioRow(label: string, a: Stats, b: Stats, max: number, resolution = 0): Row {
  if (b.median < 2 * resolution) {
    return {
      label,
      median: '—',
      p95: '—',
      target: `≤ ${max}× (bare < ${2 * resolution} ms: timer too coarse)`,
      verdict: 'n/a',
    };
  }
  const median = a.median / b.median;
  return {
    label,
    median: times(median),
    p95: times(a.p95 / Math.max(b.p95, resolution, 1e-6)),
    target: `≤ ${max}× (median)`,
    verdict: median <= max ? 'meets' : 'misses',
  };
}

/** Prints the rows as an aligned table: measurement | median | p95 | target | verdict. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['measurement', 'median', 'p95', 'target', 'verdict'];
  const cells = rows.map((r) =>
    r.heading
      ? null
      : [
          r.label,
          r.median ?? '',
          r.p95 ?? '',
          r.target ?? '',
          r.verdict === 'meets'
            ? '✓ meets'
            : r.verdict === 'misses'
              ? '✗ MISSES'
              : r.verdict === 'n/a'
                ? 'n/a'
                : '',
        ],
  );
  // String length counts a CJK character as one column; terminals show it as two.
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, w: number, right = false) =>
    right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s)));
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => (c ? width(c[i]!) : 0))));
  const line = (c: string[]) => c.map((v, i) => pad(v, widths[i]!, i === 1 || i === 2)).join(' | ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-')];
  rows.forEach((r, i) => out.push(r.heading ? `${r.label}` : line(cells[i]!)));
  return out.join('\n');
}
