import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { addDays } from '@shared/dates';
import { effectiveStatus, isExpiring } from '@shared/contractLifecycle';
import { STORED_CONTRACT_STATUSES } from '@shared/schemas/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { readWorkbook } from '../helpers/files';
import { allContracts, contractValues, createContract, signedContract } from '../helpers/contracts';
import { expiringSql, statusSql } from '../../../electron/backend/contracts/status';

/** 合同台账: the register grid, its 即将到期 view, counts, the dashboard line, the export and the A-class rule. */
describe('the contract register', () => {
  let env: TestEnv;
  let insider: TestUser; // clerk with 项目专职
  let outsider: TestUser; // clerk without
  let customerB: number;
  let customerA: number;

  const setup: [string, 'B' | 'A', { startOn: string; endOn: string | null; signedOn?: string } | 'draft'][] = [
    ['K1', 'B', { startOn: '2025-12-01', endOn: '2026-12-10', signedOn: '2025-11-20' }], // active, ends in 15 days
    ['K2', 'B', { startOn: '2026-01-01', endOn: '2026-12-25', signedOn: '2025-12-20' }], // active, ends in 30 days
    ['K3', 'B', { startOn: '2026-01-01', endOn: '2026-12-26', signedOn: '2025-12-20' }], // active, ends in 31 days
    ['K4', 'B', { startOn: '2025-01-01', endOn: '2025-12-31', signedOn: '2024-12-20' }], // expired
    ['K5', 'B', 'draft'],
    ['K6', 'B', { startOn: '2027-01-01', endOn: '2027-12-31' }], // signed, not yet running
    ['K7', 'A', { startOn: '2026-01-01', endOn: '2026-12-05', signedOn: '2025-12-20' }], // A-class, ends in 10 days
    ['K8', 'B', { startOn: '2020-01-01', endOn: null, signedOn: '2019-12-20' }], // open-ended, active
  ];

  beforeAll(async () => {
    env = await freshBackend();
    insider = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    outsider = await env.createUser({ roles: ['clerk'], displayName: '王丽' });
    const staffId = await env.createStaff({ name: '张伟' });
    customerB = (await createCustomer(env, insider.caller, customerValues(staffId, { code: 'KB', name: '宁波北仑港务有限公司', abcClass: 'B' }))).customer.id;
    customerA = (await createCustomer(env, insider.caller, customerValues(staffId, { code: 'KA', name: '华东机密甲类集团', abcClass: 'A' }))).customer.id;
    for (const [no, cls, how] of setup) {
      const values = contractValues(cls === 'A' ? customerA : customerB, {
        contractNo: no,
        amountFen: 1_234_567,
        ...(how === 'draft' ? {} : { startOn: how.startOn, endOn: how.endOn }),
      });
      if (how === 'draft') await createContract(env, insider.caller, values);
      else await signedContract(env, insider.caller, values, { signedOn: how.signedOn ?? '2026-11-20' });
    }
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const numbers = async (user: TestUser, view: Parameters<typeof allContracts>[0] = {}) =>
    (await env.call(user.caller, 'contracts.query', allContracts({ sortModel: [{ colId: 'contractNo', sort: 'asc' }], ...view }))).rows.map((r) => r.contractNo);

  it('shows each contract with the status its dates give today', async () => {
    const page = await env.call(insider.caller, 'contracts.query', allContracts({ sortModel: [{ colId: 'contractNo', sort: 'asc' }] }));
    expect(page.rowCount).toBe(8);
    expect(page.rows.map((r) => [r.contractNo, r.status])).toEqual([
      ['K1', 'active'],
      ['K2', 'active'],
      ['K3', 'active'],
      ['K4', 'expired'],
      ['K5', 'draft'],
      ['K6', 'signed'],
      ['K7', 'active'],
      ['K8', 'active'],
    ]);
    expect(page.rows[0]).toMatchObject({ customerName: '宁波北仑港务有限公司', customerCode: 'KB', managerName: '张伟', amountFen: 1_234_567, attachmentCount: 1, expiring: true });
    expect(await numbers(insider, { filterModel: { status: { filterType: 'set', values: ['expired', 'signed'] } } })).toEqual(['K4', 'K6']);
  });

  it('filters by type, dates, amount (typed in yuan) and customer', async () => {
    expect(await numbers(insider, { filterModel: { endOn: { filterType: 'date', type: 'inRange', dateFrom: '2026-12-01', dateTo: '2026-12-25' } } })).toEqual(['K1', 'K2', 'K7']);
    expect(await numbers(insider, { filterModel: { amountFen: { filterType: 'number', type: 'equals', filter: 12345.67 } } })).toHaveLength(8);
    expect(await numbers(insider, { filterModel: { contractType: { filterType: 'set', values: ['nonRegular'] } } })).toEqual([]);
    expect(await numbers(insider, { filterModel: { customerId: { filterType: 'number', type: 'equals', filter: customerA } } })).toEqual(['K7']);
    expect(await numbers(insider, { quickSearch: '北仑' })).toHaveLength(7);
  });

  it('lists the contracts ending within 30 days (both ends included) as 即将到期', async () => {
    const expiring = { filterModel: { expiring: { filterType: 'set' as const, values: ['true'] } } };
    expect(await numbers(insider, expiring)).toEqual(['K1', 'K2', 'K7']);
    expect(await env.call(insider.caller, 'contracts.summary', {})).toEqual({ expiringDays: 30, expiring: 3, awaitingApproval: 0, drafts: 1 });
    expect(await env.call(insider.caller, 'contracts.summary', { customerId: customerB })).toMatchObject({ expiring: 2, drafts: 1 });
    const today = await env.call(insider.caller, 'dashboard.today', {});
    expect(today.find((i) => i.id === 'contracts.expiring')).toEqual({
      id: 'contracts.expiring',
      text: 'contracts.today.expiring',
      params: { days: 30 },
      count: 3,
      level: 'warning',
      route: '/contracts?view=expiring',
    });
  });

  it('follows the expiring window the admin sets', async () => {
    const settings = await env.call(env.admin.caller, 'settings.get', {});
    expect(settings.contractsExpiringDays).toBe(30);
    const bad = await env.fail(env.admin.caller, 'settings.update', { idleMinutes: settings.idleMinutes, contractsExpiringDays: 0 });
    expect(bad.details?.issues).toEqual([expect.objectContaining({ path: 'contractsExpiringDays', key: 'v.tooSmall' })]);
    await env.call(env.admin.caller, 'settings.update', { idleMinutes: settings.idleMinutes, contractsExpiringDays: 31 });
    try {
      expect(await numbers(insider, { filterModel: { expiring: { filterType: 'set', values: ['true'] } } })).toEqual(['K1', 'K2', 'K3', 'K7']);
      expect((await env.call(insider.caller, 'contracts.summary', {})).expiringDays).toBe(31);
    } finally {
      await env.call(env.admin.caller, 'settings.update', { idleMinutes: settings.idleMinutes, contractsExpiringDays: 30 });
    }
  });

  it('hides the contracts of A-class customers from users without 项目专职, everywhere', async () => {
    expect(await numbers(outsider)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K8']);
    expect(await numbers(outsider, { quickSearch: '机密' })).toEqual([]);
    expect((await env.call(outsider.caller, 'contracts.summary', {})).expiring).toBe(2);
    expect((await env.call(outsider.caller, 'dashboard.today', {})).find((i) => i.id === 'contracts.expiring')?.count).toBe(2);
    const k7 = (await env.call(insider.caller, 'contracts.query', allContracts({ quickSearch: 'K7' }))).rows[0]!;
    expect(await env.fail(outsider.caller, 'contracts.get', { id: k7.id })).toEqual({ code: 'NOT_FOUND', message: 'contracts.errors.notFound' });
    const detail = await env.call(insider.caller, 'contracts.get', { id: k7.id });
    const views = await env.backend.store.reader.all<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'view' AND entity = 'customer' AND entity_id = ?`, [String(customerA)]);
    expect(views.map((v) => JSON.parse(v.summary))).toContainEqual(expect.objectContaining({ contractNo: 'K7' }));
    const before = await env.snapshot();
    expect((await env.fail(outsider.caller, 'contracts.update', { id: k7.id, version: detail.contract.version, changes: { notes: 'x' } })).code).toBe('NOT_FOUND');
    expect((await env.fail(outsider.caller, 'contracts.create', { contract: contractValues(customerA) })).details?.issues).toEqual([
      expect.objectContaining({ path: 'contract.customerId', key: 'errors.customer.notFound' }),
    ]);
    expect(await env.snapshot()).toBe(before);
    const file = await env.call(outsider.caller, 'contracts.export', { view: {}, columns: ['contractNo'], format: 'csv' });
    expect(file.rows).toBe(7);
  });

  it('moves with the calendar: a contract past its end date reads 已到期 without anyone touching it', async () => {
    const start = env.clock.now();
    env.clock.advance(16 * 86_400_000); // 2026-12-11
    try {
      const again = await env.login(insider.username, insider.password);
      const page = await env.call(again, 'contracts.query', allContracts({ filterModel: { status: { filterType: 'set', values: ['expired'] } }, sortModel: [{ colId: 'contractNo', sort: 'asc' }] }));
      expect(page.rows.map((r) => r.contractNo)).toEqual(['K1', 'K4', 'K7']);
    } finally {
      env.clock.set(start);
    }
  });

  it('exports 合同台账 as the grid shows it, labels and yuan included, and audits it', async () => {
    const view = { filterModel: { status: { filterType: 'set' as const, values: ['active'] } }, sortModel: [{ colId: 'contractNo' as const, sort: 'asc' as const }] };
    const file = await env.call(insider.caller, 'contracts.export', {
      view,
      columns: ['contractNo', 'customerName', 'contractType', 'status', 'endOn', 'amountFen', 'expiring'],
      format: 'xlsx',
    });
    expect(file.fileName).toMatch(/^合同台账_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    expect(file.rows).toBe(5);
    const sheet = (await readWorkbook(env.backend.exportedFile(insider.caller, file.fileId)!.path)).worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('合同台账');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['合同编号', '客户名称', '合同类型', '状态', '结束日期', '合同金额（元）', '即将到期']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['K1', '宁波北仑港务有限公司', '常规', '履行中', '2026-12-10', 12345.67, '是']);
    const csv = await env.call(insider.caller, 'contracts.export', { view, columns: ['contractNo', 'status'], format: 'csv', locale: 'en-US' });
    const text = (await readFile(env.backend.exportedFile(insider.caller, csv.fileId)!.path, 'utf8')).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toContain('K3,Active');
    const audit = await env.backend.store.reader.all<{ entity: string; action: string }>(`SELECT entity, action FROM audit_log WHERE channel = 'contracts.export'`);
    expect(audit).toEqual([
      { entity: 'contracts', action: 'export' },
      { entity: 'contracts', action: 'export' },
      ...audit.slice(2),
    ]);
  });

  it('computes status and 即将到期 in SQL exactly as the shared rules do', async () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STORED_CONTRACT_STATUSES), date, fc.option(fc.integer({ min: 0, max: 800 })), date, fc.integer({ min: 0, max: 365 }), async (stored, startOn, len, today, days) => {
        const endOn = len === null ? null : addDays(startOn, len);
        const row = await env.backend.store.reader.get<{ status: string; expiring: number }>(
          `SELECT ${statusSql(today)} AS status, ${expiringSql(today, days)} AS expiring FROM (SELECT ? AS status, ? AS start_on, ? AS end_on) k`,
          [stored, startOn, endOn],
        );
        const shown = effectiveStatus(stored, startOn, endOn, today);
        expect(row!.status).toBe(shown);
        expect(row!.expiring === 1).toBe(isExpiring(shown, endOn, today, days));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a date that is not a plain ISO date before it reaches SQL', () => {
    expect(() => statusSql("2026-01-01' OR 1=1 --")).toThrow(/not an ISO date/);
    expect(() => expiringSql('2026-01-01', -1)).toThrow(/bad day count/);
  });
});
