import type { ChannelName, Contract, ChannelOutput, ParsedInput } from '@shared/contract';
import type { Reader } from './db/connection';
import type { Tx } from './db/writeQueue';
import type { Store } from './db/store';
import type { Clock } from './clock';
import type { Session, Sessions } from './auth/sessions';
import type { ExportFiles } from './files/exportFiles';
import type { UploadedFiles } from './files/uploads';
import type { EventBus } from './events';
import type { Logger } from './log';

/** What a host keeps per window or socket: which session, if any, its calls belong to. */
export interface Caller {
  sessionId: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** A short before/after description; objects are stored as JSON. */
  summary: unknown;
  /** Who acted, when there is no session yet (a login attempt). */
  actor?: { userId: number | null; username: string };
}

/** Everything a handler may use besides its input. */
export interface BaseContext<S extends Session | null = Session> {
  channel: ChannelName;
  caller: Caller;
  session: S;
  clock: Clock;
  store: Store;
  sessions: Sessions;
  files: ExportFiles;
  /** Files users handed over (imports), by opaque id. */
  uploads: UploadedFiles;
  events: EventBus;
  log: Logger;
  dataDir: string;
}

export interface ReadContext<S extends Session | null = Session> extends BaseContext<S> {
  db: Reader;
}

export interface WriteContext<S extends Session | null = Session> extends BaseContext<S> {
  tx: Tx;
  /** Records the operation in the audit log, inside the same transaction. */
  audit(entry: AuditEntry): Promise<void>;
  afterCommit(effect: () => void): void;
}

export interface ManualContext<S extends Session | null = Session> extends ReadContext<S> {
  /** Opens one serialized write transaction. */
  write<T>(operation: (w: WriteContext<S>) => Promise<T>): Promise<T>;
}

type SessionFor<C extends ChannelName> = Contract[C]['access'] extends 'public' ? Session | null : Session;
type ContextFor<C extends ChannelName> = Contract[C]['tx'] extends 'write'
  ? WriteContext<SessionFor<C>>
  : Contract[C]['tx'] extends 'manual'
    ? ManualContext<SessionFor<C>>
    : ReadContext<SessionFor<C>>;

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: ContextFor<C>) => Promise<ChannelOutput<C>>;

/** A domain's handlers: a partial table, merged and checked for completeness by the registry. */
export type HandlerTable<C extends ChannelName = ChannelName> = { [K in C]: Handler<K> };
