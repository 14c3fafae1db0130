import { handlers } from '../registry';
import { gridPage } from '../grid/page';
import { recheckTargets, saveTarget, targetGrid, targetOptions } from './targets';
import { jobAttempts, jobGrid, redirectJob, retryJob } from './jobs';
import { abandonJob } from './abandonJob';
import { deleteTarget } from './deleteTarget';
import { sendKeptFile } from './sendKept';

/** 导出目标 and 导出任务 (exports.md "Targets", "Delivery guarantees"). */
export const deliveryHandlers = handlers({
  'delivery.targets.query': async (input, ctx) => gridPage(ctx.db, targetGrid, input),
  'delivery.targets.create': async (input, ctx) => saveTarget(ctx, null, input.target),
  'delivery.targets.update': async (input, ctx) => saveTarget(ctx, input.id, input.target),
  'delivery.targets.check': async (input, ctx) => recheckTargets(ctx, input.id),
  'delivery.targets.options': async (_input, ctx) => targetOptions(ctx.db),
  'delivery.jobs.query': async (input, ctx) => gridPage(ctx.db, jobGrid, input),
  'delivery.jobs.attempts': async (input, ctx) => jobAttempts(ctx.db, input.jobId),
  'delivery.jobs.retry': async (input, ctx) => retryJob(ctx, input.id),
  'delivery.jobs.redirect': async (input, ctx) => redirectJob(ctx, input.id, input.targetId),
  'delivery.jobs.abandon': async (input, ctx) => abandonJob(ctx, input.id, input.reason),
  'delivery.targets.delete': async (input, ctx) => deleteTarget(ctx, input.id),
  'delivery.files.send': async (input, ctx) => sendKeptFile(ctx, input),
});
