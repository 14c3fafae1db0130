/**
 * Building the large database with the seed CLI's code (electron/cli/seedData.ts). Measured only when this run
 * had to build it; delete tests/bench/.work/ to measure it again. Target (issue): well under about 2 minutes.
 */
import type { Benchmark } from './context';
import type { Row } from './measure';

const TARGET_SECONDS = 120;

export const seedBench: Benchmark = {
  name: 'seed',
  description: 'build (or reuse) the large database with `npm run seed -- --customers` code',
  async run(ctx): Promise<Row[]> {
    const office = await ctx.largeOffice();
    const label = `seed ${office.seededCount.toLocaleString('en-US')} customers (+ contacts, history), 5,000 per transaction`;
    if (office.seededSeconds === null) {
      return [
        {
          label: `seed: reused the existing ${office.customers.toLocaleString('en-US')}-customer database (delete tests/bench/.work/ to re-measure)`,
        },
      ];
    }
    const s = office.seededSeconds;
    return [
      {
        label,
        median: `${s.toFixed(1)} s`,
        p95: '(1 run)',
        target: `< ${TARGET_SECONDS} s`,
        verdict: s < TARGET_SECONDS ? 'meets' : 'misses',
      },
    ];
  },
};
