import { z } from 'zod';
import { CODE_LISTS } from './customer';
import { complaintDueDays } from './complaint';
import { backupSettingsFields } from './backups';
import { CSV_ENCODINGS } from '../grid';
import { id, optionalMobile, optionalText, requiredText } from './common';

export const staffFields = {
  employeeNo: z
    .string('v.required')
    .trim()
    .min(1, 'v.required')
    .max(20, 'v.tooLong')
    .regex(/^[A-Za-z0-9_-]+$/, 'v.customerCode'),
  name: requiredText(50),
  department: optionalText(50),
  position: optionalText(50),
  phone: optionalMobile,
  active: z.boolean().optional().transform((v) => v ?? true),
};
export const staffInput = z.object(staffFields).strict();
export const staffCreateInput = z.object({ staff: staffInput }).strict();
export const staffUpdateInput = z.object({ id, changes: staffInput.partial().strict() }).strict();
export const staffRecord = z.object({
  id: z.int(),
  employeeNo: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  customerCount: z.int(),
});
export type StaffRecord = z.output<typeof staffRecord>;

export const codeListEntry = z.object({
  id: z.int(),
  list: z.enum(CODE_LISTS),
  code: z.string(),
  label: z.string(),
  active: z.boolean(),
  sortOrder: z.int(),
});
export type CodeListEntry = z.output<typeof codeListEntry>;
export const codeListSaveInput = z
  .object({
    id: id.optional(),
    list: z.enum(CODE_LISTS),
    code: z
      .string('v.required')
      .trim()
      .min(1, 'v.required')
      .max(40, 'v.tooLong')
      .regex(/^[A-Za-z0-9_-]+$/, 'v.customerCode'),
    label: requiredText(50),
    active: z.boolean().default(true),
    sortOrder: z.int().min(0).max(9999).default(0),
  })
  .strict();

export const auditRow = z.object({
  id: z.int(),
  at: z.string(),
  userName: z.string().nullable(),
  channel: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
});
export type AuditRow = z.output<typeof auditRow>;

export const SETTINGS = {
  'session.idleMinutes': z.int().min(1, 'v.tooSmall').max(480, 'v.tooLarge'),
  'access.defaultDays': z.int().min(1, 'v.tooSmall').max(30, 'v.tooLarge'),
  'complaints.dueDays': complaintDueDays,
  'contracts.expiringDays': z.int('v.required').min(1, 'v.tooSmall').max(365, 'v.tooLarge'),
  'backups.keepDaily': backupSettingsFields.keepDaily,
  'backups.keepMonthly': backupSettingsFields.keepMonthly,
  'exports.csvEncoding': z.enum(CSV_ENCODINGS, 'v.invalidChoice'),
} as const;
export const settingsRecord = z.object({ idleMinutes: z.int(), accessDefaultDays: z.int(), contractsExpiringDays: z.int(), csvEncoding: z.enum(CSV_ENCODINGS) });
export const settingsUpdateInput = z
  .object({ idleMinutes: SETTINGS['session.idleMinutes'], accessDefaultDays: SETTINGS['access.defaultDays'].optional(), contractsExpiringDays: SETTINGS['contracts.expiringDays'].optional(), csvEncoding: SETTINGS['exports.csvEncoding'].optional() })
  .strict();

export const doctorReport = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type DoctorReport = z.output<typeof doctorReport>;

/** 代码表季度复核: one review per quarter, recorded by an admin after going through the lists. */
export const codeListReview = z.object({
  quarter: z.string(),
  reviewedAt: z.string(),
  userName: z.string(),
  notes: z.string().nullable(),
});
export type CodeListReview = z.output<typeof codeListReview>;

export const codeListReviewStatus = z.object({
  /** The quarter today falls in, `2026-Q4`. */
  quarter: z.string(),
  /** This quarter's review, once recorded. */
  current: codeListReview.nullable(),
  /** The latest review of an earlier quarter. */
  previous: codeListReview.nullable(),
});
export type CodeListReviewStatus = z.output<typeof codeListReviewStatus>;

export const codeListReviewInput = z.object({ notes: optionalText(200) }).strict();
