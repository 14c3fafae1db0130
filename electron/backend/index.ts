import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { ChannelName } from '@shared/contract';
import type { Store } from './db/store';
import { systemClock, type Clock } from './clock';
import { Sessions } from './auth/sessions';
import { ExportFiles } from './files/exportFiles';
import { acceptUpload, UploadedFiles } from './files/uploads';
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
import { customerPrintHandlers } from './customers/printing';
import { resourceStatsHandlers } from './customers/resourceStats';
import { staffHandlers } from './staff/handlers';
import { codeListHandlers } from './codeLists/handlers';
import { auditHandlers } from './audit/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { prefsHandlers } from './prefs/handlers';
import { settingsHandlers } from './settings/handlers';
import { systemHandlers } from './system/handlers';
import { importHandlers } from './imports/handlers';
import { calendarHandlers } from './calendar/handlers';
import { accessHandlers } from './access/handlers';
import { orderCycleHandlers } from './access/orderCycle';
import { complaintHandlers } from './complaints/handlers';
import { contractHandlers } from './contracts/handlers';
import { contractLifecycleHandlers } from './contracts/lifecycle';
import { archiveDocHandlers } from './archiveDocs/handlers';
import { visitHandlerParts } from './visits';
import { backupHandlers } from './backups/handlers';
import { BackupService } from './backups/service';
import { registerBackupService } from './backups/registry';
import { openOrRecover, RECOVERY_CHANNELS, recoveryRefusal } from './backups/recovery';
import { deliveryHandlers } from './delivery/handlers';
import { Deliverer, type DeliveryOptions } from './delivery/deliverer';
import { routeExportsToTargets } from './delivery/exportRouting';
import { exportJobHandlers } from './grid/handlers';
import { trackExportJobs } from './grid/exportJobs';
import { scheduleHandlers } from './schedules/handlers';
import { Scheduler, type SchedulerOptions } from './schedules/scheduler';

export type { Caller } from './handlers';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  /** Check every handler's output against the contract (tests turn this on). */
  validateOutput?: boolean;
  log?: Logger;
  /** The app's hosts (Electron, the browser host) turn this on: a daily backup while running and one on exit. */
  scheduleBackups?: boolean;
  /** The outbox's deliverer: fault injection, timeouts, the timer (tests); defaults suit the app. */
  delivery?: DeliveryOptions;
  /** 定时导出's timer (tests pass their own timers and fire them by hand). */
  schedules?: SchedulerOptions;
}

export interface Backend {
  readonly dataDir: string;
  readonly store: Store;
  /** 备份与恢复; also says whether the backend runs in recovery mode (a damaged database). */
  readonly backups: BackupService;
  /** Delivers the outbox to export targets (a timer while running; runDue() lets tests drive it). */
  readonly delivery: Deliverer;
  /** Runs scheduled exports when due (a timer while running; tick() lets tests drive it). */
  readonly scheduler: Scheduler;
  readonly events: EventBus;
  readonly sessions: Sessions;
  /** Files users handed over (imports); hosts go through acceptUpload. */
  readonly uploads: UploadedFiles;
  readonly handlers: HandlerTable;
  /** Runs one call on behalf of a host connection (a window or a socket). */
  invoke(caller: Caller, channel: string, input: unknown): Promise<unknown>;
  /** The file behind an export id, for the caller's own user only. */
  exportedFile(caller: Caller, fileId: string): { path: string; fileName: string } | null;
  /** Keeps a file a host produced for the caller (a printed PDF) like an export; null without a session. */
  keepFile(caller: Caller, fileName: string, bytes: Uint8Array): Promise<string | null>;
  readonly log: Logger;
  /**
   * Keeps a file the caller's user handed over (an import) and returns its upload id. Refused without a live
   * session or beyond the size limit, with nothing kept; failures are AppErrorShapes, as calls' are.
   */
  acceptUpload(caller: Caller, fileName: string, bytes: AsyncIterable<Uint8Array>): Promise<{ uploadId: string; size: number }>;
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
  customerPrintHandlers,
  resourceStatsHandlers,
  staffHandlers,
  codeListHandlers,
  auditHandlers,
  dashboardHandlers,
  prefsHandlers,
  settingsHandlers,
  systemHandlers,
  importHandlers,
  calendarHandlers,
  accessHandlers,
  orderCycleHandlers,
  complaintHandlers,
  contractHandlers,
  contractLifecycleHandlers,
  archiveDocHandlers,
  ...visitHandlerParts,
  backupHandlers,
  deliveryHandlers,
  scheduleHandlers,
  exportJobHandlers,
];
// Any export channel given a targetId sends its file to that export target through the outbox.
routeExportsToTargets(HANDLER_PARTS);
// Any export channel given a jobId reports its progress and can be cancelled (outermost: a cancel also stops a send).
trackExportJobs(HANDLER_PARTS);

