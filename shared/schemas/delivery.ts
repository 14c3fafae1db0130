import { z } from 'zod';
import zh from '../i18n/zh-CN';
import { DEFAULT_SUB_FOLDER, MAX_FOLDER_LENGTH, MAX_PATTERN_LENGTH } from '../deliveryPaths';
import { id, optionalText, requiredText } from './common';

/**
 * Export targets (导出目标) and the delivery jobs of the outbox (exports.md "Targets", "Delivery guarantees").
 * The renderer names a target by id, never by path; the backend builds every path.
 */

/** A target's live state: 可用 / 不可达 / 只读 / 空间不足, or not checked yet. */
export const TARGET_STATES = ['unchecked', 'ok', 'unreachable', 'readOnly', 'full'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** Why an attempt failed; each has a label under `delivery.errors.*`. */
export const DELIVERY_ERRORS = [
  'unreachable',
  'readOnly',
  'full',
  'timeout',
  'verifyFailed',
  'badPath',
  'outboxMissing',
  'interrupted',
  'failed',
] as const;
export type DeliveryError = (typeof DELIVERY_ERRORS)[number];

/**
 * A job as the user sees it: waiting for its first attempt, failed (retrying with backoff), or delivered — or
 * closed without delivery: abandoned (已放弃, by a person, with a reason) or lost (无法投递: its outbox file is gone,
 * so no attempt could ever succeed).
 */
export const JOB_STATES = ['pending', 'failed', 'delivered', 'abandoned', 'lost'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const ATTEMPT_RESULTS = ['running', 'delivered', 'failed', 'interrupted'] as const;

/** The registers an export can name (the keys of `registers.*` in the catalog; areas add theirs there). */
export const REGISTER_KEYS = Object.keys(zh.registers) as string[];
export const registerKey = z.string().refine((k) => REGISTER_KEYS.includes(k), 'v.invalidChoice');

/**
 * A target as the admin enters it. The folder and pattern rules (relative path, device names, `..` …) are in
 * shared/deliveryPaths.ts; the backend applies them on save and the form shows them as the admin types.
 */
export const targetFields = {
  name: requiredText(40),
  folder: z.string('v.required').trim().min(1, 'v.required').max(MAX_FOLDER_LENGTH, 'v.tooLong'),
  subFolder: z.string().trim().max(MAX_PATTERN_LENGTH, 'v.tooLong').default(DEFAULT_SUB_FOLDER),
  enabled: z.boolean().default(true),
  defaultRegisters: z.array(registerKey).max(REGISTER_KEYS.length).default([]),
  manifest: z.boolean().default(false),
};
export const targetInput = z.object(targetFields).strict();
export const targetCreateInput = z.object({ target: targetInput }).strict();
export const targetUpdateInput = z.object({ id, target: targetInput }).strict();
export const targetCheckInput = z.object({ id: id.optional() }).strict();

export const targetRecord = z.object({
  id: z.int(),
  name: z.string(),
  folder: z.string(),
  subFolder: z.string(),
  enabled: z.boolean(),
  defaultRegisters: z.array(z.string()),
  manifest: z.boolean(),
  state: z.enum(TARGET_STATES),
  /** What the last check found when the state is not ok (an OS error code such as ENOENT, or a timeout). */
  stateDetail: z.string().nullable(),
  /** Free bytes on the target's volume at the last check; null when unknown. */
  freeBytes: z.number().min(0).nullable(),
  checkedAt: z.string().nullable(),
  /** Jobs waiting for this target. */
  pendingJobs: z.int().min(0),
  updatedAt: z.string(),
});
export type TargetRecord = z.output<typeof targetRecord>;

/** What an export menu needs of a target: enabled targets only, no path. */
export const targetOption = z.object({
  id: z.int(),
  name: z.string(),
  state: z.enum(TARGET_STATES),
  defaultRegisters: z.array(z.string()),
});
export type TargetOption = z.output<typeof targetOption>;

export const jobRow = z.object({
  id: z.int(),
  createdAt: z.string(),
  registerKey: z.string().nullable(),
  register: z.string(),
  fileName: z.string(),
  rows: z.int().min(0),
  bytes: z.number().min(0),
  sha256: z.string(),
  targetId: z.int(),
  targetName: z.string(),
  targetEnabled: z.boolean(),
  userName: z.string(),
  state: z.enum(JOB_STATES),
  attempts: z.int().min(0),
  lastError: z.enum(DELIVERY_ERRORS).nullable(),
  lastErrorDetail: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  finalPath: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  /** When an abandoned or lost job was closed, why, and by whom (null for lost: the app closed it). */
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  closedByName: z.string().nullable(),
});
export type JobRow = z.output<typeof jobRow>;

export const attemptRow = z.object({
  id: z.int(),
  jobId: z.int(),
  targetName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.enum(ATTEMPT_RESULTS),
  error: z.enum(DELIVERY_ERRORS).nullable(),
  errorDetail: z.string().nullable(),
  finalPath: z.string().nullable(),
});
export type AttemptRow = z.output<typeof attemptRow>;

export const jobIdInput = z.object({ id }).strict();
export const jobAttemptsInput = z.object({ jobId: id }).strict();
export const jobRedirectInput = z.object({ id, targetId: id }).strict();
/** 放弃: a job not delivered yet is given up; the reason is required (it goes to the audit log). */
export const jobAbandonInput = z.object({ id, reason: requiredText(200) }).strict();
export const targetDeleteInput = z.object({ id }).strict();

/** The id of a file the backend keeps for its caller (an export, a rendered PDF): opaque, URL-safe. */
export const keptFileId = z.string().regex(/^[\w-]{8,64}$/, 'v.invalidChoice');
/**
 * 发送到导出目标 for a file the host rendered and the backend keeps for the caller (a printed sheet as PDF):
 * the target by id, the register it files under (the `{register}` of sub-folders and the start of the file
 * name), and the sheet's document number for the file name (the customer code …), else the time.
 */
export const keptFileSendInput = z
  .object({ fileId: keptFileId, targetId: id, register: requiredText(40), docNo: optionalText(40) })
  .strict();
export const keptFileSent = z.object({ jobId: z.int(), targetId: z.int(), targetName: z.string(), fileName: z.string() });
export type KeptFileSent = z.output<typeof keptFileSent>;

/** Pushed after every attempt, so an export menu can say where its file went (or why not yet). */
export const jobEvent = z.object({
  jobId: z.int(),
  state: z.enum(JOB_STATES),
  fileName: z.string(),
  targetName: z.string(),
  error: z.enum(DELIVERY_ERRORS).nullable(),
  finalPath: z.string().nullable(),
});
