import type { WriteContext } from '../handlers';

/** What a contract's timeline (合同履历) records; the renderer labels each action. */
export type ContractEventAction =
  | 'created'
  | 'updated'
  | 'countersigned'
  | 'countersignWithdrawn'
  | 'approved'
  | 'approvalWithdrawn'
  | 'signed'
  | 'renewed'
  | 'renewalOf'
  | 'terminated';

export interface ContractEventEntry {
  action: ContractEventAction;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  note?: string | null;
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Appends to the contract's timeline inside the caller's transaction; the table refuses updates and deletes. */
export async function recordEvents(ctx: WriteContext, contractId: number, entries: ContractEventEntry[]): Promise<void> {
  const at = ctx.clock.now().toISOString();
  for (const e of entries) {
    await ctx.tx.run(
      `INSERT INTO contract_events (contract_id, at, user_id, user_name, action, field, old_value, new_value, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [contractId, at, ctx.session.userId, ctx.session.displayName, e.action, e.field ?? null, asText(e.oldValue), asText(e.newValue), e.note ?? null],
    );
  }
}
