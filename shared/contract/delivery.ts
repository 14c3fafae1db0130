import { z } from 'zod';
import { channel } from './channel';
import { empty } from '../schemas/common';
import {
  attemptRow,
  jobAbandonInput,
  jobAttemptsInput,
  jobIdInput,
  jobRedirectInput,
  jobRow,
  keptFileSendInput,
  keptFileSent,
  targetCheckInput,
  targetCreateInput,
  targetDeleteInput,
  targetOption,
  targetRecord,
  targetUpdateInput,
} from '../schemas/delivery';
import { gridPageSchema, gridQuerySchema } from '../grid';
import { jobGridColumns, targetGridColumns } from '../grids/delivery';

/**
 * Export targets and the outbox (exports.md). Targets are the admin's (delivery.manage). Sending a file to a
 * target is part of each register's own export channel (its `targetId`, with that register's export
 * permission); the outbox is the office's one queue on its one PC, so any signed-in user sees it and may retry
 * a job or send it to another configured target — only to targets the admin set up, never to a path.
 */
export const deliveryChannels = {
  'delivery.targets.query': channel({
    input: gridQuerySchema(targetGridColumns),
    output: gridPageSchema(targetRecord),
    access: 'delivery.manage',
    tx: 'read',
  }),
  // 'manual': the folder is checked (a probe file written and removed) before the one write transaction.
  'delivery.targets.create': channel({ input: targetCreateInput, output: targetRecord, access: 'delivery.manage', tx: 'manual' }),
  'delivery.targets.update': channel({ input: targetUpdateInput, output: targetRecord, access: 'delivery.manage', tx: 'manual' }),
  'delivery.targets.check': channel({ input: targetCheckInput, output: z.array(targetRecord), access: 'delivery.manage', tx: 'manual' }),
  'delivery.targets.options': channel({ input: empty, output: z.array(targetOption), access: 'authenticated', tx: 'read' }),
  'delivery.jobs.query': channel({
    input: gridQuerySchema(jobGridColumns),
    output: gridPageSchema(jobRow),
    access: 'authenticated',
    tx: 'read',
  }),
  'delivery.jobs.attempts': channel({ input: jobAttemptsInput, output: z.array(attemptRow), access: 'authenticated', tx: 'read' }),
  // 'manual': the job is attempted at once and the call answers with how that went.
  'delivery.jobs.retry': channel({ input: jobIdInput, output: jobRow, access: 'authenticated', tx: 'manual' }),
  'delivery.jobs.redirect': channel({ input: jobRedirectInput, output: jobRow, access: 'authenticated', tx: 'manual' }),
  // Housekeeping is the admin's: giving a job up (its file is removed from the outbox) and removing a target.
  'delivery.jobs.abandon': channel({ input: jobAbandonInput, output: jobRow, access: 'delivery.manage', tx: 'manual' }),
  // A target anything refers to (a job, a schedule, the backups) is refused: it can be disabled instead.
  'delivery.targets.delete': channel({ input: targetDeleteInput, output: z.object({ id: z.int() }), access: 'delivery.manage', tx: 'manual' }),
  // A printed sheet the host rendered to PDF and the backend keeps for the caller goes to a target via the outbox.
  'delivery.files.send': channel({ input: keptFileSendInput, output: keptFileSent, access: 'authenticated', tx: 'manual' }),
};
