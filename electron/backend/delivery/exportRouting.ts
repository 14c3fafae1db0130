import { channelSpec, type ChannelName } from '@shared/contract';
import { AppError } from '@shared/errors';
import { exportedFile, type ExportedFile } from '@shared/grid';
import type { Handler, ManualContext } from '../handlers';
import { queueForTarget, sendableTarget } from './queue';
import { exportNoteOf } from './exportNotes';

/**
 * "Export anywhere in the app" (issue 4 item 3), in one place: every channel whose output is an exported file
 * and whose input carries a `targetId` (all grid exports have it, see shared/grid.ts) sends the finished file
 * to that target through the outbox instead of handing it to the user. The register's own export channel — with
 * its own permission, filters and A-class rule — makes the file exactly as for a download; this wrapper only
 * decides where it goes. No targetId: the channel behaves exactly as before.
 */

type AnyHandler = Handler<ChannelName>;
type AnyTable = Partial<Record<ChannelName, AnyHandler>>;

/** `客户档案台账_2026-11-25_1000.xlsx` → `客户档案台账`, for files not made by exportRegister. */
function registerFromFileName(fileName: string): string {
  const m = /^(.+?)_\d{4}-\d{2}-\d{2}_[^.]*\.[A-Za-z0-9]+$/.exec(fileName);
  return m ? m[1]! : fileName.replace(/\.[A-Za-z0-9]+$/, '');
}

function routesExports(name: ChannelName): boolean {
  return channelSpec(name)?.output === exportedFile;
}

const routed = new WeakSet<AnyHandler>();

/**
 * Wraps, in place, every export channel of the backend's handler tables so that an export with a `targetId`
 * goes to the outbox. In place, so the tables stay the very objects the registry and its tests know; a handler
 * is wrapped once however often this runs.
 */
export function routeExportsToTargets(parts: readonly AnyTable[]): void {
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part) as [ChannelName, AnyHandler][]) {
      if (!routesExports(name) || routed.has(handler)) continue;
      const wrapped = withTarget(handler);
      routed.add(wrapped);
      part[name] = wrapped;
    }
  }
}

function withTarget(handler: AnyHandler): AnyHandler {
  const routed = async (input: unknown, ctx: ManualContext): Promise<ExportedFile> => {
    const targetId = (input as { targetId?: unknown } | null)?.targetId;
    if (typeof targetId !== 'number') return (await (handler as unknown as (i: unknown, c: ManualContext) => Promise<ExportedFile>)(input, ctx));
    // The target is checked before any work, so a refused send leaves no export behind.
    const target = await sendableTarget(ctx.db, targetId);
    const file = await (handler as unknown as (i: unknown, c: ManualContext) => Promise<ExportedFile>)(input, ctx);
    const made = ctx.files.resolve(file.fileId, ctx.session.userId);
    if (!made) throw new AppError('INTERNAL', 'errors.internal');
    const note = exportNoteOf(ctx) ?? { registerKey: null, register: registerFromFileName(file.fileName) };
    const jobId = await queueForTarget(ctx, target, { path: made.path, fileName: file.fileName, rows: file.rows, ...note });
    return { ...file, delivery: { jobId, targetId, targetName: target.name } };
  };
  return routed as unknown as AnyHandler;
}
