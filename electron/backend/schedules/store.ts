import { AppError, fieldError } from '@shared/errors';
import type { ScheduleRule } from '@shared/schedules';
import type {
  RunRow,
  ScheduleInput,
  ScheduleRecord,
  SchedulableRegister,
  SchedulePreset,
  RunResult,
} from '@shared/schemas/schedules';
import type { scheduleInput } from '@shared/schemas/schedules';
import type { z } from 'zod';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import type { WriteContext } from '../handlers';
import { loadWorkingCalendar } from '../calendar/load';
import { nextDue } from '@shared/schedules';

/** Rows of export_schedules and export_schedule_runs as the page shows them. */

const SELECT = `SELECT s.id, s.name, s.enabled, s.rule, s.registers, s.changed_only AS changedOnly, s.format, s.target_id AS targetId,
  t.name AS targetName, t.enabled AS targetEnabled, s.owner_id AS ownerId, u.display_name AS ownerName, s.preset,
  s.last_run_at AS lastRunAt, s.last_result AS lastResult, s.next_run_at AS nextRunAt, s.updated_at AS updatedAt
  FROM export_schedules s LEFT JOIN delivery_targets t ON t.id = s.target_id LEFT JOIN users u ON u.id = s.owner_id`;

function toRecord(raw: Record<string, unknown>): ScheduleRecord {
  const rule = JSON.parse(raw.rule as string) as ScheduleRule;
  return {
    ...(raw as unknown as ScheduleRecord),
    enabled: raw.enabled === 1,
    rule,
    ruleKind: rule.kind,
    registers: JSON.parse(raw.registers as string) as SchedulableRegister[],
    changedOnly: raw.changedOnly === 1,
    targetEnabled: raw.targetEnabled === null ? null : raw.targetEnabled === 1,
    preset: (raw.preset as SchedulePreset | null) ?? null,
    lastResult: (raw.lastResult as RunResult | null) ?? null,
  };
}

export async function listSchedules(db: Reader | Tx): Promise<ScheduleRecord[]> {
  return (await db.all<Record<string, unknown>>(`${SELECT} ORDER BY s.id`)).map(toRecord);
}

export async function loadSchedule(db: Reader | Tx, id: number): Promise<ScheduleRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`${SELECT} WHERE s.id = ?`, [id]);
  return raw ? toRecord(raw) : undefined;
}

type Parsed = z.output<typeof scheduleInput>;

/** The next due time of an enabled schedule (null while disabled: a disabled schedule is never due). */
export async function nextRunOf(
  db: Reader | Tx,
  enabled: boolean,
  rule: ScheduleRule,
  after: Date,
): Promise<string | null> {
  if (!enabled) return null;
  return nextDue(rule, after, await loadWorkingCalendar(db))?.toISOString() ?? null;
}

/** The references a schedule names must exist: a target (enabled, if the schedule is) and an active owner. */
async function checkReferences(tx: Tx, s: Parsed): Promise<void> {
  if (s.targetId !== null) {
    const target = await tx.get<{ name: string; enabled: number }>(
      'SELECT name, enabled FROM delivery_targets WHERE id = ?',
      [s.targetId],
    );
    if (!target) throw fieldError('schedule.targetId', 'delivery.errors.targetNotFound');
    if (s.enabled && target.enabled !== 1)
      throw fieldError('schedule.targetId', 'delivery.errors.targetDisabled', { name: target.name });
  }
  if (s.ownerId !== null) {
    const owner = await tx.get<{ active: number; name: string }>(
      'SELECT active, display_name AS name FROM users WHERE id = ?',
      [s.ownerId],
    );
    if (!owner) throw fieldError('schedule.ownerId', 'schedules.errors.ownerNotFound');
    if (owner.active !== 1)
      throw fieldError('schedule.ownerId', 'schedules.errors.ownerInactive', { name: owner.name });
  }
}

async function checkNameFree(tx: Tx, name: string, exceptId: number | null): Promise<void> {
  const clash = await tx.get<{ id: number }>(
    'SELECT id FROM export_schedules WHERE name = ? COLLATE NOCASE',
    [name],
  );
  if (clash && clash.id !== exceptId) {
    throw new AppError('CONFLICT', 'schedules.errors.nameTaken', {
      params: { name },
      issues: [{ path: 'schedule.name', key: 'schedules.errors.nameTaken', params: { name } }],
    });
  }
}