export function allHandlers(): HandlerTable {
  return buildHandlerTable(HANDLER_PARTS);
}

/** The whole backend: plain Node, no Electron. Electron's main process, the browser host and tests all use it. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const table = allHandlers();
  const clock = options.clock ?? systemClock;
  const log = options.log ?? fileLogger(options.dataDir);
  // A quick integrity check first: a damaged database opens the backend in recovery mode (backups/recovery.ts).
  const opened = await openOrRecover({ dataDir: options.dataDir, clock });
  const store = opened.store;
  const sessions = new Sessions(clock);
  if (store.open) sessions.idleMinutes = await readSetting(store.reader, 'session.idleMinutes');
  const files = new ExportFiles(join(options.dataDir, 'exports'));
  void files.prune();
  const uploads = new UploadedFiles(join(options.dataDir, 'uploads'));
  void uploads.prune();
  const events = new EventBus();
  const backups = await BackupService.create({ ...opened, dataDir: options.dataDir, clock, log, events, sessions });
  registerBackupService(store, backups);
  if (options.scheduleBackups) backups.startSchedule();
  const delivery = new Deliverer({ dataDir: options.dataDir, store, clock, log, events }, options.delivery);
  if (store.open) await delivery.start();
  // Recovery mode leaves the deliverer stopped; it starts once a restore has opened a good database.
  backups.onRestored((fromRecovery) => {
    if (fromRecovery) delivery.start().catch((err: unknown) => log.error('Starting delivery after recovery failed', err));
  });
  const invoke = createDispatcher(
    table,
    { clock, store, sessions, files, uploads, events, log, dataDir: options.dataDir },
    { validateOutput: options.validateOutput ?? false },
  );
  // Scheduled exports call the registers' export channels through this same dispatcher, as their owner.
  const scheduler = new Scheduler({ store, clock, log, events, sessions, invoke: (caller, channel, input) => invoke(caller, channel as ChannelName, input) }, options.schedules);
  if (store.open) await scheduler.start();
  backups.onRestored((fromRecovery) => {
    if (fromRecovery) scheduler.start().catch((err: unknown) => log.error('Starting the export scheduler after recovery failed', err));
  });
  return {
    dataDir: options.dataDir,
    store,
    backups,
    delivery,
    scheduler,
    events,
    sessions,
    uploads,
    handlers: table,
    invoke: (caller, channel, input) =>
      backups.recovery.active && !RECOVERY_CHANNELS.has(channel) ? Promise.reject(recoveryRefusal()) : invoke(caller, channel as ChannelName, input),
    exportedFile(caller, fileId) {
      const session = sessions.peek(caller.sessionId);
      return session ? files.resolve(fileId, session.userId) : null;
    },
    async keepFile(caller, fileName, bytes) {
      const session = sessions.peek(caller.sessionId);
      if (!session) return null;
      const { fileId, path } = await files.reserve(fileName, session.userId);
      await writeFile(path, bytes);
      return fileId;
    },
    log,
    acceptUpload: (caller, fileName, bytes) => acceptUpload({ sessions, uploads, log }, caller, fileName, bytes),
    endSession(caller) {
      sessions.end(caller.sessionId);
      caller.sessionId = null;
    },
    async close() {
      await scheduler.stop();
      await delivery.stop();
      await backups.close({ exitBackup: options.scheduleBackups ?? false });
      await store.close();
    },
  };
}
