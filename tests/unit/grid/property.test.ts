import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ChannelInput } from '@shared/contract';
import type { AbcClass } from '@shared/schemas/customer';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { nameSortKey } from '../../../electron/backend/customers/sortKey';

/**
 * Property: for random filter models over a small random archive, the grid returns exactly what a plain
 * in-memory filter returns, in the same order, with the same count.
 */
interface Ref {
  id: number;
  code: string;
  name: string;
  abcClass: AbcClass;
  strength: number | null;
}

type TextType = 'contains' | 'notContains' | 'equals' | 'notEqual' | 'startsWith' | 'endsWith';
type NumberType =
  'equals' | 'notEqual' | 'lessThan' | 'lessThanOrEqual' | 'greaterThan' | 'greaterThanOrEqual' | 'inRange';
interface TextCond {
  filterType: 'text';
  type: TextType;
  filter: string;
}
type TextFilter = TextCond | { filterType: 'text'; operator: 'AND' | 'OR'; conditions: TextCond[] };
interface NumberCond {
  filterType: 'number';
  type: NumberType;
  filter: number;
  filterTo: number;
}
type NumberFilter = NumberCond | { filterType: 'number'; operator: 'AND' | 'OR'; conditions: NumberCond[] };
interface Model {
  name?: TextFilter;
  abcClass?: { filterType: 'set'; values: AbcClass[] };
  strength?: NumberFilter;
}
type SortCol = 'name' | 'abcClass' | 'strength' | 'code';

