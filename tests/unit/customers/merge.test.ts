import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import type { CustomerInput, CustomerRecord } from '@shared/schemas/customer';
import type { Caller } from '../../../electron/backend/index';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { closeChecked } from '../helpers/officeTime';
import { contactValues, createCustomer, customerValues, today } from '../helpers/customers';
import { visitValues } from '../helpers/visits';
import { archiveDocValues, contractValues, createContract } from '../helpers/contracts';
import { complaintValues } from '../helpers/complaints';

/**
 * 合并重复客户 (customers.md "Access": only admin merges duplicates). The kept customer's record stays as it is;
 * the duplicate's contacts, visits, plan lines, contracts, complaints and archive documents move to it, and the
 * duplicate is archived with a pointer to the kept one. The clock stands on 2026-11-25.
 */

type MergeInput = ChannelInput<'customers.merge'>;

const REASON = '同一客户录了两次';

/** The merge payload for `keep` and `duplicate` at their current versions. */
function mergeInput(env: TestEnv, keep: CustomerRecord, duplicate: CustomerRecord, overrides: Partial<MergeInput> = {}): MergeInput {
  return {
    keepId: keep.id,
    keepVersion: keep.version,
    duplicateId: duplicate.id,
    duplicateVersion: duplicate.version,
    reason: REASON,
    receivedOn: today(env),
    ...overrides,
  };
}

async function newCustomer(env: TestEnv, caller: Caller, staffId: number, overrides: Partial<CustomerInput> = {}, contacts = [contactValues()]) {
  return createCustomer(env, caller, customerValues(staffId, overrides), { contacts });
}

async function customerOf(env: TestEnv, caller: Caller, id: number): Promise<CustomerRecord> {
  return (await env.call(caller, 'customers.get', { id })).customer;
}

/** A fresh backend (real migrations, real file) with one staff member to manage the customers. */
async function officeWithStaff(): Promise<{ env: TestEnv; staffId: number }> {
  const env = await freshBackend();
  return { env, staffId: await env.createStaff() };
}

