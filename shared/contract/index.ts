import type { z } from 'zod';
import { mergeChannels, type ChannelSpec } from './channel';
import { authChannels } from './auth';
import { customerChannels } from './customers';
import { adminChannels } from './admin';
import { calendarChannels } from './calendar';
import { importChannels } from './imports';
import { contractChannels } from './contracts';
import { archiveDocChannels } from './archiveDocs';
import { complaintChannels } from './complaints';
import { accessChannels } from './access';
import { visitChannels } from './visits';
import { backupChannels } from './backups';
import { deliveryChannels } from './delivery';
import { exportChannels } from './exports';
import { scheduleChannels } from './schedules';
import { jobEvent } from '../schemas/delivery';
import { backupProgress } from '../schemas/backups';
import { jobProgress } from '../schemas/imports';
import { z as zod } from 'zod';

/** The one contract between renderer and backend: channel name → input schema, output schema, access. */
export const contract = mergeChannels(authChannels, customerChannels, adminChannels, calendarChannels, importChannels, complaintChannels, contractChannels, archiveDocChannels, accessChannels, visitChannels, backupChannels, deliveryChannels, scheduleChannels, exportChannels);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function channelSpec(name: string): ChannelSpec | undefined {
  return Object.prototype.hasOwnProperty.call(contract, name) ? (contract as Record<string, ChannelSpec>)[name] : undefined;
}

/** Events pushed from the backend to the renderer. */
export const events = {
  'data.changed': zod.object({ entity: zod.string() }),
  'session.ended': zod.object({ reason: zod.enum(['idle', 'logout', 'deactivated']) }),
  /** How far a long job (an import, an export) has come; the job id is the one its channel call carries. */
  'job.progress': jobProgress,
  /** How far a backup or restore has come (备份与恢复), under the job id its call carries. */
  'backup.progress': backupProgress,
  /** A delivery job was attempted (导出任务): delivered, or why not yet. */
  'delivery.job': jobEvent,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What both hosts expose to the renderer as `window.neiqin`. */
export interface NeiqinBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Hands an exported file to the user: a save dialog in Electron, a download in the browser host. */
  saveFile(fileId: string, fileName: string): Promise<{ saved: boolean }>;
  /**
   * Hands a file the user chose to the backend (an import): its bytes, never a path. Refused beyond
   * UPLOAD_MAX_BYTES (shared/schemas/imports.ts); channels then take the returned upload id.
   */
  uploadFile(file: Blob, fileName: string): Promise<{ uploadId: string; size: number }>;
  /**
   * Prints a sheet (the route `/print/<sheet>/<id>`) on a printer, or renders it to a PDF the user keeps (a save
   * dialog in Electron, a download in the browser host). `done` is false when the user cancelled.
   */
  printSheet(route: string, mode: 'print' | 'pdf', fileName: string): Promise<{ done: boolean }>;
  /**
   * Renders a sheet to PDF and leaves it with the backend for this caller (nothing is handed to the user): the
   * returned file id goes to `delivery.files.send` (发送到导出目标).
   */
  renderPdf(route: string, fileName: string): Promise<{ fileId: string }>;
  readonly host: 'electron' | 'browser';
}

export { channel, type ChannelSpec } from './channel';
