import { AppError } from '@shared/errors';
import { SCHEDULABLE_REGISTERS } from '@shared/schemas/schedules';
import { handlers } from '../registry';
import { listRuns, listSchedules, loadSchedule, saveSchedule, setEnabled } from './store';
import { schedulerFor } from './scheduler';

/** 定时导出 (exports.md "Scheduled exports"): schedules, their runs, 立即运行. */
export const scheduleHandlers = handlers({
  'schedules.list': async (_input, ctx) => listSchedules(ctx.db),
  'schedules.options': async (_input, ctx) => ({
    registers: [...SCHEDULABLE_REGISTERS],
    owners: (
      await ctx.db.all<{ id: number; displayName: string; username: string; projectStaff: number }>(
        `SELECT id, display_name AS displayName, username, project_staff AS projectStaff FROM users WHERE active = 1 ORDER BY display_name, id`,
      )
    ).map((u) => ({ ...u, projectStaff: u.projectStaff === 1 })),
  }),
  'schedules.create': async (input, ctx) => saveSchedule(ctx, null, input.schedule),
  'schedules.update': async (input, ctx) => saveSchedule(ctx, input.id, input.schedule),
  'schedules.setEnabled': async (input, ctx) => setEnabled(ctx, input.id, input.enabled),
  'schedules.runNow': async (input, ctx) => {
    if (!(await loadSchedule(ctx.db, input.id))) throw new AppError('NOT_FOUND', 'schedules.errors.notFound');
    const scheduler = schedulerFor(ctx.store);
    if (!scheduler) throw new AppError('UNAVAILABLE', 'schedules.errors.notRunning');
    // The run is the schedule's own (its owner's session); who pressed 立即运行 is in the audit log.
    await ctx.write((w) =>
      w.audit({ action: 'runNow', entity: 'exportSchedule', entityId: input.id, summary: {} }),
    );
    return scheduler.runNow(input.id);
  },
  'schedules.runs': async (input, ctx) => listRuns(ctx.db, input.scheduleId, input.limit),
});
