import { handlers } from '../registry';
import { exportJobs } from './exportJobs';

export const exportJobHandlers = handlers({
  'exports.cancel': async (input, ctx) => {
    exportJobs(ctx.store).cancel(ctx.session.userId, input.jobId);
    return { ok: true as const };
  },
});
