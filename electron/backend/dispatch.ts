import { ZodError } from 'zod';
import { channelSpec, type ChannelName } from '@shared/contract';
import { AppError, type AppErrorShape } from '@shared/errors';
import { allows } from '@shared/permissions';
import { issuesFromZod } from '@shared/validation';
import type { BaseContext, Caller, HandlerTable, ManualContext, WriteContext, AuditEntry } from './handlers';
import type { Session } from './auth/sessions';
import type { Tx } from './db/writeQueue';

export type Services = Omit<BaseContext<Session | null>, 'channel' | 'caller' | 'session'>;

/**
 * Runs one call from a host: find the channel, check the session and its permission, validate the input,
 * run the handler in the transaction mode the contract gives, and turn every failure into an AppErrorShape.
 */
export function createDispatcher(table: HandlerTable, services: Services, options: { validateOutput: boolean }) {
  return async function invoke(caller: Caller, channelName: string, rawInput: unknown): Promise<unknown> {
    try {
      const spec = channelSpec(channelName);
      if (!spec) throw new AppError('NOT_FOUND', 'errors.unknownChannel', { params: { channel: String(channelName).slice(0, 80) } });
      const channel = channelName as ChannelName;

      let session: Session | null = null;
      if (spec.access !== 'public') {
        session = services.sessions.resolve(caller.sessionId, spec.activity !== false);
        if (!allows(session.roles, spec.access)) {
          throw new AppError('FORBIDDEN', 'errors.forbidden', { params: { channel } });
        }
        if (session.mustChangePassword && channel !== 'auth.changePassword' && channel !== 'auth.session' && channel !== 'auth.logout') {
          throw new AppError('FORBIDDEN', 'errors.auth.mustChangePassword');
        }
      }

      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new AppError('VALIDATION', 'errors.validation', { issues: issuesFromZod(parsed.error, rawInput) });
      }

      const base: BaseContext<Session | null> = { ...services, channel, caller, session };
      const handler = table[channel] as unknown as (input: unknown, ctx: unknown) => Promise<unknown>;
      let audited = 0;
      let changes = 0;
      const writeContext = (tx: Tx, afterCommit: (e: () => void) => void): WriteContext<Session | null> => ({
        ...base,
        tx: {
          ...tx,
          run: async (sql, params) => {
            const result = await tx.run(sql, params);
            changes += result.changes;
            return result;
          },
        },
        afterCommit,
        audit: (entry) => {
          audited++;
          return recordAudit(tx, base, entry);
        },
      });

      let output: unknown;
      if (spec.tx === 'write') {
        output = await services.store.write(async (tx, afterCommit) => {
          const result = await handler(parsed.data, writeContext(tx, afterCommit));
          // Every write is audited: a handler that forgot is rolled back rather than leave an untraced change.
          if (spec.audited !== false && changes > 0 && audited === 0) throw new Error(`${channel} wrote without an audit entry`);
          return result;
        });
      } else if (spec.tx === 'manual') {
        const ctx: ManualContext<Session | null> = {
          ...base,
          db: services.store.reader,
          write: (operation) => services.store.write((tx, afterCommit) => operation(writeContext(tx, afterCommit))),
        };
        output = await handler(parsed.data, ctx);
      } else {
        output = await handler(parsed.data, { ...base, db: services.store.reader });
      }

      if (options.validateOutput) {
        const checked = spec.output.safeParse(output);
        if (!checked.success) {
          services.log.error(`Output of ${channel} does not match the contract`, checked.error.issues);
          throw new AppError('INTERNAL', 'errors.internal', { params: { channel } });
        }
      }
      return output;
    } catch (err) {
      throw toAppError(err, services, channelName);
    }
  };
}

function toAppError(err: unknown, services: Services, channel: string): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  if (err instanceof ZodError) return { code: 'VALIDATION', message: 'errors.validation', details: { issues: issuesFromZod(err) } };
  const sqliteCode = (err as { code?: string } | null)?.code;
  if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_FULL' || sqliteCode === 'SQLITE_IOERR') {
    services.log.error(`${channel} failed: storage unavailable`, err);
    return { code: 'UNAVAILABLE', message: 'errors.storage' };
  }
  services.log.error(`${channel} failed`, err);
  return { code: 'INTERNAL', message: 'errors.internal' };
}

async function recordAudit(tx: Tx, ctx: BaseContext<Session | null>, entry: AuditEntry): Promise<void> {
  await tx.run(
    `INSERT INTO audit_log (at, user_id, user_name, channel, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      ctx.clock.now().toISOString(),
      entry.actor ? entry.actor.userId : (ctx.session?.userId ?? null),
      entry.actor ? entry.actor.username : (ctx.session?.username ?? null),
      ctx.channel,
      entry.action,
      entry.entity,
      entry.entityId == null ? null : String(entry.entityId),
      typeof entry.summary === 'string' ? entry.summary : JSON.stringify(entry.summary),
    ],
  );
}
