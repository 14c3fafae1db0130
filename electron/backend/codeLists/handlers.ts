import { AppError } from '@shared/errors';
import type { CodeListEntry } from '@shared/schemas/admin';
import { localDate } from '@shared/dates';
import { handlers } from '../registry';
import { markReviewed, reviewStatus } from './review';

const select = 'SELECT id, list, code, label, active, sort_order AS sortOrder FROM code_list_entries';
const toEntry = (raw: Record<string, unknown>) => ({ ...(raw as unknown as CodeListEntry), active: raw.active === 1 });

export const codeListHandlers = handlers({
  'codeLists.list': async (_input, ctx) => (await ctx.db.all<Record<string, unknown>>(`${select} ORDER BY list, sort_order, code`)).map(toEntry),

  /** Adds an entry or changes its label, order or active flag. The code of an entry in use never changes. */
  'codeLists.save': async (input, ctx) => {
    const clash = await ctx.tx.get<{ id: number }>('SELECT id FROM code_list_entries WHERE list = ? AND code = ?', [input.list, input.code]);
    if (input.id === undefined) {
      if (clash) throw new AppError('CONFLICT', 'errors.codeList.codeTaken', { params: { code: input.code }, issues: [{ path: 'code', key: 'errors.codeList.codeTaken', params: { code: input.code } }] });
      const { lastID } = await ctx.tx.run('INSERT INTO code_list_entries (list, code, label, active, sort_order) VALUES (?, ?, ?, ?, ?)', [
        input.list,
        input.code,
        input.label,
        input.active ? 1 : 0,
        input.sortOrder,
      ]);
      await ctx.audit({ action: 'create', entity: 'codeList', entityId: lastID, summary: { after: input } });
      return toEntry((await ctx.tx.get<Record<string, unknown>>(`${select} WHERE id = ?`, [lastID]))!);
    }
    const before = await ctx.tx.get<Record<string, unknown>>(`${select} WHERE id = ?`, [input.id]);
    if (!before || before.list !== input.list || before.code !== input.code) throw new AppError('NOT_FOUND', 'errors.codeList.notFound');
    await ctx.tx.run('UPDATE code_list_entries SET label = ?, active = ?, sort_order = ? WHERE id = ?', [input.label, input.active ? 1 : 0, input.sortOrder, input.id]);
    await ctx.audit({ action: 'update', entity: 'codeList', entityId: input.id, summary: { before: toEntry(before), after: input } });
    return toEntry((await ctx.tx.get<Record<string, unknown>>(`${select} WHERE id = ?`, [input.id]))!);
  },

  'codeLists.reviewStatus': async (_input, ctx) => reviewStatus(ctx.db, localDate(ctx.clock.now())),
  'codeLists.markReviewed': async (input, ctx) => markReviewed(ctx, input.notes ?? null),
});
