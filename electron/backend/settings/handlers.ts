import { handlers } from '../registry';
import { readSetting, writeSetting } from './store';

export const settingsHandlers = handlers({
  'settings.get': async (_input, ctx) => ({
    idleMinutes: await readSetting(ctx.db, 'session.idleMinutes'),
    accessDefaultDays: await readSetting(ctx.db, 'access.defaultDays'),
    contractsExpiringDays: await readSetting(ctx.db, 'contracts.expiringDays'),
    csvEncoding: await readSetting(ctx.db, 'exports.csvEncoding'),
  }),
  'settings.update': async (input, ctx) => {
    const before = await readSetting(ctx.tx, 'session.idleMinutes');
    await writeSetting(ctx.tx, 'session.idleMinutes', input.idleMinutes, ctx.clock.now().toISOString());
    await ctx.audit({ action: 'update', entity: 'settings', entityId: 'session.idleMinutes', summary: { before, after: input.idleMinutes } });
    if (input.accessDefaultDays !== undefined) {
      const beforeDays = await readSetting(ctx.tx, 'access.defaultDays');
      await writeSetting(ctx.tx, 'access.defaultDays', input.accessDefaultDays, ctx.clock.now().toISOString());
      await ctx.audit({ action: 'update', entity: 'settings', entityId: 'access.defaultDays', summary: { before: beforeDays, after: input.accessDefaultDays } });
    }
    if (input.contractsExpiringDays !== undefined) {
      const beforeExpiring = await readSetting(ctx.tx, 'contracts.expiringDays');
      await writeSetting(ctx.tx, 'contracts.expiringDays', input.contractsExpiringDays, ctx.clock.now().toISOString());
      await ctx.audit({ action: 'update', entity: 'settings', entityId: 'contracts.expiringDays', summary: { before: beforeExpiring, after: input.contractsExpiringDays } });
    }
    if (input.csvEncoding !== undefined) {
      const beforeEncoding = await readSetting(ctx.tx, 'exports.csvEncoding');
      await writeSetting(ctx.tx, 'exports.csvEncoding', input.csvEncoding, ctx.clock.now().toISOString());
      await ctx.audit({ action: 'update', entity: 'settings', entityId: 'exports.csvEncoding', summary: { before: beforeEncoding, after: input.csvEncoding } });
    }
    ctx.afterCommit(() => {
      ctx.sessions.idleMinutes = input.idleMinutes;
    });
    return {
      idleMinutes: input.idleMinutes,
      accessDefaultDays: await readSetting(ctx.tx, 'access.defaultDays'),
      contractsExpiringDays: await readSetting(ctx.tx, 'contracts.expiringDays'),
      csvEncoding: await readSetting(ctx.tx, 'exports.csvEncoding'),
    };
  },
});
