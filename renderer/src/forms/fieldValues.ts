import dayjs, { type Dayjs } from 'dayjs';
import { yuanToFen } from '@shared/money';

/** Conversions between what antd inputs hold and what the contract carries. */
export const toIsoDate = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
export const fromIsoDate = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);

/** Yuan typed in a form → integer fen; `undefined` when the text is not an amount. */
export function yuanInputToFen(value: unknown): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const fen = yuanToFen(String(value));
  return fen === null ? undefined : fen;
}

export const fenToYuanInput = (fen: number | null | undefined): string | null => (fen == null ? null : (fen / 100).toFixed(2));

export const blankToNull = (v: unknown) => (v === undefined || v === '' ? null : v);