/** The customer_id of every row of `table` with one of `ids`, in id order. */
async function ownersOf(env: TestEnv, table: string, ids: number[]): Promise<number[]> {
  const rows = await env.backend.store.reader.all<{ customer_id: number }>(
    `SELECT customer_id FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
    ids,
  );
  return rows.map((r) => r.customer_id);
}

describe('merging moves everything filed under the duplicate to the kept customer', () => {
  let env: TestEnv;
  let zhang: number;
  let li: number;

  beforeAll(async () => {
    env = await freshBackend();
    zhang = await env.createStaff({ employeeNo: 'KM001', name: '张伟' });
    li = await env.createStaff({ employeeNo: 'KM002', name: '李娜' });
  });
  afterAll(() => closeChecked(env));

  it('previews the counts of both sides, then moves contacts, visits, plans, contracts, complaints and documents, and archives the duplicate', async () => {
    const admin = env.admin.caller;
    const keepDetail = await newCustomer(env, admin, zhang, { code: 'KEEP-01', name: '温州华联商贸有限公司', phone: '0577-88880001' });
    const dupDetail = await newCustomer(env, admin, zhang, { code: 'DUP-01', name: '温州华联商贸公司', address: '温州市鹿城区人民路 1 号' }, [
      contactValues({ name: '王采购' }),
      contactValues({ name: '赵会计', mobile: '13900001111' }),
    ]);
    const K = keepDetail.customer;
    const D = dupDetail.customer;
    const receivedOn = today(env);

    // The duplicate's contacts: two, one of them then removed (it moves too, but is not counted).
    const [dupContact1, dupContact2] = dupDetail.contacts.map((c) => c.id) as [number, number];
    await env.call(admin, 'contacts.remove', { id: dupContact2, reason: '已离职', receivedOn });

    // Visits: the kept customer was last visited in September (a later phone call was voided, so it counts for
    // nothing); the duplicate has a later 走访 and an even later phone call.
    const visit = (customerId: number, visitedOn: string, channel: 'visit' | 'phone') =>
      env.call(admin, 'visits.create', { customerId, visit: visitValues(env, zhang, { visitedOn, channel }) });
    await visit(K.id, '2026-09-10', 'visit');
    const voided = await visit(K.id, '2026-11-20', 'phone');
    await env.call(admin, 'visits.void', { id: voided.id, version: voided.version, reason: '录错客户' });
    const dupVisits = [
      await visit(D.id, '2026-10-01', 'phone'),
      await visit(D.id, '2026-11-12', 'visit'),
      await visit(D.id, '2026-11-18', 'phone'),
    ];

    // Plan lines: both planned for 张伟 in November (the same visit twice), and 李娜 in December for the duplicate only.
    const plan = (staffId: number, customerId: number, plannedOn: string) =>
      env.call(admin, 'visitPlans.add', { staffId, month: plannedOn.slice(0, 7), customerId, plannedOn });
    const keepPlan = await plan(zhang, K.id, '2026-11-26');
    const clashingPlan = await plan(zhang, D.id, '2026-11-27');
    const movingPlan = await plan(li, D.id, '2026-12-03');

    const contract = await createContract(env, admin, contractValues(D.id));
    const complaint = await env.call(admin, 'complaints.create', complaintValues(env, D.id, zhang));

    const doc = (customerId: number, title: string) =>
      env.call(admin, 'archiveDocs.create', { customerId, doc: archiveDocValues({ title }) });
    const keepDoc = await doc(K.id, '华联开户申请表');
    const dupDoc1 = await doc(D.id, '重复档案：营业执照复印件');
    const dupDoc2 = await doc(D.id, '重复档案：2026 年度购销合同');
    expect([keepDoc.sequence, dupDoc1.sequence, dupDoc2.sequence]).toEqual([1, 1, 2]);

    const keepBefore = await customerOf(env, admin, K.id);
    const dupBefore = await customerOf(env, admin, D.id);

    // The preview counts what each tab shows: removed contacts and voided visits are not counted.
    const preview = await env.call(admin, 'customers.mergePreview', { keepId: K.id, duplicateId: D.id });
    expect(preview).toEqual({
      keep: {
        id: K.id,
        version: keepBefore.version,
        code: 'KEEP-01',
        name: '温州华联商贸有限公司',
        abcClass: 'B',
        status: 'active',
        managerName: '张伟',
        phone: '0577-88880001',
        address: null,
        registeredOn: '2026-01-15',
        counts: { contacts: 1, visits: 1, planLines: 1, contracts: 0, complaints: 0, archiveDocs: 1 },
      },
      duplicate: {
        id: D.id,
        version: dupBefore.version,
        code: 'DUP-01',
        name: '温州华联商贸公司',
        abcClass: 'B',
        status: 'active',
        managerName: '张伟',
        phone: null,
        address: '温州市鹿城区人民路 1 号',
        registeredOn: '2026-01-15',
        counts: { contacts: 1, visits: 3, planLines: 2, contracts: 1, complaints: 1, archiveDocs: 2 },
      },
      planLinesDropped: 1,
      problems: [],
    });

    env.clock.advance(60_000);
    const mergedAt = env.clock.now().toISOString();
    const returned = await env.call(admin, 'customers.merge', mergeInput(env, keepBefore, dupBefore));

    // The kept customer: one version up, its own record otherwise as it was.
    const keepAfter = await customerOf(env, admin, K.id);
    expect(returned).toEqual(keepAfter);
    expect(keepAfter).toEqual({ ...keepBefore, version: keepBefore.version + 1, updatedAt: mergedAt });

    // The duplicate: archived with the reason, pointing at the kept customer.
    const dupAfter = await customerOf(env, admin, D.id);
    expect(dupAfter).toEqual({
      ...dupBefore,
      status: 'archived',
      archivedAt: mergedAt,
      archivedReason: REASON,
      mergedIntoId: K.id,
      mergedIntoLabel: 'KEEP-01 温州华联商贸有限公司',
      version: dupBefore.version + 1,
      updatedAt: mergedAt,
    });
    expect(dupBefore).toMatchObject({ mergedIntoId: null, mergedIntoLabel: null });

    // Everything moved — the removed contact too.
    expect(await ownersOf(env, 'contacts', [dupContact1, dupContact2])).toEqual([K.id, K.id]);
    expect(await ownersOf(env, 'visits', dupVisits.map((v) => v.id))).toEqual([K.id, K.id, K.id]);
    expect(await ownersOf(env, 'contracts', [contract.contract.id])).toEqual([K.id]);
    expect(await ownersOf(env, 'complaints', [complaint.complaint.id])).toEqual([K.id]);
    const reader = env.backend.store.reader;
    for (const table of ['contacts', 'visits', 'visit_plans', 'contracts', 'complaints', 'archive_documents']) {
      expect(await reader.get(`SELECT count(*) AS n FROM ${table} WHERE customer_id = ?`, [D.id]), table).toEqual({ n: 0 });
    }
    expect((await env.call(admin, 'customers.get', { id: K.id })).contacts.map((c) => c.name)).toEqual(['李四', '王采购']);

    // A moved visit, contract or complaint is a change of it: its version went up.
    const visitVersions = await reader.all<{ version: number }>(
      `SELECT version FROM visits WHERE id IN (${dupVisits.map((v) => v.id).join(', ')}) ORDER BY id`,
    );
    expect(visitVersions.map((v) => v.version)).toEqual(dupVisits.map((v) => v.version + 1));
    expect((await env.call(admin, 'contracts.get', { id: contract.contract.id })).contract).toMatchObject({
      customerId: K.id,
      version: contract.contract.version + 1,
    });

    // The duplicate's file goes behind the kept one's, its items in their own order.
    const docs = await reader.all<{ id: number; customer_id: number; sequence: number }>(
      'SELECT id, customer_id, sequence FROM archive_documents WHERE id IN (?, ?, ?) ORDER BY id',
      [keepDoc.id, dupDoc1.id, dupDoc2.id],
    );
    expect(docs).toEqual([
      { id: keepDoc.id, customer_id: K.id, sequence: 1 },
      { id: dupDoc1.id, customer_id: K.id, sequence: 2 },
      { id: dupDoc2.id, customer_id: K.id, sequence: 3 },
    ]);
    expect((await env.call(admin, 'archiveDocs.list', { customerId: K.id })).map((r) => `${r.sequence}:${r.title}`)).toEqual([
      '1:华联开户申请表',
      '2:重复档案：营业执照复印件',
      '3:重复档案：2026 年度购销合同',
    ]);

    // The plan line that planned 张伟's November visit twice is gone; 李娜's December line moved.
    const plans = await reader.all<{ id: number; customer_id: number; staff_id: number; month: string }>(
      'SELECT id, customer_id, staff_id, month FROM visit_plans ORDER BY id',
    );
    expect(plans).toEqual([
      { id: keepPlan.id, customer_id: K.id, staff_id: zhang, month: '2026-11' },
      { id: movingPlan.id, customer_id: K.id, staff_id: li, month: '2026-12' },
    ]);
    expect(plans.map((p) => p.id)).not.toContain(clashingPlan.id);

    // The kept customer's contact cadence now counts the duplicate's later contacts; the duplicate has none left.
    const cadence = await reader.all<{ customer_id: number; active: number; last_contact_on: string | null; last_visit_on: string | null }>(
      'SELECT customer_id, active, last_contact_on, last_visit_on FROM customer_cadence WHERE customer_id IN (?, ?) ORDER BY customer_id',
      [K.id, D.id],
    );
    expect(cadence).toEqual([
      { customer_id: K.id, active: 1, last_contact_on: '2026-11-18', last_visit_on: '2026-11-12' },
      { customer_id: D.id, active: 0, last_contact_on: null, last_visit_on: null },
    ]);

    // History: a line on the kept customer, three on the duplicate.
    const mergeHistory = async (customerId: number) =>
      (await env.call(admin, 'customers.history', { customerId, startRow: 0, endRow: 100 })).rows
        .filter((r) => r.changedAt === mergedAt)
        .map((r) => [r.field, r.oldValue, r.newValue, r.userName]);
    expect(await mergeHistory(K.id)).toEqual([['mergedFrom', null, 'DUP-01 温州华联商贸公司', '系统管理员']]);
    expect(await mergeHistory(D.id)).toEqual([
      ['status', 'active', 'archived', '系统管理员'],
      ['mergedInto', null, 'KEEP-01 温州华联商贸有限公司', '系统管理员'],
      ['archivedReason', null, REASON, '系统管理员'],
    ]);

    // One audit entry, on the kept customer, with what moved.
    const audit = await reader.all<{ channel: string; entity: string; entity_id: string; user_name: string; summary: string }>(
      `SELECT channel, entity, entity_id, user_name, summary FROM audit_log WHERE action = 'merge'`,
    );
    expect(audit.map((a) => ({ ...a, summary: JSON.parse(a.summary) as unknown }))).toEqual([
      {
        channel: 'customers.merge',
        entity: 'customer',
        entity_id: String(K.id),
        user_name: 'admin',
        summary: {
          code: 'KEEP-01',
          duplicate: 'DUP-01',
          reason: REASON,
          contacts: 1,
          visits: 3,
          planLines: 1, // moved; the clashing one was dropped
          contracts: 1,
          complaints: 1,
          archiveDocs: 2,
          planLinesDropped: 1,
        },
      },
    ]);
  });

  it('numbers the moved documents right after the last item of the kept file, whatever either file had removed', async () => {
    const admin = env.admin.caller;
    const K = (await newCustomer(env, admin, zhang)).customer;
    const D = (await newCustomer(env, admin, zhang)).customer;
    const doc = (customerId: number, title: string) =>
      env.call(admin, 'archiveDocs.create', { customerId, doc: archiveDocValues({ title }) });
    await doc(K.id, '甲一');
    const keepRemoved = await doc(K.id, '甲二（误登记）');
    const dupRemoved = await doc(D.id, '乙（误登记）');
    await doc(D.id, '乙一');
    await doc(D.id, '乙二');
    await env.call(admin, 'archiveDocs.remove', { id: keepRemoved.id, reason: '登记错了' });
    await env.call(admin, 'archiveDocs.remove', { id: dupRemoved.id, reason: '登记错了' });
    expect((await env.call(admin, 'archiveDocs.list', { customerId: K.id })).map((r) => `${r.sequence}:${r.title}`)).toEqual(['1:甲一']);
    expect((await env.call(admin, 'archiveDocs.list', { customerId: D.id })).map((r) => `${r.sequence}:${r.title}`)).toEqual(['1:乙一', '2:乙二']);

    await env.call(admin, 'customers.merge', mergeInput(env, await customerOf(env, admin, K.id), await customerOf(env, admin, D.id)));
    expect((await env.call(admin, 'archiveDocs.list', { customerId: K.id })).map((r) => `${r.sequence}:${r.title}`)).toEqual([
      '1:甲一',
      '2:乙一',
      '3:乙二',
    ]);
  });

  it("says in each moved visit's, contract's and complaint's own history that its customer changed", async () => {
    const admin = env.admin.caller;
    const K = (await newCustomer(env, admin, zhang, { code: 'KEEP-T', name: '台州新华副食品有限公司' })).customer;
    const D = (await newCustomer(env, admin, zhang, { code: 'DUP-T', name: '台州新华副食品' })).customer;
    const visit = await env.call(admin, 'visits.create', { customerId: D.id, visit: visitValues(env, zhang) });
    const contract = await createContract(env, admin, contractValues(D.id));
    const complaint = await env.call(admin, 'complaints.create', complaintValues(env, D.id, zhang));

    await env.call(admin, 'customers.merge', mergeInput(env, await customerOf(env, admin, K.id), await customerOf(env, admin, D.id)));
    const [from, to] = ['DUP-T 台州新华副食品', 'KEEP-T 台州新华副食品有限公司'];
    expect((await env.call(admin, 'visits.get', { id: visit.id })).changes.at(-1)).toMatchObject({ field: 'customerName', oldValue: from, newValue: to });
    // 合同履历 lists the newest first.
    expect((await env.call(admin, 'contracts.get', { id: contract.contract.id })).events[0]).toMatchObject({
      action: 'updated',
      field: 'customerName',
      oldValue: from,
      newValue: to,
    });
    const events = (await env.call(admin, 'complaints.get', { id: complaint.complaint.id })).events;
    expect(events.at(-1)).toMatchObject({ action: 'edited', statusAfter: complaint.complaint.status, detail: { customer: [from, to] } });
  });
});

describe('a merge that cannot be done is refused and changes nothing; the preview lists why', () => {
  let env: TestEnv;
  let staffAdmin: TestUser; // admin with project staff: sees A-class customers
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend();
    staffAdmin = await env.createUser({ roles: ['admin'], projectStaff: true, displayName: '项目管理员' });
    staffId = await env.createStaff();
  });
  afterAll(() => closeChecked(env));

  const pair = async (keepClass: 'A' | 'B' = 'B', dupClass: 'A' | 'B' = 'B') => [
    (await newCustomer(env, staffAdmin.caller, staffId, { abcClass: keepClass })).customer,
    (await newCustomer(env, staffAdmin.caller, staffId, { abcClass: dupClass })).customer,
  ] as const;

  /** Fails the merge, checks nothing was written, and returns the error. */
  const refused = async (input: unknown, caller = staffAdmin.caller) => {
    const before = await env.snapshot();
    const error = await env.fail(caller, 'customers.merge', input);
    expect(await env.snapshot()).toBe(before);
    return error;
  };
  /** The preview changes nothing but the log of A-class views (every view of an A-class record is logged). */
  const problemsOf = async (keepId: number, duplicateId: number) => {
    const withoutAudit = async () => (await env.snapshot()).split('\n').filter((t) => !t.startsWith('audit_log:')).join('\n');
    const before = await withoutAudit();
    const lastAudit = (await env.backend.store.reader.get<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM audit_log'))!.n;
    const preview = await env.call(staffAdmin.caller, 'customers.mergePreview', { keepId, duplicateId });
    expect(await withoutAudit()).toBe(before);
    const logged = await env.backend.store.reader.all<{ action: string; entityId: string }>(
      'SELECT action, entity_id AS entityId FROM audit_log WHERE id > ? ORDER BY id',
      [lastAudit],
    );
    const aClass = [preview.keep, preview.duplicate].filter((side) => side.abcClass === 'A');
    expect(logged).toEqual(aClass.map((side) => ({ action: 'view', entityId: String(side.id) })));
    return preview.problems;
  };

  it('refuses merging a customer with itself, in the merge and in the preview', async () => {
    const [K] = await pair();
    const issue = { path: 'duplicateId', key: 'customers.v.mergeSame' };
    const error = await refused(mergeInput(env, K, K));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining(issue)]);
    const before = await env.snapshot();
    const preview = await env.fail(staffAdmin.caller, 'customers.mergePreview', { keepId: K.id, duplicateId: K.id });
    expect(preview.code).toBe('VALIDATION');
    expect(preview.details?.issues).toEqual([expect.objectContaining(issue)]);
    expect(await env.snapshot()).toBe(before);
  });

  it('refuses an archived duplicate or an archived kept customer (only customers on file merge)', async () => {
    const [K, D] = await pair();
    const archived = await env.call(staffAdmin.caller, 'customers.archive', { id: D.id, version: D.version, reason: '停业', receivedOn: today(env) });
    expect(await refused(mergeInput(env, K, archived))).toEqual({
      code: 'CONFLICT',
      message: 'customers.merge.errors.notActive',
      details: { params: { code: D.code } },
    });
    expect(await problemsOf(K.id, D.id)).toEqual([{ key: 'customers.merge.errors.notActive', params: { code: D.code } }]);
    // Kept side archived: the same rule.
    expect(await refused(mergeInput(env, archived, K))).toEqual({
      code: 'CONFLICT',
      message: 'customers.merge.errors.notActive',
      details: { params: { code: D.code } },
    });
    expect(await problemsOf(D.id, K.id)).toEqual([{ key: 'customers.merge.errors.notActive', params: { code: D.code } }]);
  });

  it('refuses merging an A-class customer with a B-class one, either way round', async () => {
    for (const [keepClass, dupClass] of [['A', 'B'], ['B', 'A']] as const) {
      const [K, D] = await pair(keepClass, dupClass);
      expect(await refused(mergeInput(env, K, D)), `${keepClass}←${dupClass}`).toEqual({ code: 'CONFLICT', message: 'customers.merge.errors.aClass' });
      expect(await problemsOf(K.id, D.id)).toEqual([{ key: 'customers.merge.errors.aClass' }]);
    }
  });

  it('refuses a duplicate with an order-cycle change waiting for approval', async () => {
    const [K, D] = await pair();
    const clerk = await env.createUser({ roles: ['clerk'] });
    await env.call(clerk.caller, 'customers.update', { id: D.id, version: D.version, changes: { orderCycle: '每两周一次' }, receivedOn: today(env) });
    expect(await env.call(staffAdmin.caller, 'orderCycle.pending', { customerId: D.id })).toMatchObject({ status: 'pending' });
    const current = await customerOf(env, staffAdmin.caller, D.id);
    expect(current.version).toBe(D.version);
    expect(await refused(mergeInput(env, K, current))).toEqual({
      code: 'CONFLICT',
      message: 'customers.merge.errors.pendingOrderCycle',
      details: { params: { code: D.code } },
    });
    expect(await problemsOf(K.id, D.id)).toEqual([{ key: 'customers.merge.errors.pendingOrderCycle', params: { code: D.code } }]);
  });

  it('lists every problem in the preview, in order', async () => {
    const [K, D] = await pair('B', 'A');
    const clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    await env.call(clerk.caller, 'customers.update', { id: D.id, version: D.version, changes: { orderCycle: '每月一次' }, receivedOn: today(env) });
    await env.call(staffAdmin.caller, 'customers.archive', { id: K.id, version: K.version, reason: '停业', receivedOn: today(env) });
    expect(await problemsOf(K.id, D.id)).toEqual([
      { key: 'customers.merge.errors.notActive', params: { code: K.code } },
      { key: 'customers.merge.errors.aClass' },
      { key: 'customers.merge.errors.pendingOrderCycle', params: { code: D.code } },
    ]);
  });

  it('refuses a stale version of either customer', async () => {
    const [K, D] = await pair();
    const bump = (c: CustomerRecord) =>
      env.call(staffAdmin.caller, 'customers.update', { id: c.id, version: c.version, changes: { notes: '有人先改了' }, receivedOn: today(env) });
    const keepNow = await bump(K);
    const stale = { code: 'CONFLICT', message: 'errors.customer.stale' };
    expect(await refused(mergeInput(env, K, D))).toEqual(stale);
    const dupNow = await bump(D);
    expect(await refused(mergeInput(env, keepNow, D))).toEqual(stale);
    // With both versions current it goes through.
    await expect(env.call(staffAdmin.caller, 'customers.merge', mergeInput(env, keepNow, dupNow))).resolves.toMatchObject({
      id: K.id,
      version: keepNow.version + 1,
    });
  });

  it('refuses a received date in the future', async () => {
    const [K, D] = await pair();
    const error = await refused(mergeInput(env, K, D, { receivedOn: '2026-11-26' }));
    expect(error).toEqual({ code: 'VALIDATION', message: 'v.futureDate', details: { issues: [{ path: 'receivedOn', key: 'v.futureDate' }] } });
  });

  it('refuses a malformed payload: no reason, a reason over 500 characters, an unknown key', async () => {
    const [K, D] = await pair();
    const { reason: _reason, ...noReason } = mergeInput(env, K, D);
    const cases: [unknown, unknown][] = [
      [noReason, { path: 'reason', key: 'v.required' }],
      [mergeInput(env, K, D, { reason: '  ' }), { path: 'reason', key: 'v.required' }],
      [mergeInput(env, K, D, { reason: '重'.repeat(501) }), { path: 'reason', key: 'v.tooLong', params: { max: 500 } }],
      [{ ...mergeInput(env, K, D), force: true }, { path: '', key: 'v.unknownField', params: { keys: 'force' } }],
    ];
    for (const [input, issue] of cases) {
      const error = await refused(input);
      expect(error.code, JSON.stringify(issue)).toBe('VALIDATION');
      expect(error.details?.issues, JSON.stringify(issue)).toEqual([issue]);
    }
    // 500 characters are still a reason.
    await expect(env.call(staffAdmin.caller, 'customers.merge', mergeInput(env, K, D, { reason: '重'.repeat(500) }))).resolves.toMatchObject({ id: K.id });
  });
});

describe('who may merge', () => {
  let env: TestEnv;
  let staffId: number;

  beforeAll(async () => ({ env, staffId } = await officeWithStaff()));
  afterAll(() => closeChecked(env));

  it('a clerk may neither preview nor merge', async () => {
    const clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    const K = (await newCustomer(env, clerk.caller, staffId)).customer;
    const D = (await newCustomer(env, clerk.caller, staffId)).customer;
    const before = await env.snapshot();
    const preview = await env.fail(clerk.caller, 'customers.mergePreview', { keepId: K.id, duplicateId: D.id });
    expect(preview).toEqual({ code: 'FORBIDDEN', message: 'errors.forbidden', details: { params: { channel: 'customers.mergePreview' } } });
    const merge = await env.fail(clerk.caller, 'customers.merge', mergeInput(env, K, D));
    expect(merge).toEqual({ code: 'FORBIDDEN', message: 'errors.forbidden', details: { params: { channel: 'customers.merge' } } });
    expect(await env.snapshot()).toBe(before);
  });

  it('an admin without project staff does not find an A-class customer, on either side', async () => {
    const staffAdmin = await env.createUser({ roles: ['admin'], projectStaff: true });
    const A1 = (await newCustomer(env, staffAdmin.caller, staffId, { abcClass: 'A' })).customer;
    const A2 = (await newCustomer(env, staffAdmin.caller, staffId, { abcClass: 'A' })).customer;
    const B = (await newCustomer(env, staffAdmin.caller, staffId)).customer;
    const notFound = { code: 'NOT_FOUND', message: 'errors.customer.notFound' };
    const before = await env.snapshot();
    for (const [keepId, duplicateId] of [[A1.id, A2.id], [B.id, A1.id], [A1.id, B.id]]) {
      expect(await env.fail(env.admin.caller, 'customers.mergePreview', { keepId, duplicateId })).toEqual(notFound);
    }
    expect(await env.fail(env.admin.caller, 'customers.merge', mergeInput(env, A1, A2))).toEqual(notFound);
    expect(await env.snapshot()).toBe(before);
  });
});

describe('a merged duplicate stays archived', () => {
  let env: TestEnv;
  let staffId: number;

  beforeAll(async () => ({ env, staffId } = await officeWithStaff()));
  afterAll(() => closeChecked(env));

  it('refuses to restore a merged duplicate, naming the customer it went into', async () => {
    const admin = env.admin.caller;
    const K = (await newCustomer(env, admin, staffId, { code: 'KEEP-R', name: '恢复测试保留客户' })).customer;
    const D = (await newCustomer(env, admin, staffId)).customer;
    await env.call(admin, 'customers.merge', mergeInput(env, K, D));
    const merged = await customerOf(env, admin, D.id);
    const before = await env.snapshot();
    const error = await env.fail(admin, 'customers.restore', { id: D.id, version: merged.version, reason: '合并错了', receivedOn: today(env) });
    expect(error).toEqual({
      code: 'CONFLICT',
      message: 'customers.merge.errors.restoreMerged',
      details: { params: { into: 'KEEP-R 恢复测试保留客户' } },
    });
    expect(await env.snapshot()).toBe(before);
    expect(await customerOf(env, admin, D.id)).toMatchObject({ status: 'archived', mergedIntoId: K.id });
  });

  it('still archives and restores a customer that was never merged', async () => {
    const admin = env.admin.caller;
    const C = (await newCustomer(env, admin, staffId)).customer;
    const archived = await env.call(admin, 'customers.archive', { id: C.id, version: C.version, reason: '停业', receivedOn: today(env) });
    expect(archived).toMatchObject({ status: 'archived', mergedIntoId: null, mergedIntoLabel: null });
    const restored = await env.call(admin, 'customers.restore', { id: C.id, version: archived.version, reason: '恢复经营', receivedOn: today(env) });
    expect(restored).toMatchObject({ status: 'active', archivedAt: null, archivedReason: null, mergedIntoId: null, version: archived.version + 1 });
  });
});

describe('A-class customers merge with each other', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await freshBackend();
  });
  afterAll(() => closeChecked(env));

  it('merges two A-class customers for an admin with project staff', async () => {
    const staffAdmin = await env.createUser({ roles: ['admin'], projectStaff: true });
    const staffId = await env.createStaff();
    const K = (await newCustomer(env, staffAdmin.caller, staffId, { abcClass: 'A', code: 'VIP-K', name: '重点甲类集团' })).customer;
    const dupDetail = await newCustomer(env, staffAdmin.caller, staffId, { abcClass: 'A' }, [contactValues({ name: '甲总' })]);
    const D = dupDetail.customer;
    const v = await env.call(staffAdmin.caller, 'visits.create', { customerId: D.id, visit: visitValues(env, staffId) });

    const preview = await env.call(staffAdmin.caller, 'customers.mergePreview', { keepId: K.id, duplicateId: D.id });
    expect(preview.problems).toEqual([]);
    expect(preview.duplicate.counts).toEqual({ contacts: 1, visits: 1, planLines: 0, contracts: 0, complaints: 0, archiveDocs: 0 });

    const kept = await env.call(staffAdmin.caller, 'customers.merge', mergeInput(env, K, D));
    expect(kept).toMatchObject({ id: K.id, abcClass: 'A', status: 'active', version: K.version + 1 });
    expect(await customerOf(env, staffAdmin.caller, D.id)).toMatchObject({
      status: 'archived',
      mergedIntoId: K.id,
      mergedIntoLabel: 'VIP-K 重点甲类集团',
    });
    expect(await ownersOf(env, 'contacts', [dupDetail.contacts[0]!.id])).toEqual([K.id]);
    expect(await ownersOf(env, 'visits', [v.id])).toEqual([K.id]);
  });
});
