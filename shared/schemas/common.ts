import { z } from 'zod';
import { isValidIsoDate } from '../dates';

/** Field builders shared by every form and channel; messages are i18n keys (see validation.ts). */

export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0571-87654321, 010 12345678, optional extension -123. */
export const LANDLINE_RE = /^0\d{2,3}[- ]?\d{7,8}(-\d{1,6})?$/;
const WEBSITE_RE = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(:\d{1,5})?(\/\S*)?$/i;

const emptyToNull = (s: string | null | undefined) => (s === undefined || s === null || s === '' ? null : s);

export const requiredText = (max: number) => z.string('v.required').trim().min(1, 'v.required').max(max, 'v.tooLong');

export const optionalText = (max: number) =>
  z.string().trim().max(max, 'v.tooLong').nullable().optional().transform(emptyToNull);

const optionalMatching = (re: RegExp, key: string, max = 40) =>
  z
    .string()
    .trim()
    .max(max, 'v.tooLong')
    .nullable()
    .optional()
    .transform(emptyToNull)
    .refine((v) => v === null || re.test(v), key);

export const isMobile = (s: string) => MOBILE_RE.test(s);
export const isLandline = (s: string) => LANDLINE_RE.test(s);

export const optionalMobile = optionalMatching(MOBILE_RE, 'v.mobile');
export const optionalLandline = optionalMatching(LANDLINE_RE, 'v.landline');
/** A phone of either kind, as customers and contacts give them. */
export const optionalPhone = optionalMatching(new RegExp(`(${MOBILE_RE.source})|(${LANDLINE_RE.source})`), 'v.phone');
export const optionalEmail = optionalMatching(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, 'v.email', 100);
export const optionalWebsite = optionalMatching(WEBSITE_RE, 'v.website', 200);

export const isoDate = z.string('v.required').refine(isValidIsoDate, 'v.date');
export const optionalIsoDate = z.string().nullable().optional().transform(emptyToNull).refine((v) => v === null || isValidIsoDate(v), 'v.date');

export const id = z.int('v.required').positive('v.required');
export const rating1to5 = z.int().min(1, 'v.range1to5').max(5, 'v.range1to5').nullable().optional().transform((v) => v ?? null);

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
