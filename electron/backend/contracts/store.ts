import { CONTRACT_FIELDS, type ContractValues } from '@shared/schemas/contract';
import type { ChannelOutput } from '@shared/contract';
import type { WriteContext } from '../handlers';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { CONTRACT_COLUMN, contractToDb } from './columns';
import { loadContract, loadEvents } from './records';
import { recordEvents } from './events';

/** Files a new draft contract and starts its timeline; returns its id. */
export async function insertContract(ctx: WriteContext, values: ContractValues, renewsId: number | null = null): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const columns = CONTRACT_FIELDS.map((f) => CONTRACT_COLUMN[f]);
  const { lastID } = await ctx.tx.run(
    `INSERT INTO contracts (${columns.join(', ')}, renews_id, status, created_by, created_at, updated_at)
     VALUES (${columns.map(() => '?').join(', ')}, ?, 'draft', ?, ?, ?)`,
    [...CONTRACT_FIELDS.map((f) => contractToDb(f, values[f])), renewsId, ctx.session.displayName, now, now],
  );
  await recordEvents(ctx, lastID, [{ action: 'created', newValue: values.contractNo }]);
  return lastID;
}

/** The contract with its timeline, as the channels return it. */
export async function contractDetailOf(db: Reader | Tx, id: number, today: string): Promise<ChannelOutput<'contracts.get'>> {
  return { contract: (await loadContract(db, id, today))!, events: await loadEvents(db, id) };
}

/** Every write tells open grids and the dashboard that contracts changed. */
export function announce(ctx: WriteContext): void {
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'contract' }));
}
