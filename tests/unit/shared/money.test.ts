import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFen, yuanToFen } from '@shared/money';

/** Fen up to ±(10^13 yuan − 1 fen): the largest amounts the yuan parser accepts. */
const fen = fc
  .tuple(
    fc.integer({ min: 0, max: 99_999_999 }),
    fc.integer({ min: 0, max: 99_999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.boolean(),
  )
  .map(([high, low, cents, negative]) => {
    const abs = (high * 100_000 + low) * 100 + cents;
    return negative ? -abs : abs;
  });

describe('money (integer fen)', () => {
  it('formats fen as yuan and parses it back to the same integer', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const text = formatFen(f);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(yuanToFen(text)).toBe(f === 0 ? 0 : f);
        expect(Number.isInteger(yuanToFen(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses yuan with up to two decimals exactly, without floating-point error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        (yuan, cents, oneDigit) => {
          const decimals = oneDigit ? String(Math.floor(cents / 10)) : String(cents).padStart(2, '0');
          const expected = yuan * 100 + (oneDigit ? Math.floor(cents / 10) * 10 : cents);
          expect(yuanToFen(`${yuan}.${decimals}`)).toBe(expected);
          expect(yuanToFen(`${yuan}`)).toBe(yuan * 100);
          expect(yuanToFen(` ${yuan.toLocaleString('en-US')}.${decimals} `)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanToFen('1234.5')).toBe(123_450);
    expect(yuanToFen('-0.05')).toBe(-5);
    expect(formatFen(123_450)).toBe('1,234.50');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(0)).toBe('0.00');
  });

  it('refuses more than two decimals and anything that is not a plain amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 999 }), (yuan, frac) => {
        expect(yuanToFen(`${yuan}.${String(frac).padStart(3, '0')}`)).toBeNull();
      }),
    );
    for (const bad of [
      '',
      ' ',
      'abc',
      '1e5',
      '1.2.3',
      '¥12',
      '12元',
      '1,2a',
      '.5',
      '5.',
      '--1',
      '+1',
      'NaN',
      'Infinity',
      '0x10',
      '12345678901234',
    ]) {
      expect(yuanToFen(bad), bad).toBeNull();
    }
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = yuanToFen(s);
        if (v !== null) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(s.trim().replace(/,/g, '')).toMatch(/^-?\d+(\.\d{1,2})?$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
