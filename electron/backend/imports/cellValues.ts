import { isValidIsoDate } from '@shared/dates';
import { yuanToFen } from '@shared/money';
import type { RawCell } from './readTable';

/**
 * What a cell says, in the customer form's terms. Each reader returns the value or the message key of why the
 * cell cannot be read; the zod schemas of the form then check the value like any typed-in one.
 */
export type CellReading<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string | number> };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const bad = <T>(key: string, params?: Record<string, string | number>): CellReading<T> => ({ ok: false, key, ...(params ? { params } : {}) });

const pad = (n: number) => String(n).padStart(2, '0');
const isoFromUtc = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A cell as text: numbers without exponent or float noise (a phone typed as a number stays 13812345678). */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return isoFromUtc(cell);
  return '';
}

/** Nothing in the cell (a formula or an error value is something, even when it shows nothing). */
export const isBlank = (cell: RawCell | undefined): boolean =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');

/** Excel's day numbers (1900 system) for 1950–2100: a date cell that lost its date format. */
function fromExcelSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < 18_264 || n > 73_415) return null;
  return isoFromUtc(new Date(Date.UTC(1899, 11, 30) + n * 86_400_000));
}

const DATE_TEXT = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** A real Excel date, or text such as 2026-11-25, 2026/11/25, 2026.11.25, 2026年11月25日 or 20261125. */
export function readDate(cell: RawCell): CellReading<string> {
  if (cell instanceof Date) return ok(isoFromUtc(cell));
  if (typeof cell === 'number') {
    const serial = fromExcelSerial(cell);
    if (serial) return ok(serial);
  }
  const text = cellText(cell);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const m = compact ?? DATE_TEXT.exec(text);
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    if (isValidIsoDate(iso)) return ok(iso);
  }
  return bad('imports.problems.badDate');
}

/** One of a few letters: "A", "a", "A类", "A 类", "A级". */
export function readLetter<T extends string>(cell: RawCell, letters: readonly T[], key: string): CellReading<T> {
  const text = cellText(cell).normalize('NFKC').toUpperCase().replace(/\s+/g, '').replace(/[类级]$/, '');
  return (letters as readonly string[]).includes(text) ? ok(text as T) : bad(key, { choices: letters.join('、') });
}

/** A whole number 1–5 (客户实力, 成交可能性). */
export function readRating(cell: RawCell): CellReading<number> {
  const text = cellText(cell).normalize('NFKC');
  const n = Number(text);
  return /^\d+(\.0+)?$/.test(text) && n >= 1 && n <= 5 ? ok(n) : bad('v.range1to5');
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '重点', '是的', 'on']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '不是', '非重点', 'off']);

export function readYesNo(cell: RawCell): CellReading<boolean> {
  const text = cellText(cell).normalize('NFKC').toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad('imports.problems.badYesNo');
}

/**
 * Yuan as a number or text ("12,000.50", "¥12000", "1.2万") into integer fen, exactly (no float rounding); more
 * than two decimals is refused rather than rounded.
 */
export function readYuan(cell: RawCell): CellReading<number> {
  let text = cellText(cell).normalize('NFKC').replace(/[¥￥,\s]/g, '').replace(/元$/, '');
  let scale = 1;
  if (/万$/.test(text)) {
    text = text.slice(0, -1);
    scale = 10_000;
  }
  const fen = yuanToFen(text);
  if (fen === null) {
    // "1.2345万" is 12345 yuan: allow the decimals 万 moves into whole yuan.
    if (scale === 10_000 && /^\d{1,9}\.\d{1,6}$/.test(text)) {
      const [whole, frac] = text.split('.') as [string, string];
      return ok((Number(whole) * 10_000 + Number((frac + '000000').slice(0, 6)) / 100) * 100);
    }
    return bad('v.money');
  }
  return ok(fen * scale);
}

/** A choice by its code or by its label in either language (城区 / urban, 网络 / online …). */
export function readChoice<T extends string>(cell: RawCell, choices: ReadonlyMap<string, T>, labels: string): CellReading<T> {
  const text = cellText(cell).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const hit = choices.get(text);
  return hit ? ok(hit) : bad('imports.problems.badChoice', { choices: labels });
}