/** Creates or replaces a schedule in the caller's transaction, audited; answers with the saved record. */
export async function saveSchedule(w: WriteContext, id: number | null, s: Parsed): Promise<ScheduleRecord> {
  const before = id === null ? undefined : await loadSchedule(w.tx, id);
  if (id !== null && !before) throw new AppError('NOT_FOUND', 'schedules.errors.notFound');
  await checkNameFree(w.tx, s.name, id);
  await checkReferences(w.tx, s);
  const now = w.clock.now();
  const next = await nextRunOf(w.tx, s.enabled, s.rule, now);
  const values = [
    s.name,
    s.enabled ? 1 : 0,
    JSON.stringify(s.rule),
    JSON.stringify(s.registers),
    s.changedOnly ? 1 : 0,
    s.format,
    s.targetId,
    s.ownerId,
    next,
  ];
  let savedId = id;
  if (savedId === null) {
    const { lastID } = await w.tx.run(
      `INSERT INTO export_schedules (name, enabled, rule, registers, changed_only, format, target_id, owner_id, next_run_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...values, now.toISOString(), now.toISOString()],
    );
    savedId = lastID;
  } else {
    await w.tx.run(
      `UPDATE export_schedules SET name = ?, enabled = ?, rule = ?, registers = ?, changed_only = ?, format = ?, target_id = ?, owner_id = ?,
         next_run_at = ?, updated_at = ? WHERE id = ?`,
      [...values, now.toISOString(), savedId],
    );
  }
  await w.audit({
    action: id === null ? 'create' : 'update',
    entity: 'exportSchedule',
    entityId: savedId,
    summary: { before: before && inputOf(before), after: s },
  });
  w.afterCommit(() => w.events.emit('data.changed', { entity: 'exportSchedules' }));
  return (await loadSchedule(w.tx, savedId))!;
}

/** 启用 / 停用: enabling checks the schedule still has what it needs (a target, an owner). */
export async function setEnabled(w: WriteContext, id: number, enabled: boolean): Promise<ScheduleRecord> {
  const current = await loadSchedule(w.tx, id);
  if (!current) throw new AppError('NOT_FOUND', 'schedules.errors.notFound');
  if (enabled && current.targetId === null) throw new AppError('CONFLICT', 'schedules.v.targetNeeded');
  if (enabled && current.ownerId === null) throw new AppError('CONFLICT', 'schedules.v.ownerNeeded');
  // Said here with its name, for the page's message (the save below would say it under the form's field).
  if (enabled && current.targetEnabled === false)
    throw new AppError('CONFLICT', 'delivery.errors.targetDisabled', {
      params: { name: current.targetName ?? '' },
    });
  return saveSchedule(w, id, { ...inputOf(current), enabled } as Parsed);
}

export function inputOf(r: ScheduleRecord): ScheduleInput {
  return {
    name: r.name,
    rule: r.rule,
    registers: r.registers,
    changedOnly: r.changedOnly,
    format: r.format,
    targetId: r.targetId,
    ownerId: r.ownerId,
    enabled: r.enabled,
  };
}

const RUN_SELECT = `SELECT r.id, r.schedule_id AS scheduleId, s.name AS scheduleName, r.trigger, r.due_at AS dueAt, r.missed,
  r.started_at AS startedAt, r.finished_at AS finishedAt, r.result, r.job_ids AS jobIds, r.outcomes, r.error, r.error_params AS errorParams
  FROM export_schedule_runs r JOIN export_schedules s ON s.id = r.schedule_id`;

function toRun(raw: Record<string, unknown>): RunRow {
  return {
    ...(raw as unknown as RunRow),
    jobIds: JSON.parse(raw.jobIds as string) as number[],
    outcomes: JSON.parse(raw.outcomes as string) as RunRow['outcomes'],
    errorParams: raw.errorParams ? (JSON.parse(raw.errorParams as string) as RunRow['errorParams']) : null,
  };
}

export async function listRuns(db: Reader, scheduleId: number | undefined, limit: number): Promise<RunRow[]> {
  const rows = await db.all<Record<string, unknown>>(
    `${RUN_SELECT} ${scheduleId === undefined ? '' : 'WHERE r.schedule_id = ?'} ORDER BY r.id DESC LIMIT ?`,
    scheduleId === undefined ? [limit] : [scheduleId, limit],
  );
  return rows.map(toRun);
}

export async function loadRun(db: Reader | Tx, id: number): Promise<RunRow | undefined> {
  const raw = await db.get<Record<string, unknown>>(`${RUN_SELECT} WHERE r.id = ?`, [id]);
  return raw ? toRun(raw) : undefined;
}
