/** Money is stored and computed as integer fen (分); yuan only appear at the edges (forms, print, export). */
export type Fen = number;

const YUAN_RE = /^-?\d{1,13}(\.\d{1,2})?$/;

/** Parses "1234.5" yuan into 123450 fen without floating-point rounding; null when malformed. */
export function yuanToFen(text: string): Fen | null {
  const s = text.trim().replace(/,/g, '');
  if (!YUAN_RE.test(s)) return null;
  const negative = s.startsWith('-');
  const [whole, frac = ''] = (negative ? s.slice(1) : s).split('.') as [string, string?];
  const fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -fen : fen;
}

/** Formats fen as yuan with two decimals and thousands separators, e.g. 123450 → "1,234.50". */
export function formatFen(fen: Fen, locale = 'zh-CN'): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan.toLocaleString(locale)}.${cents}`;
}
