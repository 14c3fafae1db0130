import { join } from 'node:path';
import type { ChannelName } from '@shared/contract';
import { openStore, type Store } from './db/store';
import { systemClock, type Clock } from './clock';
import { Sessions } from './auth/sessions';
import { ExportFiles } from './files/exportFiles';
import { EventBus } from './events';
import { fileLogger, type Logger } from './log';
import { buildHandlerTable } from './registry';
import { createDispatcher } from './dispatch';
import type { Caller, HandlerTable } from './handlers';
import { readSetting } from './settings/store';
import { loginHandlers } from './auth/login';
import { userAdminHandlers } from './auth/userAdmin';
import { customerHandlers } from './customers/handlers';
import { contactHandlers } from './customers/contacts';
import { staffHandlers } from './staff/handlers';
import { codeListHandlers } from './codeLists/handlers';
import { auditHandlers } from './audit/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { prefsHandlers } from './prefs/handlers';
import { settingsHandlers } from './settings/handlers';
import { systemHandlers } from './system/handlers';

export type { Caller } from './handlers';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  /** Check every handler's output against the contract (tests turn this on). */
  validateOutput?: boolean;
  log?: Logger;
}

export interface Backend {
  readonly dataDir: string;
  readonly store: Store;
  readonly events: EventBus;
  readonly sessions: Sessions;
  readonly handlers: HandlerTable;
  /** Runs one call on behalf of a host connection (a window or a socket). */
  invoke(caller: Caller, channel: string, input: unknown): Promise<unknown>;
  /** The file behind an export id, for the caller's own user only. */
  exportedFile(caller: Caller, fileId: string): { path: string; fileName: string } | null;
  /** A host connection went away (window closed, socket dropped without resume). */
  endSession(caller: Caller): void;
  close(): Promise<void>;
}

/** Every domain's handler table, in one list; `buildHandlerTable` checks it against the contract at start-up. */
export const HANDLER_PARTS = [
  loginHandlers,
  userAdminHandlers,
  customerHandlers,
  contactHandlers,
  staffHandlers,
  codeListHandlers,
  auditHandlers,
  dashboardHandlers,
  prefsHandlers,
  settingsHandlers,
  systemHandlers,
];

export function allHandlers(): HandlerTable {
  return buildHandlerTable(HANDLER_PARTS);
}

/** The whole backend: plain Node, no Electron. Electron's main process, the browser host and tests all use it. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const table = allHandlers();
  const clock = options.clock ?? systemClock;
  const log = options.log ?? fileLogger(options.dataDir);
  const store = await openStore({ dataDir: options.dataDir, clock });
  const sessions = new Sessions(clock);
  sessions.idleMinutes = await readSetting(store.reader, 'session.idleMinutes');
  const files = new ExportFiles(join(options.dataDir, 'exports'));
  void files.prune();
  const events = new EventBus();
  const invoke = createDispatcher(
    table,
    { clock, store, sessions, files, events, log, dataDir: options.dataDir },
    { validateOutput: options.validateOutput ?? false },
  );
  return {
    dataDir: options.dataDir,
    store,
    events,
    sessions,
    handlers: table,
    invoke: (caller, channel, input) => invoke(caller, channel as ChannelName, input),
    exportedFile(caller, fileId) {
      const session = sessions.peek(caller.sessionId);
      return session ? files.resolve(fileId, session.userId) : null;
    },
    endSession(caller) {
      sessions.end(caller.sessionId);
      caller.sessionId = null;
    },
    close: () => store.close(),
  };
}
