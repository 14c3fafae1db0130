import { AppError } from '@shared/errors';
import { CONTRACT_ALWAYS_EDITABLE, CONTRACT_TERM_FIELDS, type ContractField, type ContractRecord } from '@shared/schemas/contract';
import { handlers } from '../registry';
import { gridPage } from '../grid/page';
import { readSetting } from '../settings/store';
import { visibleCustomers } from '../customers/visibility';
import { CONTRACT_COLUMN, contractToDb } from './columns';
import { recordEvents, type ContractEventEntry } from './events';
import { contractGrid } from './grid';
import { visibleContract } from './records';
import { checkContractIssues, checkContractNoFree, checkCustomerOnFile, todayOf, writableContract } from './rules';
import { contractCounts } from './counts';
import { announce, contractDetailOf, insertContract } from './store';
import { exportContracts } from './export';

const comparable = (field: ContractField, v: unknown) => (field === 'attachments' ? JSON.stringify(v ?? []) : (v ?? null));

/** The fields whose value really changes, old and new side by side. */
function changedFields(current: ContractRecord, changes: Partial<Record<ContractField, unknown>>) {
  return (Object.entries(changes) as [ContractField, unknown][])
    .filter(([field, value]) => value !== undefined && comparable(field, current[field]) !== comparable(field, value))
    .map(([field, value]) => ({ field, oldValue: current[field], newValue: value }));
}


export const contractHandlers = handlers({
  'contracts.query': async (input, ctx) => {
    const days = await readSetting(ctx.db, 'contracts.expiringDays');
    return gridPage(ctx.db, contractGrid(todayOf(ctx), days), input, [visibleCustomers(ctx.session)]);
  },

  'contracts.summary': async (input, ctx) =>
    contractCounts(ctx.db, ctx.session, todayOf(ctx), await readSetting(ctx.db, 'contracts.expiringDays'), input.customerId),

  'contracts.get': async (input, ctx) => {
    const today = todayOf(ctx);
    const c = await visibleContract(ctx.session, ctx.db, input.id, today);
    if (c.customerClass === 'A') {
      // Every view of an A-class record is logged, its contracts included.
      await ctx.write((w) =>
        w.audit({ action: 'view', entity: 'customer', entityId: c.customerId, summary: { code: c.customerCode, name: c.customerName, contractNo: c.contractNo } }),
      );
    }
    return contractDetailOf(ctx.db, input.id, today);
  },

  'contracts.create': async (input, ctx) => {
    const values = input.contract;
    checkContractIssues(values, 'contract.');
    await checkCustomerOnFile(ctx, values.customerId, 'contract.customerId');
    await checkContractNoFree(ctx.tx, values.contractNo, 'contract.contractNo');
    const id = await insertContract(ctx, values);
    await ctx.audit({ action: 'create', entity: 'contract', entityId: id, summary: { contractNo: values.contractNo, after: values } });
    announce(ctx);
    return contractDetailOf(ctx.tx, id, todayOf(ctx));
  },

  'contracts.update': async (input, ctx) => {
    const current = await writableContract(ctx, input.id, input.version);
    const changed = changedFields(current, input.changes);
    if (changed.length === 0) return contractDetailOf(ctx.tx, current.id, todayOf(ctx));

    // Once signed, the terms are what was signed: only the paper trail (attachments, notes) still changes.
    if (current.storedStatus !== 'draft') {
      const locked = changed.filter((c) => !(CONTRACT_ALWAYS_EDITABLE as readonly string[]).includes(c.field));
      if (locked.length) {
        throw new AppError('CONFLICT', 'contracts.errors.termsLocked', {
          issues: locked.map((c) => ({ path: `changes.${c.field}`, key: 'contracts.errors.termsLocked' })),
        });
      }
    }
    const merged = { ...current, ...Object.fromEntries(changed.map((c) => [c.field, c.newValue])) } as ContractRecord;
    checkContractIssues(merged, 'changes.');
    const fields = new Set(changed.map((c) => c.field));
    if (fields.has('customerId')) await checkCustomerOnFile(ctx, merged.customerId, 'changes.customerId');
    if (fields.has('contractNo')) await checkContractNoFree(ctx.tx, merged.contractNo, 'changes.contractNo', current.id);

    // A countersign and an approval were given for the old terms: changing a term withdraws them.
    const termsChanged = changed.some((c) => (CONTRACT_TERM_FIELDS as readonly string[]).includes(c.field));
    const withdraw: ContractEventEntry[] = [];
    const sets = changed.map((c) => `${CONTRACT_COLUMN[c.field]} = ?`);
    const params = changed.map((c) => contractToDb(c.field, c.newValue));
    if (termsChanged && current.countersigned) {
      sets.push('countersigned_by = NULL', 'countersigned_on = NULL');
      withdraw.push({ action: 'countersignWithdrawn', oldValue: current.countersignedBy, note: current.countersignedOn });
    }
    if (termsChanged && current.specialApproved) {
      sets.push('special_approved_by = NULL', 'special_approved_by_user_id = NULL', 'special_approved_at = NULL', 'special_approval_note = NULL');
      withdraw.push({ action: 'approvalWithdrawn', oldValue: current.specialApprovedBy, note: current.specialApprovedAt });
    }
    await ctx.tx.run(`UPDATE contracts SET ${sets.join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`, [
      ...params,
      ctx.clock.now().toISOString(),
      current.id,
    ]);
    await recordEvents(ctx, current.id, [
      ...changed.map((c) => ({ action: 'updated' as const, field: c.field, oldValue: c.oldValue, newValue: c.newValue })),
      ...withdraw,
    ]);
    await ctx.audit({
      action: 'update',
      entity: 'contract',
      entityId: current.id,
      summary: {
        contractNo: current.contractNo,
        before: Object.fromEntries(changed.map((c) => [c.field, c.oldValue])),
        after: Object.fromEntries(changed.map((c) => [c.field, c.newValue])),
        ...(withdraw.length ? { withdrawn: withdraw.map((w) => w.action) } : {}),
      },
    });
    announce(ctx);
    return contractDetailOf(ctx.tx, current.id, todayOf(ctx));
  },

  'contracts.export': async (input, ctx) => exportContracts(input, ctx),
});
