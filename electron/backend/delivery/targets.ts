import { AppError, fieldError } from '@shared/errors';
import { folderProblem, normalizeFolder, subFolderProblem } from '@shared/deliveryPaths';
import type { targetGridColumns } from '@shared/grids/delivery';
import type { TargetOption, TargetRecord } from '@shared/schemas/delivery';
import type { ParsedInput } from '@shared/contract';
import type { GridSpec } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import type { ManualContext } from '../handlers';
import { checkTargetFolder, type CheckResult } from './targetCheck';
import { DEFAULTS, delivererFor } from './deliverer';
import { nodeDeliveryFs } from './fsLayer';

const pendingJobs = `(SELECT count(*) FROM delivery_jobs j WHERE j.target_id = t.id AND j.status = 'pending')`;

export const targetGrid: GridSpec<typeof targetGridColumns, TargetRecord> = {
  from: 'delivery_targets t',
  countFrom: 'delivery_targets t',
  id: 't.id',
  select: `t.id, t.name, t.folder, t.sub_folder AS subFolder, t.enabled, t.default_registers AS defaultRegisters, t.manifest, t.state,
    t.state_detail AS stateDetail, t.free_bytes AS freeBytes, t.checked_at AS checkedAt, t.updated_at AS updatedAt, ${pendingJobs} AS pendingJobs`,
  columns: {
    name: { sql: 't.name' },
    folder: { sql: 't.folder' },
    subFolder: { sql: 't.sub_folder' },
    enabled: { sql: 't.enabled', setValue: (v) => (v === 'true' ? 1 : 0) },
    state: { sql: 't.state' },
    freeBytes: { sql: 't.free_bytes' },
    checkedAt: { sql: 't.checked_at', dateKind: 'instant' },
    pendingJobs: { sql: pendingJobs },
  },
  defaultSort: [{ colId: 'name', sort: 'asc' }],
  quickSearch: (text) => ({ sql: `(t.name LIKE ? ESCAPE '\\' OR t.folder LIKE ? ESCAPE '\\')`, params: Array(2).fill(`%${likeEscape(text)}%`) }),
  mapRow: (raw) =>
    ({
      ...(raw as unknown as TargetRecord),
      enabled: raw.enabled === 1,
      manifest: raw.manifest === 1,
      defaultRegisters: JSON.parse(raw.defaultRegisters as string) as string[],
    }) as TargetRecord,
};

export async function loadTarget(db: Reader | Tx, id: number): Promise<TargetRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`SELECT ${targetGrid.select} FROM delivery_targets t WHERE t.id = ?`, [id]);
  return raw ? targetGrid.mapRow(raw) : undefined;
}

export async function targetOptions(db: Reader): Promise<TargetOption[]> {
  const rows = await db.all<{ id: number; name: string; state: TargetOption['state']; defaultRegisters: string }>(
    `SELECT id, name, state, default_registers AS defaultRegisters FROM delivery_targets WHERE enabled = 1 ORDER BY name, id`,
  );
  return rows.map((r) => ({ ...r, defaultRegisters: JSON.parse(r.defaultRegisters) as string[] }));
}

/** The platform rules of this machine: a Windows office PC wants UNC or drive paths, Linux/macOS a mounted folder. */
export const hostPlatform = (): 'win32' | 'posix' => (process.platform === 'win32' ? 'win32' : 'posix');

type TargetInput = ParsedInput<'delivery.targets.create'>['target'];

/** Refuses a folder or pattern that is not safe (field errors the form shows under the field). */
export function checkTargetRules(target: TargetInput, platform = hostPlatform()): TargetInput {
  const folder = folderProblem(target.folder, platform);
  if (folder) throw fieldError('target.folder', folder.key, folder.params);
  const pattern = subFolderProblem(target.subFolder);
  if (pattern) throw fieldError('target.subFolder', pattern.key, pattern.params);
  return { ...target, folder: normalizeFolder(target.folder), subFolder: target.subFolder.trim().replace(/\\/g, '/') };
}

async function checkNameFree(db: Reader | Tx, name: string, exceptId?: number) {
  const hit = await db.get<{ id: number }>('SELECT id FROM delivery_targets WHERE name = ? COLLATE NOCASE', [name]);
  if (hit && hit.id !== exceptId) {
    throw new AppError('CONFLICT', 'delivery.errors.nameTaken', { params: { name }, issues: [{ path: 'target.name', key: 'delivery.errors.nameTaken', params: { name } }] });
  }
}

/** Checks a folder with the backend's delivery settings (the running deliverer's, when there is one). */
export function checkFolder(ctx: Pick<ManualContext, 'store'>, folder: string): Promise<CheckResult> {
  const deliverer = delivererFor(ctx.store);
  return checkTargetFolder(folder, {
    fs: deliverer?.fs ?? nodeDeliveryFs,
    timeoutMs: deliverer?.settings.opTimeoutMs ?? DEFAULTS.opTimeoutMs,
    minFreeBytes: deliverer?.settings.minFreeBytes ?? DEFAULTS.minFreeBytes,
  });
}

