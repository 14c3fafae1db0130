import { channel } from './channel';
import { ok } from '../schemas/common';
import { exportCancelInput } from '../grid';

/**
 * Exports in progress. Every export channel takes an optional client `jobId` (shared/grid.ts `exportJob`); its
 * progress comes as `job.progress` events. Cancelling needs no export permission of its own: it reaches only
 * the caller's own job (another user's job id finds nothing).
 */
export const exportChannels = {
  /** Stops the caller's running export: its partial file is removed, nothing is audited or sent to a target. */
  'exports.cancel': channel({ input: exportCancelInput, output: ok, access: 'authenticated', tx: 'read' }),
};
