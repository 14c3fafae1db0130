import { AppError, fieldError } from '@shared/errors';
import { signBlockers } from '@shared/contractLifecycle';
import { handlers } from '../registry';
import { recordEvents } from './events';
import { checkContractIssues, checkContractNoFree, checkMove, checkNotFuture, todayOf, writableContract } from './rules';
import { announce, contractDetailOf, insertContract } from './store';

/**
 * The lifecycle actions: countersign (会签) and the department head's approval of a special contract on a draft,
 * then sign, renew (续签) and terminate (退租; 作废 for a draft). shared/contractLifecycle.ts holds the rules.
 */
export const contractLifecycleHandlers = handlers({
  'contracts.countersign': async (input, ctx) => {
    const c = await writableContract(ctx, input.id, input.version);
    if (c.status !== 'draft') throw new AppError('CONFLICT', 'contracts.errors.notDraft');
    if (c.countersigned) throw new AppError('CONFLICT', 'contracts.errors.alreadyCountersigned');
    checkNotFuture(ctx, input.countersignedOn, 'countersignedOn');
    await ctx.tx.run('UPDATE contracts SET countersigned_by = ?, countersigned_on = ?, version = version + 1, updated_at = ? WHERE id = ?', [
      input.countersignedBy,
      input.countersignedOn,
      ctx.clock.now().toISOString(),
      c.id,
    ]);
    await recordEvents(ctx, c.id, [{ action: 'countersigned', newValue: input.countersignedBy, note: input.countersignedOn }]);
    await ctx.audit({
      action: 'countersign',
      entity: 'contract',
      entityId: c.id,
      summary: { contractNo: c.contractNo, countersignedBy: input.countersignedBy, countersignedOn: input.countersignedOn },
    });
    announce(ctx);
    return contractDetailOf(ctx.tx, c.id, todayOf(ctx));
  },

  'contracts.approveSpecial': async (input, ctx) => {
    const c = await writableContract(ctx, input.id, input.version);
    if (c.status !== 'draft') throw new AppError('CONFLICT', 'contracts.errors.notDraft');
    if (!c.isSpecial) throw new AppError('CONFLICT', 'contracts.errors.notSpecial');
    if (c.specialApproved) throw new AppError('CONFLICT', 'contracts.errors.alreadyApproved');
    const at = ctx.clock.now().toISOString();
    // The approver is whoever is logged in: the permission says they are the department head (or admin).
    await ctx.tx.run(
      `UPDATE contracts SET special_approved_by = ?, special_approved_by_user_id = ?, special_approved_at = ?, special_approval_note = ?,
         version = version + 1, updated_at = ? WHERE id = ?`,
      [ctx.session.displayName, ctx.session.userId, at, input.note, at, c.id],
    );
    await recordEvents(ctx, c.id, [{ action: 'approved', newValue: ctx.session.displayName, note: input.note }]);
    await ctx.audit({ action: 'approve', entity: 'contract', entityId: c.id, summary: { contractNo: c.contractNo, note: input.note } });
    announce(ctx);
    return contractDetailOf(ctx.tx, c.id, todayOf(ctx));
  },

  'contracts.sign': async (input, ctx) => {
    const c = await writableContract(ctx, input.id, input.version);
    checkMove(c.status, 'signed');
    const blockers = signBlockers(c);
    if (blockers.length) throw new AppError('CONFLICT', blockers[0]!, { params: { contractNo: c.contractNo }, blockers });
    checkNotFuture(ctx, input.signedOn, 'signedOn');
    if (c.countersignedOn && input.signedOn < c.countersignedOn) {
      throw fieldError('signedOn', 'contracts.errors.signedBeforeCountersign', { date: c.countersignedOn });
    }
    await ctx.tx.run(`UPDATE contracts SET status = 'signed', signed_on = ?, version = version + 1, updated_at = ? WHERE id = ?`, [
      input.signedOn,
      ctx.clock.now().toISOString(),
      c.id,
    ]);
    await recordEvents(ctx, c.id, [{ action: 'signed', newValue: input.signedOn }]);
    await ctx.audit({ action: 'sign', entity: 'contract', entityId: c.id, summary: { contractNo: c.contractNo, signedOn: input.signedOn } });
    announce(ctx);
    return contractDetailOf(ctx.tx, c.id, todayOf(ctx));
  },

  'contracts.renew': async (input, ctx) => {
    const c = await writableContract(ctx, input.id, input.version);
    checkMove(c.status, 'renewed');
    const successor = { ...input.successor, customerId: c.customerId };
    checkContractIssues(successor, 'successor.');
    await checkContractNoFree(ctx.tx, successor.contractNo, 'successor.contractNo');
    const id = await insertContract(ctx, successor, c.id);
    await recordEvents(ctx, id, [{ action: 'renewalOf', newValue: c.contractNo }]);
    await ctx.tx.run(`UPDATE contracts SET status = 'renewed', renewed_by_id = ?, version = version + 1, updated_at = ? WHERE id = ?`, [
      id,
      ctx.clock.now().toISOString(),
      c.id,
    ]);
    await recordEvents(ctx, c.id, [{ action: 'renewed', newValue: successor.contractNo }]);
    await ctx.audit({
      action: 'renew',
      entity: 'contract',
      entityId: c.id,
      summary: { contractNo: c.contractNo, successor: successor.contractNo, successorId: id, after: successor },
    });
    announce(ctx);
    // The successor is what the clerk works on next (countersign, sign).
    return contractDetailOf(ctx.tx, id, todayOf(ctx));
  },

  'contracts.terminate': async (input, ctx) => {
    const c = await writableContract(ctx, input.id, input.version);
    checkMove(c.status, 'terminated');
    checkNotFuture(ctx, input.terminatedOn, 'terminatedOn');
    if (c.signedOn && input.terminatedOn < c.signedOn) {
      throw fieldError('terminatedOn', 'contracts.errors.terminatedBeforeSigned', { date: c.signedOn });
    }
    await ctx.tx.run(
      `UPDATE contracts SET status = 'terminated', terminated_on = ?, terminated_reason = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      [input.terminatedOn, input.reason, ctx.clock.now().toISOString(), c.id],
    );
    await recordEvents(ctx, c.id, [{ action: 'terminated', newValue: input.terminatedOn, note: input.reason }]);
    await ctx.audit({
      action: 'terminate',
      entity: 'contract',
      entityId: c.id,
      summary: { contractNo: c.contractNo, from: c.status, terminatedOn: input.terminatedOn, reason: input.reason },
    });
    announce(ctx);
    return contractDetailOf(ctx.tx, c.id, todayOf(ctx));
  },
});
