import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { contractValues, createContract, signedContract } from '../helpers/contracts';

/** customers.md "Contracts": the record, its lifecycle rules and the audit of every change. */
describe('contracts', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let head: TestUser; // supervisor: approves special contracts
  let customerId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '陈静' });
    head = await env.createUser({ roles: ['supervisor'], displayName: '孙建华' });
    const staffId = await env.createStaff();
    customerId = (await createCustomer(env, clerk.caller, customerValues(staffId, { name: '杭州鑫源贸易有限公司' }))).customer.id;
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const auditOf = (entityId: number) =>
    env.backend.store.reader.all<{ action: string; user_name: string; summary: string }>(
      `SELECT action, user_name, summary FROM audit_log WHERE entity = 'contract' AND entity_id = ? ORDER BY id`,
      [String(entityId)],
    );

  it('creates a draft with its attachments, a timeline entry and an audit entry', async () => {
    const values = contractValues(customerId, {
      contractNo: 'HT-2026-0100',
      amountFen: 8_800_000,
      attachments: [
        { title: '报价单', pages: 2 },
        { title: '营业执照复印件', pages: 1, notes: '加盖公章' },
      ],
    });
    const { contract, events } = await createContract(env, clerk.caller, values);
    expect(contract).toMatchObject({
      contractNo: 'HT-2026-0100',
      customerId,
      customerName: '杭州鑫源贸易有限公司',
      contractType: 'regular',
      status: 'draft',
      storedStatus: 'draft',
      amountFen: 8_800_000,
      countersigned: false,
      specialApproved: false,
      signedOn: null,
      retainUntil: null,
      createdBy: '陈静',
      attachments: [
        { title: '报价单', pages: 2, notes: null },
        { title: '营业执照复印件', pages: 1, notes: '加盖公章' },
      ],
    });
    expect(events.map((e) => [e.action, e.newValue, e.userName])).toEqual([['created', 'HT-2026-0100', '陈静']]);
    expect((await auditOf(contract.id)).map((a) => a.action)).toEqual(['create']);
    const got = await env.call(head.caller, 'contracts.get', { id: contract.id });
    expect(got.contract).toEqual(contract);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await env.snapshot();
    const cases: [unknown, string, string][] = [
      [{ contract: { ...contractValues(customerId), contractNo: '  ' } }, 'contract.contractNo', 'v.required'],
      [{ contract: { ...contractValues(customerId), contractType: 'special' } }, 'contract.contractType', 'v.required'],
      [{ contract: { ...contractValues(customerId), startOn: '2026-02-30' } }, 'contract.startOn', 'v.date'],
      [{ contract: { ...contractValues(customerId), amountFen: 12.5 } }, 'contract.amountFen', 'v.integerFen'],
      [{ contract: { ...contractValues(customerId), amountFen: -1 } }, 'contract.amountFen', 'v.tooSmall'],
      [{ contract: { ...contractValues(customerId), attachments: [{ title: '', pages: 2 }] } }, 'contract.attachments.0.title', 'v.required'],
      [{ contract: { ...contractValues(customerId), attachments: [{ title: '报价单', pages: 0 }] } }, 'contract.attachments.0.pages', 'v.tooSmall'],
      [{ contract: { ...contractValues(customerId), endOn: '2026-11-30', startOn: '2026-12-01' } }, 'contract.endOn', 'contracts.errors.endBeforeStart'],
      [{ contract: { ...contractValues(customerId), isSpecial: true } }, 'contract.specialReason', 'v.required'],
      [{ contract: { ...contractValues(customerId), customerId: 999_999 } }, 'contract.customerId', 'errors.customer.notFound'],
      [{ contract: { ...contractValues(customerId), sneaky: 1 } }, 'contract', 'v.unknownField'],
    ];
    for (const [input, path, key] of cases) {
      const error = await env.fail(clerk.caller, 'contracts.create', input);
      expect(error.code, path).toBe('VALIDATION');
      expect(error.details?.issues, path).toEqual([expect.objectContaining({ path, key })]);
    }
    expect(await env.snapshot()).toBe(before);
  });

  it('keeps contract numbers unique whatever the case', async () => {
    await createContract(env, clerk.caller, contractValues(customerId, { contractNo: 'HT-UNIQ-1' }));
    const before = await env.snapshot();
    const error = await env.fail(clerk.caller, 'contracts.create', { contract: contractValues(customerId, { contractNo: 'ht-uniq-1' }) });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'contracts.errors.noTaken', details: { params: { contractNo: 'ht-uniq-1' } } });
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'contract.contractNo' })]);
    expect(await env.snapshot()).toBe(before);
  });

  it('edits a draft, records old and new values per field, and refuses a stale version', async () => {
    const { contract } = await createContract(env, clerk.caller, contractValues(customerId, { amountFen: 100_000 }));
    const { contract: edited, events } = await env.call(clerk.caller, 'contracts.update', {
      id: contract.id,
      version: contract.version,
      changes: { amountFen: 250_050, notes: '含运费' },
    });
    expect(edited).toMatchObject({ amountFen: 250_050, notes: '含运费', version: contract.version + 1 });
    const updates = events.filter((e) => e.action === 'updated').map((e) => [e.field, e.oldValue, e.newValue]);
    expect(updates.sort()).toEqual([
      ['amountFen', '100000', '250050'],
      ['notes', null, '含运费'],
    ]);
    const audit = await auditOf(contract.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update' });
    expect(JSON.parse(audit.at(-1)!.summary)).toMatchObject({ before: { amountFen: 100_000, notes: null }, after: { amountFen: 250_050, notes: '含运费' } });

    const before = await env.snapshot();
    const stale = await env.fail(clerk.caller, 'contracts.update', { id: contract.id, version: contract.version, changes: { notes: '再改' } });
    expect(stale).toEqual({ code: 'CONFLICT', message: 'contracts.errors.stale' });
    const badEnd = await env.fail(clerk.caller, 'contracts.update', { id: contract.id, version: edited.version, changes: { endOn: '2026-01-01' } });
    expect(badEnd.details?.issues).toEqual([expect.objectContaining({ path: 'changes.endOn', key: 'contracts.errors.endBeforeStart' })]);
    expect(await env.snapshot()).toBe(before);
  });

  describe('signing', () => {
    it('refuses to sign a non-regular contract without countersign, with a clear message, writing nothing', async () => {
      const { contract } = await createContract(env, clerk.caller, contractValues(customerId, { contractType: 'nonRegular' }));
      const before = await env.snapshot();
      const error = await env.fail(clerk.caller, 'contracts.sign', { id: contract.id, version: contract.version, signedOn: today(env) });
      expect(error).toMatchObject({ code: 'CONFLICT', message: 'contracts.errors.countersignRequired' });
      expect(await env.snapshot()).toBe(before);
    });

    it('signs it once the countersign is recorded (who and when), not before the countersign date', async () => {
      const { contract } = await createContract(env, clerk.caller, contractValues(customerId, { contractType: 'nonRegular' }));
      const { contract: cs, events } = await env.call(clerk.caller, 'contracts.countersign', {
        id: contract.id,
        version: contract.version,
        countersignedBy: '财务部 李娜；法务部 王强',
        countersignedOn: '2026-11-20',
      });
      expect(cs).toMatchObject({ countersigned: true, countersignedBy: '财务部 李娜；法务部 王强', countersignedOn: '2026-11-20', status: 'draft' });
      expect(events[0]).toMatchObject({ action: 'countersigned', newValue: '财务部 李娜；法务部 王强', note: '2026-11-20', userName: '陈静' });

      const twice = await env.fail(clerk.caller, 'contracts.countersign', { id: cs.id, version: cs.version, countersignedBy: '又一次', countersignedOn: '2026-11-21' });
      expect(twice.message).toBe('contracts.errors.alreadyCountersigned');
      const early = await env.fail(clerk.caller, 'contracts.sign', { id: cs.id, version: cs.version, signedOn: '2026-11-19' });
      expect(early).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'signedOn', key: 'contracts.errors.signedBeforeCountersign', params: { date: '2026-11-20' } }] } });
      const future = await env.fail(clerk.caller, 'contracts.sign', { id: cs.id, version: cs.version, signedOn: '2026-11-26' });
      expect(future.details?.issues).toEqual([expect.objectContaining({ path: 'signedOn', key: 'v.futureDate' })]);

      const { contract: signed } = await env.call(clerk.caller, 'contracts.sign', { id: cs.id, version: cs.version, signedOn: '2026-11-24' });
      // Starts 2026-12-01: signed, not yet running.
      expect(signed).toMatchObject({ status: 'signed', storedStatus: 'signed', signedOn: '2026-11-24', retainUntil: '2037-11-30' });
      expect((await auditOf(contract.id)).map((a) => a.action)).toEqual(['create', 'countersign', 'sign']);
    });

    it('refuses a countersign dated in the future', async () => {
      const { contract } = await createContract(env, clerk.caller, contractValues(customerId, { contractType: 'nonRegular' }));
      const error = await env.fail(clerk.caller, 'contracts.countersign', { id: contract.id, version: contract.version, countersignedBy: '财务部', countersignedOn: '2026-12-01' });
      expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'countersignedOn', key: 'v.futureDate' })]);
    });

    it('a special contract needs the department head’s approval; the clerk may not give it', async () => {
      const { contract } = await createContract(env, clerk.caller, contractValues(customerId, { isSpecial: true, specialReason: '账期 90 天，超出标准 60 天' }));
      const refused = await env.fail(clerk.caller, 'contracts.sign', { id: contract.id, version: contract.version, signedOn: today(env) });
      expect(refused.message).toBe('contracts.errors.approvalRequired');
      expect((await env.fail(clerk.caller, 'contracts.approveSpecial', { id: contract.id, version: contract.version })).code).toBe('FORBIDDEN');

      const { contract: approved, events } = await env.call(head.caller, 'contracts.approveSpecial', { id: contract.id, version: contract.version, note: '同意，注意回款' });
      expect(approved).toMatchObject({ specialApproved: true, specialApprovedBy: '孙建华', specialApprovedAt: env.clock.now().toISOString(), specialApprovalNote: '同意，注意回款' });
      expect(events[0]).toMatchObject({ action: 'approved', userName: '孙建华' });
      expect((await env.fail(head.caller, 'contracts.approveSpecial', { id: approved.id, version: approved.version })).message).toBe('contracts.errors.alreadyApproved');

      const { contract: signed } = await env.call(clerk.caller, 'contracts.sign', { id: approved.id, version: approved.version, signedOn: today(env) });
      expect(signed.status).toBe('signed');
      expect((await auditOf(contract.id)).map((a) => [a.action, a.user_name])).toEqual([
        ['create', clerk.username],
        ['approve', head.username],
        ['sign', clerk.username],
      ]);
    });

    it('a regular contract that is not special needs no approval', async () => {
      const { contract } = await createContract(env, clerk.caller, contractValues(customerId));
      expect((await env.fail(head.caller, 'contracts.approveSpecial', { id: contract.id, version: contract.version })).message).toBe('contracts.errors.notSpecial');
    });

    it('changing a term of a countersigned, approved draft withdraws both; changing notes does not', async () => {
      const { contract: c0 } = await createContract(env, clerk.caller, contractValues(customerId, { contractType: 'nonRegular', isSpecial: true, specialReason: '免收保证金' }));
      const { contract: c1 } = await env.call(clerk.caller, 'contracts.countersign', { id: c0.id, version: c0.version, countersignedBy: '财务部 李娜', countersignedOn: today(env) });
      const { contract: c2 } = await env.call(head.caller, 'contracts.approveSpecial', { id: c1.id, version: c1.version });
      const { contract: c3 } = await env.call(clerk.caller, 'contracts.update', { id: c2.id, version: c2.version, changes: { notes: '补充说明' } });
      expect(c3).toMatchObject({ countersigned: true, specialApproved: true });
      const { contract: c4, events } = await env.call(clerk.caller, 'contracts.update', { id: c3.id, version: c3.version, changes: { amountFen: 9_900_000 } });
      expect(c4).toMatchObject({ countersigned: false, countersignedBy: null, specialApproved: false, specialApprovedBy: null });
      expect(events.slice(0, 3).map((e) => e.action).sort()).toEqual(['approvalWithdrawn', 'countersignWithdrawn', 'updated']);
      expect((await env.fail(clerk.caller, 'contracts.sign', { id: c4.id, version: c4.version, signedOn: today(env) })).message).toBe('contracts.errors.countersignRequired');
    });
  });

  describe('after signing', () => {
    it('locks the terms but lets attachments and notes change', async () => {
      const { contract } = await signedContract(env, clerk.caller, contractValues(customerId));
      const before = await env.snapshot();
      const locked = await env.fail(clerk.caller, 'contracts.update', {
        id: contract.id,
        version: contract.version,
        changes: { amountFen: 1, endOn: '2028-11-30', notes: '可以' },
      });
      expect(locked).toMatchObject({ code: 'CONFLICT', message: 'contracts.errors.termsLocked' });
      expect(locked.details?.issues?.map((i) => i.path).sort()).toEqual(['changes.amountFen', 'changes.endOn']);
      expect(await env.snapshot()).toBe(before);
      const { contract: edited } = await env.call(clerk.caller, 'contracts.update', {
        id: contract.id,
        version: contract.version,
        changes: { notes: '原件存档案室', attachments: [...contract.attachments, { title: '补充协议', pages: 3, notes: null }] },
      });
      expect(edited.attachments.map((a) => a.title)).toEqual(['报价单', '补充协议']);
    });

    it('refuses moves the lifecycle does not allow, naming both statuses', async () => {
      const { contract } = await signedContract(env, clerk.caller, contractValues(customerId));
      const again = await env.fail(clerk.caller, 'contracts.sign', { id: contract.id, version: contract.version, signedOn: today(env) });
      expect(again).toEqual({ code: 'CONFLICT', message: 'contracts.errors.transition', details: { params: { from: 'signed', to: 'signed' } } });
      // Signed for December: not running yet, so nothing to renew.
      const { customerId: _c, ...successor } = contractValues(customerId);
      const early = await env.fail(clerk.caller, 'contracts.renew', { id: contract.id, version: contract.version, successor });
      expect(early.details?.params).toEqual({ from: 'signed', to: 'renewed' });
      const countersign = await env.fail(clerk.caller, 'contracts.countersign', { id: contract.id, version: contract.version, countersignedBy: '财务部', countersignedOn: today(env) });
      expect(countersign.message).toBe('contracts.errors.notDraft');
    });

    it('renews a running contract: a linked draft successor, the old one 续签', async () => {
      const { contract: old } = await signedContract(env, clerk.caller, contractValues(customerId, { contractNo: 'HT-2025-0900', startOn: '2025-12-01', endOn: '2026-11-30' }));
      expect(old.status).toBe('active');
      const { customerId: _c, ...successor } = contractValues(customerId, { contractNo: 'HT-2026-0900', startOn: '2026-12-01', endOn: '2027-11-30' });
      const { contract: next, events } = await env.call(clerk.caller, 'contracts.renew', { id: old.id, version: old.version, successor });
      expect(next).toMatchObject({ contractNo: 'HT-2026-0900', customerId, status: 'draft', renewsId: old.id, renewsNo: 'HT-2025-0900' });
      expect(events.map((e) => e.action).sort()).toEqual(['created', 'renewalOf']);
      const { contract: renewed, events: oldEvents } = await env.call(clerk.caller, 'contracts.get', { id: old.id });
      expect(renewed).toMatchObject({ status: 'renewed', renewedById: next.id, renewedByNo: 'HT-2026-0900', retainUntil: '2036-11-30' });
      expect(oldEvents[0]).toMatchObject({ action: 'renewed', newValue: 'HT-2026-0900' });
      const final = await env.fail(clerk.caller, 'contracts.terminate', { id: renewed.id, version: renewed.version, terminatedOn: today(env), reason: '不可' });
      expect(final.details?.params).toEqual({ from: 'renewed', to: 'terminated' });
    });

    it('terminates (退租) a running contract with date and reason; not before it was signed', async () => {
      const { contract } = await signedContract(env, clerk.caller, contractValues(customerId, { startOn: '2026-01-01', endOn: '2027-12-31' }), { signedOn: '2025-12-20' });
      const early = await env.fail(clerk.caller, 'contracts.terminate', { id: contract.id, version: contract.version, terminatedOn: '2025-12-01', reason: '客户退租' });
      expect(early.details?.issues).toEqual([expect.objectContaining({ path: 'terminatedOn', key: 'contracts.errors.terminatedBeforeSigned' })]);
      const { contract: ended, events } = await env.call(clerk.caller, 'contracts.terminate', { id: contract.id, version: contract.version, terminatedOn: '2026-11-20', reason: '客户退租' });
      expect(ended).toMatchObject({ status: 'terminated', terminatedOn: '2026-11-20', terminatedReason: '客户退租', retainUntil: '2036-11-20' });
      expect(events[0]).toMatchObject({ action: 'terminated', newValue: '2026-11-20', note: '客户退租' });
    });

    it('voids a draft entered by mistake: it binds nothing and stays on record', async () => {
      const { contract } = await createContract(env, clerk.caller, contractValues(customerId));
      const { contract: voided } = await env.call(clerk.caller, 'contracts.terminate', { id: contract.id, version: contract.version, terminatedOn: today(env), reason: '录入错误' });
      expect(voided).toMatchObject({ status: 'terminated', signedOn: null, retainUntil: null });
      await expect(env.backend.store.write((tx) => tx.run('DELETE FROM contracts WHERE id = ?', [contract.id]))).rejects.toThrow(/never deleted/);
    });
  });

  it('freezes the contracts of an archived customer', async () => {
    const staffId = await env.createStaff();
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const { contract } = await createContract(env, clerk.caller, contractValues(customer.id));
    await env.call(clerk.caller, 'contracts.terminate', { id: contract.id, version: contract.version, terminatedOn: today(env), reason: '作废' });
    await env.call(clerk.caller, 'customers.archive', { id: customer.id, version: customer.version, reason: '停业', receivedOn: today(env) });
    const create = await env.fail(clerk.caller, 'contracts.create', { contract: contractValues(customer.id) });
    expect(create).toMatchObject({ code: 'CONFLICT', message: 'errors.customer.archived' });
    const { contract: voided } = await env.call(clerk.caller, 'contracts.get', { id: contract.id });
    const edit = await env.fail(clerk.caller, 'contracts.update', { id: voided.id, version: voided.version, changes: { notes: '补' } });
    expect(edit).toEqual({ code: 'CONFLICT', message: 'contracts.errors.customerArchived' });
  });
});
