import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { contactValues, createCustomer, customerValues, today } from '../helpers/customers';
import { visitValues } from '../helpers/visits';

/** Visit records (拜访记录): recorded, edited with a history, voided with a reason, never deleted. */
describe('visit records', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let reader: TestUser;
  let staffId: number;
  let otherStaffId: number;
  let customerId: number;
  let contactId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    reader = await env.createUser({ roles: ['manager'], projectStaff: true });
    staffId = await env.createStaff({ name: '张伟' });
    otherStaffId = await env.createStaff({ name: '李娜' });
    const made = await createCustomer(env, clerk.caller, customerValues(staffId, { name: '杭州鑫达商贸有限公司' }), {
      contacts: [contactValues({ name: '王建国', title: '总经理' })],
    });
    customerId = made.customer.id;
    contactId = made.contacts[0]!.id;
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const rows = async (caller = clerk.caller, extra: Record<string, unknown> = {}) =>
    (await env.call(caller, 'visits.query', { startRow: 0, endRow: 100, ...extra })).rows;

  it('records a visit with the contact met, shows it in the register, the customer tab and the recent list, and audits it', async () => {
    const visit = await env.call(clerk.caller, 'visits.create', {
      customerId,
      visit: visitValues(env, staffId, {
        channel: 'visit',
        contactId,
        contactName: '王建国',
        contactTitle: '总经理',
        customerNeeds: '希望增加节日礼盒品种',
        competitors: '恒通商贸本月降价 3%',
        followUp: '上次建议的陈列方案已落实',
        significant: true,
      }),
    });
    expect(visit).toMatchObject({
      customerId,
      customerName: '杭州鑫达商贸有限公司',
      staffName: '张伟',
      channel: 'visit',
      contactId,
      contactName: '王建国',
      significant: true,
      status: 'valid',
      createdBy: '陈静',
      version: 1,
    });
    expect((await rows()).map((r) => r.id)).toEqual([visit.id]);
    expect((await rows(reader.caller, { customerId })).map((r) => r.id)).toEqual([visit.id]);
    expect(await env.call(reader.caller, 'visits.recent', { customerId, limit: 5 })).toEqual([
      expect.objectContaining({ id: visit.id, channel: 'visit', staffName: '张伟', contactName: '王建国', significant: true }),
    ]);
    const audit = await env.backend.store.reader.get<{ channel: string; action: string; entity_id: string }>(
      `SELECT channel, action, entity_id FROM audit_log WHERE entity = 'visit' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ channel: 'visits.create', action: 'create', entity_id: String(visit.id) });
    const detail = await env.call(reader.caller, 'visits.get', { id: visit.id });
    expect(detail.changes.map((c) => c.field)).toEqual(['created']);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await env.snapshot();
    const other = await createCustomer(env, clerk.caller, customerValues(staffId), { contacts: [contactValues({ name: '外人' })] });
    const afterSetup = await env.snapshot();
    expect(afterSetup).not.toBe(before);
    const base = visitValues(env, staffId);
    const cases: [unknown, string, string][] = [
      [{ customerId, visit: { ...base, content: '' } }, 'visit.content', 'v.required'],
      [{ customerId, visit: { ...base, purpose: 'x'.repeat(201) } }, 'visit.purpose', 'v.tooLong'],
      [{ customerId, visit: { ...base, channel: 'email' } }, 'visit.channel', 'v.invalidChoice'],
      [{ customerId, visit: { ...base, visitedOn: '2026-02-30' } }, 'visit.visitedOn', 'v.date'],
      [{ customerId, visit: { ...base, visitedOn: '2026-11-26' } }, 'visit.visitedOn', 'v.futureDate'],
      [{ customerId, visit: { ...base, staffId: 99999 } }, 'visit.staffId', 'visits.errors.staffUnknown'],
      [{ customerId, visit: { ...base, contactId: other.contacts[0]!.id } }, 'visit.contactId', 'visits.errors.contactNotOfCustomer'],
      [{ customerId, visit: { ...base, unknown: 1 } }, 'visit', 'v.unknownField'],
    ];
    for (const [input, path, key] of cases) {
      const error = await env.fail(clerk.caller, 'visits.create', input);
      expect(error.code, path).toBe('VALIDATION');
      expect(error.details?.issues?.[0], path).toMatchObject({ path, key });
    }
    expect((await env.fail(clerk.caller, 'visits.create', { customerId: 99999, visit: base })).code).toBe('NOT_FOUND');
    expect(await env.snapshot()).toBe(afterSetup);
  });

  it('refuses a visit of an inactive staff member and of an archived customer', async () => {
    const gone = await env.createStaff({ name: '离职员工', active: false });
    const archived = await createCustomer(env, clerk.caller, customerValues(staffId));
    await env.call(clerk.caller, 'customers.archive', { id: archived.customer.id, version: archived.customer.version, reason: '停业', receivedOn: today(env) });
    const before = await env.snapshot();
    const inactive = await env.fail(clerk.caller, 'visits.create', { customerId, visit: visitValues(env, gone) });
    expect(inactive.details?.issues?.[0]).toMatchObject({ path: 'visit.staffId', key: 'visits.errors.staffUnknown' });
    const onArchived = await env.fail(clerk.caller, 'visits.create', { customerId: archived.customer.id, visit: visitValues(env, staffId) });
    expect(onArchived).toMatchObject({ code: 'CONFLICT', message: 'errors.customer.archived' });
    expect(await env.snapshot()).toBe(before);
  });

  it('edits keep a history by field, with staff names; a stale version is refused', async () => {
    const v = await env.call(clerk.caller, 'visits.create', { customerId, visit: visitValues(env, staffId) });
    const edited = await env.call(clerk.caller, 'visits.update', {
      id: v.id,
      version: v.version,
      changes: { staffId: otherStaffId, content: '客户确认下周补货', significant: false },
    });
    expect(edited).toMatchObject({ version: 2, staffName: '李娜', content: '客户确认下周补货' });
    const detail = await env.call(clerk.caller, 'visits.get', { id: v.id });
    expect(detail.changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['created', null, `${v.visitedOn} 李四`],
      ['staffId', '张伟', '李娜'],
      ['content', v.content, '客户确认下周补货'],
    ]);
    const before = await env.snapshot();
    const stale = await env.fail(clerk.caller, 'visits.update', { id: v.id, version: 1, changes: { content: '覆盖' } });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: 'visits.errors.stale' });
    const future = await env.fail(clerk.caller, 'visits.update', { id: v.id, version: 2, changes: { visitedOn: '2027-01-01' } });
    expect(future.details?.issues?.[0]).toMatchObject({ path: 'changes.visitedOn', key: 'v.futureDate' });
    expect(await env.snapshot()).toBe(before);
    // Nothing changed: no new version, no history line.
    expect(await env.call(clerk.caller, 'visits.update', { id: v.id, version: 2, changes: { content: '客户确认下周补货' } })).toMatchObject({ version: 2 });
  });

  it('voids with a reason instead of deleting; a voided record cannot be edited, voided again or deleted', async () => {
    const v = await env.call(clerk.caller, 'visits.create', { customerId, visit: visitValues(env, staffId, { purpose: '误录的拜访' }) });
    const noReason = await env.fail(clerk.caller, 'visits.void', { id: v.id, version: v.version, reason: ' ' });
    expect(noReason.details?.issues?.[0]).toMatchObject({ path: 'reason', key: 'v.required' });
    const voided = await env.call(clerk.caller, 'visits.void', { id: v.id, version: v.version, reason: '客户选错了' });
    expect(voided).toMatchObject({ status: 'voided', voidedReason: '客户选错了', voidedBy: '陈静', version: 2 });
    expect(await env.fail(clerk.caller, 'visits.update', { id: v.id, version: 2, changes: { content: '改' } })).toMatchObject({
      code: 'CONFLICT',
      message: 'visits.errors.voided',
    });
    expect(await env.fail(clerk.caller, 'visits.void', { id: v.id, version: 2, reason: '再次' })).toMatchObject({
      code: 'CONFLICT',
      message: 'visits.errors.alreadyVoided',
    });
    // The register still lists it, marked; the recent list (the printed card) leaves it out.
    const all = await rows(clerk.caller, { customerId, filterModel: { status: { filterType: 'set', values: ['voided'] } } });
    expect(all.map((r) => [r.id, r.status, r.voidedReason])).toEqual([[v.id, 'voided', '客户选错了']]);
    const recent = await env.call(clerk.caller, 'visits.recent', { customerId, limit: 20 });
    expect(recent.map((r) => r.id)).not.toContain(v.id);
    await expect(env.backend.store.write((tx) => tx.run('DELETE FROM visits WHERE id = ?', [v.id]))).rejects.toThrow(/never deleted/);
    await expect(env.backend.store.write((tx) => tx.run('DELETE FROM visit_changes'))).rejects.toThrow(/append-only/);
  });

  it('filters the register by date, staff, channel and customer, and sorts newest first', async () => {
    const second = await createCustomer(env, clerk.caller, customerValues(otherStaffId, { name: '宁波华盛超市有限公司' }));
    const a = await env.call(clerk.caller, 'visits.create', {
      customerId: second.customer.id,
      visit: visitValues(env, otherStaffId, { visitedOn: '2026-10-08', channel: 'visit' }),
    });
    const b = await env.call(clerk.caller, 'visits.create', {
      customerId: second.customer.id,
      visit: visitValues(env, otherStaffId, { visitedOn: '2026-10-20', channel: 'phone' }),
    });
    const view = (filterModel: Record<string, unknown>, quickSearch = '') => rows(clerk.caller, { filterModel, quickSearch });
    expect((await view({ visitedOn: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-01', dateTo: '2026-10-31' } })).map((r) => r.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect((await view({ channel: { filterType: 'set', values: ['visit'] }, staffId: { filterType: 'set', values: [String(otherStaffId)] } })).map((r) => r.id)).toEqual([a.id]);
    expect((await view({}, '华盛超市')).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await view({}, '华盛')).map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('exports the register as 客户拜访记录台账 with words for codes', async () => {
    const file = await env.call(clerk.caller, 'visits.export', {
      view: { filterModel: { customerName: { filterType: 'text', type: 'contains', filter: '华盛' } }, sortModel: [{ colId: 'visitedOn', sort: 'asc' }] },
      columns: ['visitedOn', 'customerName', 'staffId', 'channel', 'significant'],
      format: 'csv',
    });
    expect(file.fileName).toMatch(/^客户拜访记录台账_\d{4}-\d{2}-\d{2}_\d{4}\.csv$/);
    expect(file.rows).toBe(2);
    const text = (await readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path)).subarray(3).toString('utf8');
    expect(text).toBe(
      '拜访日期,客户名称,员工,方式,重要信息\r\n2026-10-08,宁波华盛超市有限公司,李娜,走访,否\r\n2026-10-20,宁波华盛超市有限公司,李娜,电话,否\r\n',
    );
  });
});