// Chinese, digits, LIKE wildcards, the escape character and Latin letters in both cases.
const ALPHABET = ['华', '东', '西', '湖', '商', '5', '0', '%', '_', '\\', 'a', 'A', 'b'];
const word = (min: number, max: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
/** SQLite's LIKE folds ASCII letters only; the alphabet's non-ASCII characters have no case. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function textMatch(value: string, c: TextCond): boolean {
  const v = fold(value);
  const f = fold(c.filter);
  switch (c.type) {
    case 'contains':
      return v.includes(f);
    case 'notContains':
      return !v.includes(f);
    case 'equals':
      return value === c.filter;
    case 'notEqual':
      return value !== c.filter;
    case 'startsWith':
      return v.startsWith(f);
    case 'endsWith':
      return v.endsWith(f);
  }
}

function numberMatch(value: number | null, c: NumberCond): boolean {
  if (c.type === 'notEqual') return value === null || value !== c.filter;
  if (value === null) return false;
  switch (c.type) {
    case 'equals':
      return value === c.filter;
    case 'lessThan':
      return value < c.filter;
    case 'lessThanOrEqual':
      return value <= c.filter;
    case 'greaterThan':
      return value > c.filter;
    case 'greaterThanOrEqual':
      return value >= c.filter;
    case 'inRange':
      return value >= Math.min(c.filter, c.filterTo) && value <= Math.max(c.filter, c.filterTo);
  }
}

function combine<C>(
  filter: C | { operator: 'AND' | 'OR'; conditions: C[] },
  match: (c: C) => boolean,
): boolean {
  if (typeof filter === 'object' && filter !== null && 'conditions' in filter) {
    return filter.operator === 'AND' ? filter.conditions.every(match) : filter.conditions.some(match);
  }
  return match(filter as C);
}

function reference(rows: Ref[], model: Model, sort: { colId: SortCol; sort: 'asc' | 'desc' }[]): Ref[] {
  const kept = rows.filter(
    (r) =>
      (!model.name || combine(model.name, (c) => textMatch(r.name, c))) &&
      (!model.abcClass || model.abcClass.values.includes(r.abcClass)) &&
      (!model.strength || combine(model.strength, (c) => numberMatch(r.strength, c))),
  );
  const order = sort.length ? sort : [{ colId: 'code' as const, sort: 'asc' as const }];
  // SQLite: NULL sorts first ascending; text compares by code point (BINARY); names sort by their pinyin key.
  const cmp = (a: string | number | null, b: string | number | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
  const key = (r: Ref, colId: SortCol) => (colId === 'name' ? nameSortKey(r.name) : r[colId]);
  return kept.sort((x, y) => {
    for (const s of order) {
      const d = cmp(key(x, s.colId), key(y, s.colId));
      if (d !== 0) return s.sort === 'asc' ? d : -d;
    }
    return x.id - y.id;
  });
}

const textCond: fc.Arbitrary<TextCond> = fc.record({
  filterType: fc.constant('text' as const),
  type: fc.constantFrom<TextType>('contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith'),
  filter: word(0, 3),
});
const numberCond: fc.Arbitrary<NumberCond> = fc.record({
  filterType: fc.constant('number' as const),
  type: fc.constantFrom<NumberType>(
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
  ),
  filter: fc.integer({ min: 0, max: 6 }),
  filterTo: fc.integer({ min: 0, max: 6 }),
});
const combined = <C>(cond: fc.Arbitrary<C>, filterType: 'text' | 'number') =>
  fc.record({
    filterType: fc.constant(filterType),
    operator: fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
    conditions: fc.array(cond, { minLength: 1, maxLength: 2 }),
  });

const modelArb: fc.Arbitrary<Model> = fc.record(
  {
    name: fc.oneof(textCond, combined(textCond, 'text')) as fc.Arbitrary<TextFilter>,
    abcClass: fc.record({
      filterType: fc.constant('set' as const),
      values: fc.subarray<AbcClass>(['A', 'B', 'C']),
    }),
    strength: fc.oneof(numberCond, combined(numberCond, 'number')) as fc.Arbitrary<NumberFilter>,
  },
  { requiredKeys: [] },
);
const sortArb = fc.uniqueArray(
  fc.record({
    colId: fc.constantFrom<SortCol>('name', 'abcClass', 'strength', 'code'),
    sort: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  }),
  {
    maxLength: 2,
    selector: (s) => s.colId,
  },
);

describe('grid filters agree with an in-memory reference (fast-check)', () => {
  let env: TestEnv;
  let clerk: TestUser;
  const rows: Ref[] = [];

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    const staffId = await env.createStaff();
    const archive = fc.sample(
      fc.record({
        name: word(1, 6),
        abcClass: fc.constantFrom<AbcClass>('A', 'B', 'C'),
        strength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      }),
      { numRuns: 40, seed: 20261125 },
    );
    for (const [i, values] of archive.entries()) {
      const code = `P${String(i + 1).padStart(3, '0')}`;
      const { customer } = await createCustomer(
        env,
        clerk.caller,
        customerValues(staffId, { code, ...values }),
      );
      rows.push({
        id: customer.id,
        code,
        name: customer.name,
        abcClass: customer.abcClass,
        strength: customer.strength,
      });
    }
    expect(new Set(rows.map((r) => r.name)).size).toBeGreaterThan(20);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('returns the reference rows, order and count for random filter models', async () => {
    await fc.assert(
      fc.asyncProperty(
        modelArb,
        sortArb,
        fc.nat({ max: 45 }),
        fc.integer({ min: 1, max: 50 }),
        async (model, sortModel, startRow, size) => {
          const expected = reference(rows, model, sortModel);
          const input: ChannelInput<'customers.query'> = {
            filterModel: model as never,
            sortModel,
            quickSearch: '',
            startRow,
            endRow: startRow + size,
          };
          const page = await env.call(clerk.caller, 'customers.query', input);
          expect(page.rowCount).toBe(expected.length);
          expect(page.rows.map((r) => r.id)).toEqual(
            expected.slice(startRow, startRow + size).map((r) => r.id),
          );
        },
      ),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('finds by quick search exactly the customers whose code or name contains the text', async () => {
    await fc.assert(
      fc.asyncProperty(word(1, 4), async (text) => {
        const needle = fold(text);
        const expected = rows
          .filter((r) => fold(r.name).includes(needle) || fold(r.code).includes(needle))
          .map((r) => r.id);
        const page = await env.call(clerk.caller, 'customers.query', {
          quickSearch: text,
          startRow: 0,
          endRow: 100,
        });
        expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
        expect(page.rowCount).toBe(expected.length);
      }),
      { numRuns: 200, seed: 1125 },
    );
  });
});
