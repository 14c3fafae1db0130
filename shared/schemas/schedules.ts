import { z } from 'zod';
import { EXPORT_FORMATS } from '../grid';
import { scheduleRule, SCHEDULE_RULE_KINDS } from '../schedules';
import { id, requiredText } from './common';

/**
 * Scheduled exports (定时导出, exports.md "Scheduled exports"): what the admin enters and what the page shows.
 * The same schema checks the drawer as the admin types and the backend on save.
 */

/**
 * The registers a schedule can export: keys under `registers.*` whose export channel exists today (the customer
 * area). The backend maps each to its export channel (electron/backend/schedules/registers.ts); the gift store
 * and points registers join this list when their areas arrive.
 */
export const SCHEDULABLE_REGISTERS = [
  'customers',
  'contactList',
  'visits',
  'complaints',
  'contracts',
  'satisfaction',
  'resourceStats',
] as const;
export type SchedulableRegister = (typeof SCHEDULABLE_REGISTERS)[number];

/** The spec's default schedules, created by migration 013 (disabled until an admin picks a target). */
export const SCHEDULE_PRESETS = ['weeklyBundle', 'monthEnd'] as const;
export type SchedulePreset = (typeof SCHEDULE_PRESETS)[number];

export const scheduleFields = {
  name: requiredText(40),
  rule: scheduleRule,
  registers: z
    .array(z.enum(SCHEDULABLE_REGISTERS, 'v.invalidChoice'))
    .min(1, 'schedules.v.registers')
    .max(SCHEDULABLE_REGISTERS.length, 'v.tooMany')
    .refine((keys) => new Set(keys).size === keys.length, 'schedules.v.registersTwice'),
  /** Only registers whose records changed since Monday of the run's week (the Friday bundle). */
  changedOnly: z.boolean().default(false),
  format: z.enum(EXPORT_FORMATS, 'v.invalidChoice'),
  targetId: id.nullable(),
  /** The user the export runs as: that user's permissions and A-class visibility, never more. */
  ownerId: id.nullable(),
  enabled: z.boolean().default(false),
};

export const scheduleInput = z
  .object(scheduleFields)
  .strict()
  .superRefine((s, ctx) => {
    // An enabled schedule must know where the files go and whose eyes it exports with.
    if (s.enabled && s.targetId === null)
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'schedules.v.targetNeeded' });
    if (s.enabled && s.ownerId === null)
      ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'schedules.v.ownerNeeded' });
  });
export type ScheduleInput = z.input<typeof scheduleInput>;

export const scheduleCreateInput = z.object({ schedule: scheduleInput }).strict();
export const scheduleUpdateInput = z.object({ id, schedule: scheduleInput }).strict();
export const scheduleEnableInput = z.object({ id, enabled: z.boolean() }).strict();
export const scheduleIdInput = z.object({ id }).strict();
export const scheduleRunsInput = z
  .object({ scheduleId: id.optional(), limit: z.int().min(1).max(500).default(200) })
  .strict();

export const RUN_RESULTS = ['running', 'ok', 'partial', 'failed', 'interrupted'] as const;
export type RunResult = (typeof RUN_RESULTS)[number];
/** Why a run started: its due time while the app ran, a due time passed while it was closed, or 立即运行. */
export const RUN_TRIGGERS = ['due', 'catchUp', 'manual'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const scheduleRecord = z.object({
  id: z.int(),
  name: z.string(),
  enabled: z.boolean(),
  rule: scheduleRule,
  ruleKind: z.enum(SCHEDULE_RULE_KINDS),
  registers: z.array(z.enum(SCHEDULABLE_REGISTERS)),
  changedOnly: z.boolean(),
  format: z.enum(EXPORT_FORMATS),
  targetId: z.int().nullable(),
  targetName: z.string().nullable(),
  targetEnabled: z.boolean().nullable(),
  ownerId: z.int().nullable(),
  ownerName: z.string().nullable(),
  preset: z.enum(SCHEDULE_PRESETS).nullable(),
  lastRunAt: z.string().nullable(),
  lastResult: z.enum(RUN_RESULTS).nullable(),
  nextRunAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ScheduleRecord = z.output<typeof scheduleRecord>;

/** One register's outcome in a run. */
export const registerOutcome = z.object({
  register: z.enum(SCHEDULABLE_REGISTERS),
  state: z.enum(['sent', 'skipped', 'failed']),
  jobId: z.int().nullable(),
  rows: z.int().nullable(),
  fileName: z.string().nullable(),
  /** An i18n key and its params (the export's own error, e.g. errors.forbidden). */
  error: z.string().nullable(),
  errorParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type RegisterOutcome = z.output<typeof registerOutcome>;

export const runRow = z.object({
  id: z.int(),
  scheduleId: z.int(),
  scheduleName: z.string(),
  trigger: z.enum(RUN_TRIGGERS),
  dueAt: z.string().nullable(),
  /** Due times that passed while the app was closed, caught up by this one run. */
  missed: z.int().min(0),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.enum(RUN_RESULTS),
  jobIds: z.array(z.int()),
  outcomes: z.array(registerOutcome),
  /** A run-level error key (no target, target disabled, owner inactive …) with its params. */
  error: z.string().nullable(),
  errorParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type RunRow = z.output<typeof runRow>;

export const scheduleOptions = z.object({
  registers: z.array(z.enum(SCHEDULABLE_REGISTERS)),
  owners: z.array(
    z.object({ id: z.int(), displayName: z.string(), username: z.string(), projectStaff: z.boolean() }),
  ),
});