/** Creates or replaces a target: rules first, then the folder check (outside any transaction), then one audited write. */
export async function saveTarget(ctx: ManualContext, id: number | null, input: TargetInput): Promise<TargetRecord> {
  const target = checkTargetRules(input);
  await checkNameFree(ctx.db, target.name, id ?? undefined);
  const before = id === null ? undefined : await loadTarget(ctx.db, id);
  if (id !== null && !before) throw new AppError('NOT_FOUND', 'delivery.errors.targetNotFound');
  const check = await checkFolder(ctx, target.folder);
  const now = ctx.clock.now().toISOString();
  const values = [target.name, target.folder, target.subFolder, target.enabled ? 1 : 0, JSON.stringify(target.defaultRegisters), target.manifest ? 1 : 0];
  const state = [check.state, check.detail, check.freeBytes, now];
  const savedId = await ctx.write(async (w) => {
    await checkNameFree(w.tx, target.name, id ?? undefined);
    let targetId = id;
    if (targetId === null) {
      const { lastID } = await w.tx.run(
        `INSERT INTO delivery_targets (name, folder, sub_folder, enabled, default_registers, manifest, state, state_detail, free_bytes, checked_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...values, ...state, now, now],
      );
      targetId = lastID;
    } else {
      await w.tx.run(
        `UPDATE delivery_targets SET name = ?, folder = ?, sub_folder = ?, enabled = ?, default_registers = ?, manifest = ?,
           state = ?, state_detail = ?, free_bytes = ?, checked_at = ?, updated_at = ? WHERE id = ?`,
        [...values, ...state, now, targetId],
      );
    }
    await w.audit({
      action: id === null ? 'create' : 'update',
      entity: 'deliveryTarget',
      entityId: targetId,
      summary: { before: before && summaryOf(before), after: { ...target, state: check.state } },
    });
    return targetId;
  });
  if (check.state === 'ok') await makeDueNow(ctx, savedId);
  ctx.events.emit('data.changed', { entity: 'deliveryTargets' });
  return (await loadTarget(ctx.db, savedId))!;
}

function summaryOf(t: TargetRecord) {
  const { name, folder, subFolder, enabled, defaultRegisters, manifest } = t;
  return { name, folder, subFolder, enabled, defaultRegisters, manifest };
}

/**
 * Checks targets again (the 刷新 button) and records their state. A target found 可用 gets its waiting jobs
 * tried at once rather than at the end of their backoff. The state is not a change anyone made: not audited.
 */
export async function recheckTargets(ctx: ManualContext, id: number | undefined): Promise<TargetRecord[]> {
  const ids = id === undefined ? (await ctx.db.all<{ id: number }>('SELECT id FROM delivery_targets ORDER BY name, id')).map((r) => r.id) : [id];
  const targets = await Promise.all(ids.map((targetId) => loadTarget(ctx.db, targetId)));
  if (targets.some((t) => !t)) throw new AppError('NOT_FOUND', 'delivery.errors.targetNotFound');
  // Side by side: a dead share waits out its timeout without holding up the check of the others.
  const checks = await Promise.all(targets.map((t) => checkFolder(ctx, t!.folder)));
  const now = ctx.clock.now().toISOString();
  await ctx.store.write(async (tx) => {
    for (const [i, check] of checks.entries()) {
      await tx.run('UPDATE delivery_targets SET state = ?, state_detail = ?, free_bytes = ?, checked_at = ? WHERE id = ?', [check.state, check.detail, check.freeBytes, now, ids[i]]);
    }
  });
  for (const [i, check] of checks.entries()) if (check.state === 'ok') await makeDueNow(ctx, ids[i]!);
  ctx.events.emit('data.changed', { entity: 'deliveryTargets' });
  return Promise.all(ids.map(async (targetId) => (await loadTarget(ctx.db, targetId))!));
}

/** The target's waiting jobs become due now, and the deliverer is told. */
async function makeDueNow(ctx: Pick<ManualContext, 'store' | 'clock'>, targetId: number): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const { changes } = await ctx.store.write((tx) =>
    tx.run(`UPDATE delivery_jobs SET next_attempt_at = ? WHERE target_id = ? AND status = 'pending' AND next_attempt_at > ?`, [now, targetId, now]),
  );
  const pending = await ctx.store.reader.get<{ n: number }>(`SELECT count(*) AS n FROM delivery_jobs WHERE target_id = ? AND status = 'pending'`, [targetId]);
  if (changes > 0 || (pending?.n ?? 0) > 0) delivererFor(ctx.store)?.kick();
}
