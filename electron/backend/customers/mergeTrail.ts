import type { ComplaintStatus } from '@shared/schemas/complaint';
import type { WriteContext } from '../handlers';
import { recordEvents } from '../contracts/events';
import { recordEvent } from '../complaints/records';

/**
 * A merge changes the customer of the duplicate's visits, contracts and complaints: each says so in its own history
 * (拜访记录 修改记录, 合同履历, 投诉处理记录), as an edit of the customer would, so a record read on its own still shows
 * where it came from. Written before the rows move, inside the merge's transaction.
 */
export async function recordMovedRecords(ctx: WriteContext, duplicateId: number, from: string, to: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const visits = await ctx.tx.all<{ id: number }>('SELECT id FROM visits WHERE customer_id = ? ORDER BY id', [duplicateId]);
  for (const v of visits)
    await ctx.tx.run(
      `INSERT INTO visit_changes (visit_id, field, old_value, new_value, user_id, user_name, changed_at) VALUES (?, 'customerName', ?, ?, ?, ?, ?)`,
      [v.id, from, to, ctx.session.userId, ctx.session.displayName, at],
    );
  const contracts = await ctx.tx.all<{ id: number }>('SELECT id FROM contracts WHERE customer_id = ? ORDER BY id', [duplicateId]);
  for (const c of contracts) await recordEvents(ctx, c.id, [{ action: 'updated', field: 'customerName', oldValue: from, newValue: to }]);
  const complaints = await ctx.tx.all<{ id: number; status: ComplaintStatus }>(
    'SELECT id, status FROM complaints WHERE customer_id = ? ORDER BY id',
    [duplicateId],
  );
  for (const c of complaints)
    await recordEvent(ctx.tx, { complaintId: c.id, at, session: ctx.session, action: 'edited', statusAfter: c.status, detail: { customer: [from, to] } });
}
