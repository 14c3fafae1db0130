import { handlers } from '../registry';
import { readSetting, writeSetting } from './store';

export const settingsHandlers = handlers({
  'settings.get': async (_input, ctx) => ({ idleMinutes: await readSetting(ctx.db, 'session.idleMinutes') }),
  'settings.update': async (input, ctx) => {
    const before = await readSetting(ctx.tx, 'session.idleMinutes');
    await writeSetting(ctx.tx, 'session.idleMinutes', input.idleMinutes, ctx.clock.now().toISOString());
    await ctx.audit({ action: 'update', entity: 'settings', entityId: 'session.idleMinutes', summary: { before, after: input.idleMinutes } });
    ctx.afterCommit(() => {
      ctx.sessions.idleMinutes = input.idleMinutes;
    });
    return { idleMinutes: input.idleMinutes };
  },
});
