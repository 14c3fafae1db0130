import { handlers } from '../registry';

/** Per-user preferences such as a grid's column state. Not audited: they change nothing the office shares. */
export const prefsHandlers = handlers({
  'prefs.get': async (input, ctx) => {
    const row = await ctx.db.get<{ value: string }>('SELECT value FROM user_prefs WHERE user_id = ? AND key = ?', [ctx.session.userId, input.key]);
    return { value: row ? (JSON.parse(row.value) as unknown) : null };
  },
  'prefs.set': async (input, ctx) => {
    await ctx.tx.run(
      `INSERT INTO user_prefs (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [ctx.session.userId, input.key, JSON.stringify(input.value ?? null), ctx.clock.now().toISOString()],
    );
    return { ok: true as const };
  },
});
