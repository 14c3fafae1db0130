import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv } from '../helpers/env';
import { auditRows, customer, DAY, loginAgain, office, today, type Office } from './fixture';

/** customers.md "Access": another department requests, a supervisor approves or rejects, a grant expires. */
describe('access requests', () => {
  let env: TestEnv;
  let o: Office;

  beforeAll(async () => {
    env = await freshBackend();
    o = await office(env);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const mine = async () =>
    (
      await env.call(o.keeper.caller, 'access.mine', {
        startRow: 0,
        endRow: 100,
        sortModel: [{ colId: 'requestedAt', sort: 'asc' }],
      })
    ).rows;

  it('request → approve → the archive opens read-only → at the expiry instant it closes again', async () => {
    const c = await customer(env, o, { name: '杭州永辉商贸有限公司', phone: '0571-87650001' });
    const requested = await env.call(o.keeper.caller, 'access.request', {
      customerId: c.id,
      reason: '核对礼品发放对象',
      days: 3,
    });
    expect(requested).toMatchObject({
      customerId: c.id,
      customerCode: c.code,
      customerName: '杭州永辉商贸有限公司',
      requesterName: '刘强',
      reason: '核对礼品发放对象',
      days: 3,
      status: 'pending',
      requestedAt: env.clock.now().toISOString(),
      decidedByName: null,
      expiresAt: null,
    });

    // Nothing opens before a supervisor decides; customers.* stays closed to other departments throughout.
    expect(await env.fail(o.keeper.caller, 'access.viewCustomer', { customerId: c.id })).toEqual({
      code: 'FORBIDDEN',
      message: 'access.errors.noGrant',
    });
    expect((await env.fail(o.keeper.caller, 'customers.get', { id: c.id })).message).toBe('errors.forbidden');

    const waiting = await env.call(o.supervisor.caller, 'access.query', {
      startRow: 0,
      endRow: 50,
      filterModel: { status: { filterType: 'set', values: ['pending'] } },
    });
    expect(waiting.rows.map((r) => r.id)).toContain(requested.id);

    env.clock.advance(10 * 60_000);
    const approvedAt = env.clock.now();
    const approved = await env.call(o.supervisor.caller, 'access.approve', { id: requested.id, days: 3 });
    const expiresAt = new Date(approvedAt.getTime() + 3 * DAY).toISOString();
    expect(approved).toMatchObject({
      status: 'active',
      grantedDays: 3,
      expiresAt,
      decidedByName: '孙建华',
      decidedAt: approvedAt.toISOString(),
    });

    const view = await env.call(o.keeper.caller, 'access.viewCustomer', { customerId: c.id });
    expect(view.customer).toMatchObject({ id: c.id, name: '杭州永辉商贸有限公司', phone: '0571-87650001' });
    expect(view.contacts.map((k) => k.name)).toEqual(['李采购']);
    expect(view.expiresAt).toBe(expiresAt);
    const history = await env.call(o.keeper.caller, 'access.viewHistory', {
      customerId: c.id,
      startRow: 0,
      endRow: 50,
    });
    expect(history.rows.map((r) => r.field)).toContain('created');
    // The grant opens this customer through the access channels only: customers.get is not loosened.
    expect((await env.fail(o.keeper.caller, 'customers.get', { id: c.id })).message).toBe('errors.forbidden');
    expect(
      (await env.fail(o.keeper.caller, 'customers.history', { customerId: c.id, startRow: 0, endRow: 5 }))
        .message,
    ).toBe('errors.forbidden');

    // One millisecond before the expiry instant it still works … (moving the clock ends idle sessions: the
    // others log in again afterwards, whatever happens here, so the next tests do not fail for that reason)
    env.clock.set(new Date(Date.parse(expiresAt) - 1));
    try {
      await loginAgain(env, o.keeper);
      await expect(
        env.call(o.keeper.caller, 'access.viewCustomer', { customerId: c.id }),
      ).resolves.toMatchObject({ expiresAt });
      expect((await mine()).find((r) => r.id === requested.id)?.status).toBe('active');
      // … and from the instant itself it no longer does.
      env.clock.advance(1);
      expect(await env.fail(o.keeper.caller, 'access.viewCustomer', { customerId: c.id })).toEqual({
        code: 'FORBIDDEN',
        message: 'access.errors.noGrant',
      });
      expect(
        await env.fail(o.keeper.caller, 'access.viewHistory', { customerId: c.id, startRow: 0, endRow: 5 }),
      ).toEqual({
        code: 'FORBIDDEN',
        message: 'access.errors.noGrant',
      });
      expect((await mine()).find((r) => r.id === requested.id)?.status).toBe('expired');
      const expired = await env.call(o.keeper.caller, 'access.mine', {
        startRow: 0,
        endRow: 50,
        filterModel: { status: { filterType: 'set', values: ['expired'] } },
      });
      expect(expired.rows.map((r) => r.id)).toEqual([requested.id]);

      // Each opening was logged, with the grant it relied on.
      const views = await auditRows(env, 'access.viewCustomer');
      expect(views).toHaveLength(2);
      expect(
        views.every(
          (v) =>
            v.action === 'view' &&
            v.entity === 'customer' &&
            v.entityId === String(c.id) &&
            v.userName === o.keeper.username,
        ),
      ).toBe(true);
      expect(JSON.parse(views[0]!.summary)).toMatchObject({
        code: c.code,
        accessRequest: requested.id,
        expiresAt,
      });
    } finally {
      await loginAgain(env, env.admin, o.supervisor, o.clerk, o.points, o.keeperStaff, o.plainSupervisor);
    }
  });

  it('a rejection carries its reason; the requester sees it and gets no access', async () => {
    const c = await customer(env, o);
    const requested = await env.call(o.points.caller, 'access.request', {
      customerId: c.id,
      reason: '查看客户积分兑换情况',
    });
    expect(requested.days).toBeNull();
    const rejected = await env.call(o.supervisor.caller, 'access.reject', {
      id: requested.id,
      reason: '请通过内勤查询积分',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionNote: '请通过内勤查询积分',
      decidedByName: '孙建华',
      expiresAt: null,
      grantedDays: null,
    });
    const seen = await env.call(o.points.caller, 'access.mine', { startRow: 0, endRow: 50 });
    expect(seen.rows.find((r) => r.id === requested.id)).toMatchObject({
      status: 'rejected',
      decisionNote: '请通过内勤查询积分',
    });
    expect((await env.fail(o.points.caller, 'access.viewCustomer', { customerId: c.id })).message).toBe(
      'access.errors.noGrant',
    );

    const audit = (await auditRows(env, 'access.reject')).at(-1)!;
    expect(audit).toMatchObject({
      action: 'reject',
      entity: 'accessRequest',
      entityId: String(requested.id),
      userName: o.supervisor.username,
    });
    expect(JSON.parse(audit.summary)).toMatchObject({ requester: '赵敏', reason: '请通过内勤查询积分' });
  });

  it("lists only the requester's own requests in access.mine, everyone's in access.query", async () => {
    const c = await customer(env, o);
    const a = await env.call(o.keeper.caller, 'access.request', { customerId: c.id, reason: '盘点赠品去向' });
    env.clock.advance(1000);
    const b = await env.call(o.points.caller, 'access.request', { customerId: c.id, reason: '核对积分' });
    const keeperIds = (await mine()).map((r) => r.id);
    expect(keeperIds).toContain(a.id);
    expect(keeperIds).not.toContain(b.id);
    const all = (await env.call(o.supervisor.caller, 'access.query', { startRow: 0, endRow: 100 })).rows.map(
      (r) => r.id,
    );
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
    // Newest first by default, and the grid's quick filters work on its whitelisted columns.
    expect(all.indexOf(b.id)).toBeLessThan(all.indexOf(a.id));
    const byRequester = await env.call(o.supervisor.caller, 'access.query', {
      startRow: 0,
      endRow: 100,
      filterModel: { requesterName: { filterType: 'text', type: 'equals', filter: '赵敏' } },
    });
    expect(byRequester.rows.every((r) => r.requesterName === '赵敏')).toBe(true);
    expect(byRequester.rowCount).toBeGreaterThanOrEqual(1);
    // The quick search looks at customer, requester and reason.
    const searched = await env.call(o.supervisor.caller, 'access.query', {
      startRow: 0,
      endRow: 100,
      quickSearch: '核对积分',
    });
    expect(searched.rows.map((r) => r.id)).toContain(b.id);
    expect(searched.rows.map((r) => r.id)).not.toContain(a.id);
    const byCode = await env.call(o.keeper.caller, 'access.mine', {
      startRow: 0,
      endRow: 100,
      quickSearch: c.code,
    });
    expect(byCode.rows.map((r) => r.id)).toEqual([a.id]);
  });

  it('refuses a second request while one waits, and decides each request only once', async () => {
    const c = await customer(env, o);
    const first = await env.call(o.keeper.caller, 'access.request', {
      customerId: c.id,
      reason: '核对发货地址',
    });
    const counts = await env.rowCounts();
    expect(
      await env.fail(o.keeper.caller, 'access.request', { customerId: c.id, reason: '再次申请' }),
    ).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.alreadyPending',
      details: { params: { name: c.name } },
    });
    expect(await env.rowCounts()).toEqual(counts);

    await env.call(o.supervisor.caller, 'access.approve', { id: first.id, days: 7 });
    const snapshot = await env.snapshot();
    expect(await env.fail(o.supervisor.caller, 'access.approve', { id: first.id, days: 7 })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.alreadyDecided',
    });
    expect(
      await env.fail(o.supervisor.caller, 'access.reject', { id: first.id, reason: '改主意了' }),
    ).toEqual({ code: 'CONFLICT', message: 'access.errors.alreadyDecided' });
    expect(await env.snapshot()).toBe(snapshot);

    // With a grant running, the requester may ask again (to extend it); the longest running grant counts.
    const again = await env.call(o.keeper.caller, 'access.request', {
      customerId: c.id,
      reason: '延长查阅',
      days: 30,
    });
    await env.call(o.supervisor.caller, 'access.approve', { id: again.id, days: 30 });
    const view = await env.call(o.keeper.caller, 'access.viewCustomer', { customerId: c.id });
    expect(view.expiresAt).toBe(new Date(env.clock.now().getTime() + 30 * DAY).toISOString());
  });

  it('nobody decides their own request', async () => {
    const both = await env.createUser({
      roles: ['storekeeper', 'supervisor'],
      projectStaff: true,
      displayName: '兼职主管',
    });
    const c = await customer(env, o);
    const own = await env.call(both.caller, 'access.request', { customerId: c.id, reason: '自查' });
    const counts = await env.snapshot();
    expect(await env.fail(both.caller, 'access.approve', { id: own.id, days: 7 })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.ownRequest',
    });
    expect(await env.fail(both.caller, 'access.reject', { id: own.id, reason: '不批' })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.ownRequest',
    });
    expect(await env.snapshot()).toBe(counts);
  });

  it('bad input to every channel is refused naming the field, and writes nothing', async () => {
    const c = await customer(env, o);
    const pending = await env.call(o.keeper.caller, 'access.request', { customerId: c.id, reason: '核对' });
    const before = await env.snapshot();
    const cases: [typeof o.keeper, Parameters<TestEnv['fail']>[1], unknown, string, string][] = [
      [o.keeper, 'access.request', { customerId: c.id, reason: '   ' }, 'reason', 'v.required'],
      [o.keeper, 'access.request', { customerId: c.id }, 'reason', 'v.required'],
      [o.keeper, 'access.request', { customerId: c.id, reason: 'x'.repeat(501) }, 'reason', 'v.tooLong'],
      [o.keeper, 'access.request', { customerId: c.id, reason: '核对', days: 0 }, 'days', 'v.tooSmall'],
      [o.keeper, 'access.request', { customerId: c.id, reason: '核对', days: 31 }, 'days', 'v.tooLarge'],
      [o.keeper, 'access.request', { customerId: c.id, reason: '核对', days: 1.5 }, 'days', 'v.invalidType'],
      [o.keeper, 'access.request', { customerId: 'abc', reason: '核对' }, 'customerId', 'v.required'],
      [o.keeper, 'access.request', { customerId: c.id, reason: '核对', extra: 1 }, '', 'v.unknownField'],
      [o.keeper, 'access.lookup', { text: '' }, 'text', 'v.tooShort'],
      [o.keeper, 'access.lookup', { text: '永' }, 'text', 'v.tooShort'],
      [o.keeper, 'access.lookup', { text: 'x'.repeat(51) }, 'text', 'v.tooLong'],
      [o.keeper, 'access.viewCustomer', { customerId: -1 }, 'customerId', 'v.required'],
      [
        o.keeper,
        'access.viewHistory',
        { customerId: c.id, startRow: 0, endRow: 5000 },
        'endRow',
        'v.pageSize',
      ],
      [
        o.keeper,
        'access.mine',
        { startRow: 0, endRow: 10, sortModel: [{ colId: 'password', sort: 'asc' }] },
        'sortModel.0.colId',
        'v.invalidChoice',
      ],
      [o.supervisor, 'access.approve', { id: pending.id, days: 0 }, 'days', 'v.tooSmall'],
      [o.supervisor, 'access.approve', { id: pending.id, days: 31 }, 'days', 'v.tooLarge'],
      [o.supervisor, 'access.approve', { id: pending.id }, 'days', 'v.required'],
      [o.supervisor, 'access.reject', { id: pending.id, reason: '' }, 'reason', 'v.required'],
      [
        o.supervisor,
        'access.query',
        {
          startRow: 0,
          endRow: 10,
          filterModel: { status: { filterType: 'text', type: 'contains', filter: 'x' } },
        },
        'filterModel.status.filterType',
        'v.invalidChoice',
      ],
    ];
    for (const [user, channel, input, path, key] of cases) {
      const error = await env.fail(user.caller, channel, input);
      expect(error.code, `${channel} ${JSON.stringify(input)}`).toBe('VALIDATION');
      expect(error.details?.issues?.[0], `${channel} ${JSON.stringify(input)}`).toMatchObject({ path, key });
    }
    // Valid shape, but nothing to act on.
    expect(
      await env.fail(o.keeper.caller, 'access.request', { customerId: 987_654, reason: '核对' }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: 'access.errors.customerUnavailable',
      details: { issues: [{ path: 'customerId', key: 'access.errors.customerUnavailable' }] },
    });
    expect(await env.fail(o.supervisor.caller, 'access.approve', { id: 987_654, days: 7 })).toEqual({
      code: 'NOT_FOUND',
      message: 'access.errors.requestNotFound',
    });
    expect(await env.fail(o.supervisor.caller, 'access.reject', { id: 987_654, reason: '无' })).toEqual({
      code: 'NOT_FOUND',
      message: 'access.errors.requestNotFound',
    });
    expect(await env.fail(o.keeper.caller, 'access.viewCustomer', { customerId: 987_654 })).toEqual({
      code: 'FORBIDDEN',
      message: 'access.errors.noGrant',
    });
    // A requester cannot decide, a supervisor cannot request nor open archives through grants.
    expect((await env.fail(o.keeper.caller, 'access.approve', { id: pending.id, days: 7 })).message).toBe(
      'errors.forbidden',
    );
    expect(
      (await env.fail(o.supervisor.caller, 'access.request', { customerId: c.id, reason: '核对' })).message,
    ).toBe('errors.forbidden');
    expect((await env.fail(o.clerk.caller, 'access.query', { startRow: 0, endRow: 5 })).message).toBe(
      'errors.forbidden',
    );
    expect(await env.snapshot()).toBe(before);
  });

  it('finds customers for a request by code or name only, showing code, name and whether archived', async () => {
    const c = await customer(env, o, {
      code: 'LK-3001',
      name: '宁波甬江五金机电有限公司',
      shortName: '甬江五金',
      phone: '0574-87001234',
    });
    const gone = await customer(env, o, { code: 'LK-3002', name: '宁波甬江五金批发部' });
    const clerkView = await env.call(o.clerk.caller, 'customers.get', { id: gone.id });
    await env.call(o.clerk.caller, 'customers.archive', {
      id: gone.id,
      version: clerkView.customer.version,
      reason: '停业',
      receivedOn: today(env),
    });

    const byName = await env.call(o.keeper.caller, 'access.lookup', { text: '甬江五金' });
    // Active first; archived ones are listed and marked, so a clerk of another department can still ask about them.
    expect(byName).toEqual([
      { id: c.id, code: 'LK-3001', name: '宁波甬江五金机电有限公司', status: 'active' },
      { id: gone.id, code: 'LK-3002', name: '宁波甬江五金批发部', status: 'archived' },
    ]);
    // Two characters use a scan, three or more the trigram index; a code matches too, and ranks first when exact.
    expect((await env.call(o.keeper.caller, 'access.lookup', { text: '甬江' })).map((h) => h.id)).toEqual([
      c.id,
      gone.id,
    ]);
    expect((await env.call(o.keeper.caller, 'access.lookup', { text: 'lk-3002' })).map((h) => h.id)).toEqual([
      gone.id,
    ]);
    expect((await env.call(o.keeper.caller, 'access.lookup', { text: 'LK-300' })).map((h) => h.id)).toEqual([
      c.id,
      gone.id,
    ]);
    // Phone numbers and addresses are not a way in for another department.
    expect(await env.call(o.keeper.caller, 'access.lookup', { text: '87001234' })).toEqual([]);
  });

  it('uses the default period from the settings', async () => {
    expect(await env.call(o.keeper.caller, 'access.defaults', {})).toEqual({ defaultDays: 7, maxDays: 30 });
    await env.call(env.admin.caller, 'settings.update', { idleMinutes: 30, accessDefaultDays: 14 });
    expect(await env.call(o.supervisor.caller, 'access.defaults', {})).toEqual({
      defaultDays: 14,
      maxDays: 30,
    });
    const bad = await env.fail(env.admin.caller, 'settings.update', {
      idleMinutes: 30,
      accessDefaultDays: 31,
    });
    expect(bad.details?.issues).toEqual([
      { path: 'accessDefaultDays', key: 'v.tooLarge', params: { max: 30 } },
    ]);
    expect((await env.call(env.admin.caller, 'settings.get', {})).accessDefaultDays).toBe(14);
    const audit = (await auditRows(env, 'settings.update')).filter(
      (r) => r.entityId === 'access.defaultDays',
    );
    expect(audit.map((r) => JSON.parse(r.summary))).toEqual([{ before: 7, after: 14 }]);
  });
});
