import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@shared/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { csvText, employeeNo, HEADERS, MAPPING, runInput, upload, xlsxBytes, type SheetCell } from '../helpers/imports';

/**
 * The dry run (imports.check): every row checked with the customer form's rules, every problem listed with its
 * row and column, and nothing written — not a row of any table.
 */
describe('checking an import file (dry run)', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let plainClerk: TestUser;
  let staffNo: string;
  let staffId: number;
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    plainClerk = await env.createUser({ roles: ['clerk'], projectStaff: false });
    staffId = await env.createStaff({ employeeNo: 'KM001', name: '王建国' });
    await env.createStaff({ employeeNo: 'KM002', name: '李娜' });
    await env.createStaff({ employeeNo: 'KM003', name: '李娜' });
    staffNo = await employeeNo(env, staffId);
    await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'ON-FILE', name: '已建档客户', abcClass: 'B' }));
    await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'A-ONLY', name: '甲类客户', abcClass: 'A' }));
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  async function check(user: TestUser, rows: SheetCell[][], extra: Partial<Parameters<typeof runInput>[1]> = {}) {
    const uploadId = await upload(env, user, '客户.xlsx', await xlsxBytes([HEADERS, ...rows]));
    const input = runInput(uploadId, { env, ...extra });
    const before = await env.snapshot();
    const summary = await env.call(user.caller, 'imports.check', input);
    expect(await env.snapshot()).toBe(before);
    const problems = await env.call(user.caller, 'imports.problems', { jobId: input.jobId, startRow: 0, endRow: 1000 });
    return { summary, problems: problems.rows, listed: problems.rowCount };
  }

  const brief = (rows: ChannelOutput<'imports.problems'>['rows']) => rows.map((p) => [p.row, p.column, p.key]);

  it('suggests the mapping from the usual Chinese headers and shows the first rows', async () => {
    const uploadId = await upload(
      env,
      clerk,
      '台账.xlsx',
      await xlsxBytes([
        ['序号', '客户编码', '单位名称', 'ABC分类', '业务员', '建档日期', '联系电话', '联系人', '职务', '手机', '授信额度（元）', '邮箱', '状态'],
        [1, 'HZ-1', '杭州某公司', 'A', 'KM001', date('2026-11-20'), '0571-88886666', '张三', '经理', '13800001111', 1000, 'a@b.com', '在册'],
      ]),
    );
    const inspected = await env.call(clerk.caller, 'imports.inspect', { uploadId });
    expect(inspected).toMatchObject({ fileName: '台账.xlsx', kind: 'xlsx', encoding: null, headerRow: 1, sheetName: '客户' });
    expect(Object.fromEntries(inspected.suggested.map((m) => [inspected.headers[m.column], m.field]))).toEqual({
      客户编码: 'code',
      单位名称: 'name',
      ABC分类: 'abcClass',
      业务员: 'manager',
      建档日期: 'registeredOn',
      联系电话: 'phone',
      联系人: 'contactName',
      职务: 'contactTitle',
      手机: 'contactMobile',
      '授信额度（元）': 'creditLimit',
      邮箱: 'email',
    });
    expect(inspected.sample).toEqual([['1', 'HZ-1', '杭州某公司', 'A', 'KM001', '2026-11-20', '0571-88886666', '张三', '经理', '13800001111', '1000', 'a@b.com', '在册']]);
  });

  it('passes a good file and counts what it would do: new customers, updates, contacts', async () => {
    const { summary, problems } = await check(clerk, [
      ['NEW-1', '新客户一号', 'B', staffNo, date('2026-11-20'), '0571-87654321', '赵六', '采购', '13912345678'],
      ['new-2', '新客户二号', 'c 类', '王建国', '2026年11月21日', '13800138000', null, null, null],
      ['on-file', '已建档客户（改名）', 'B', staffNo, '2026/1/15', null, null, null, null],
    ]);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ rows: 3, creates: 2, updates: 1, unchanged: 0, contacts: 1, problems: 0, problemRows: 0 });
  });

  it("lists each row's problems with its row number and column: missing code, duplicate code, bad phone, unknown class, bad date", async () => {
    const { summary, problems } = await check(clerk, [
      [null, '缺编号客户', 'B', staffNo, date('2026-11-20'), null, null, null, null],
      ['DUP-1', '重复一', 'B', staffNo, date('2026-11-20'), null, null, null, null],
      ['dup-1', '重复二', 'B', staffNo, date('2026-11-20'), null, null, null, null],
      ['BAD-PHONE', '电话错', 'B', staffNo, date('2026-11-20'), '12345', null, null, null],
      ['BAD-CLASS', '等级错', 'E', staffNo, date('2026-11-20'), null, null, null, null],
      ['BAD-DATE', '日期错', 'B', staffNo, '2026-13-45', null, null, null, null],
      ['BAD-DATE2', '日期错二', 'B', staffNo, '下周一', null, null, null, null],
    ]);
    expect(brief(problems)).toEqual([
      [2, '客户编号', 'v.required'],
      [4, '客户编号', 'imports.problems.duplicateInFile'],
      [5, '电话', 'v.phone'],
      [6, '客户等级', 'imports.problems.unknownClass'],
      [7, '登记日期', 'imports.problems.badDate'],
      [8, '登记日期', 'imports.problems.badDate'],
    ]);
    expect(problems[1]).toMatchObject({ value: 'dup-1', params: { code: 'dup-1', row: 3 } });
    expect(problems[2]!.value).toBe('12345');
    expect(problems[3]!.params).toEqual({ choices: 'A、B、C' });
    expect(summary).toMatchObject({ rows: 7, problems: 6, problemRows: 6, creates: 1 });
  });

  it('refuses a formula cell: the import takes values, not formulas', async () => {
    const { problems } = await check(clerk, [
      ['F-1', { formula: 'CONCATENATE("杭州","公司")', result: '杭州公司' }, 'B', staffNo, date('2026-11-20'), null, null, null, null],
    ]);
    expect(problems).toEqual([
      { id: 1, row: 2, column: '客户名称', field: 'name', value: '=CONCATENATE("杭州","公司")', key: 'imports.problems.formula', params: { formula: '=CONCATENATE("杭州","公司")' } },
    ]);
  });

  it('checks staff, code lists and the contact like the form does', async () => {
    const { problems } = await check(clerk, [
      ['S-1', '员工错', 'B', '不存在的人', date('2026-11-20'), null, null, null, null],
      ['S-2', '同名员工', 'B', '李娜', date('2026-11-20'), null, null, null, null],
      ['S-3', '联系人手机错', 'B', 'km001', date('2026-11-20'), null, '钱七', null, '1391234'],
      ['S-4', '联系人缺姓名', 'B', staffNo, date('2026-11-20'), null, null, '经理', null],
    ]);
    expect(brief(problems)).toEqual([
      [2, '客户经理', 'imports.problems.staffUnknown'],
      [3, '客户经理', 'imports.problems.staffAmbiguous'],
      [4, '手机', 'v.mobile'],
      [5, '联系人', 'v.required'],
    ]);
    expect(problems[1]!.params).toEqual({ value: '李娜', count: 2 });
  });

  it('reads code-list values by label or code and refuses unknown ones', async () => {
    const uploadId = await upload(
      env,
      clerk,
      'codes.csv',
      new TextEncoder().encode(
        csvText([
          ['客户编号', '客户名称', '客户等级', '客户经理', '登记日期', '区域', '业态', '城区/农村', '重点客户', '信息来源', '授信额度'],
          ['C-1', '代码表一', 'B', 'KM001', '2026-11-20', '城东片区', 'wholesale', '城区', '是', '业务拜访', '1.5万'],
          ['C-2', '代码表二', 'B', 'KM001', '2026-11-20', '火星片区', '商超', '郊区', '也许', '听说', '12.345'],
        ]),
      ),
    );
    const inspected = await env.call(clerk.caller, 'imports.inspect', { uploadId });
    expect(inspected.encoding).toBe('utf-8');
    const input = runInput(uploadId, { env, mapping: inspected.suggested });
    const summary = await env.call(clerk.caller, 'imports.check', input);
    const { rows } = await env.call(clerk.caller, 'imports.problems', { jobId: input.jobId, startRow: 0, endRow: 100 });
    expect(brief(rows)).toEqual([
      [3, '区域', 'v.unknownCode'],
      [3, '城区/农村', 'imports.problems.badChoice'],
      [3, '重点客户', 'imports.problems.badYesNo'],
      [3, '信息来源', 'imports.problems.badChoice'],
      [3, '授信额度', 'v.money'],
    ]);
    expect(summary).toMatchObject({ creates: 1, problemRows: 1 });
  });

  it('refuses A-class rows for a user without 项目专职, and hides that an A-class code exists', async () => {
    const { problems } = await check(plainClerk, [
      ['NEW-A', '新甲类', 'A', staffNo, date('2026-11-20'), null, null, null, null],
      ['A-ONLY', '改甲类', 'B', staffNo, date('2026-11-20'), null, null, null, null],
      ['ON-FILE', '已建档客户', 'A', staffNo, date('2026-11-20'), null, null, null, null],
    ]);
    expect(brief(problems)).toEqual([
      [2, '客户等级', 'errors.customer.aClassNeedsProjectStaff'],
      [3, '客户编号', 'imports.problems.codeNotVisible'],
      [4, '客户等级', 'errors.customer.aClassNeedsProjectStaff'],
    ]);
    // With 项目专职 the same rows pass.
    expect((await check(clerk, [['NEW-A', '新甲类', 'A', staffNo, date('2026-11-20'), null, null, null, null]])).problems).toEqual([]);
  });

  it('refuses rows for an archived customer, and names the customer a merged duplicate went into', async () => {
    const make = async (code: string, name: string) => (await createCustomer(env, clerk.caller, customerValues(staffId, { code, name, abcClass: 'B' }))).customer;
    const gone = await make('GONE-1', '已停业客户');
    await env.call(clerk.caller, 'customers.archive', { id: gone.id, version: gone.version, reason: '停业', receivedOn: '2026-11-25' });
    const keep = await make('KEPT-1', '宁波保留客户有限公司');
    const duplicate = await make('DUP-1', '宁波保留客户');
    await env.call(env.admin.caller, 'customers.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      reason: '重复建档',
      receivedOn: '2026-11-25',
    });
    const { problems } = await check(clerk, [
      ['GONE-1', '已停业客户', 'B', staffNo, date('2026-11-20'), null, null, null, null],
      ['DUP-1', '宁波保留客户', 'B', staffNo, date('2026-11-20'), null, null, null, null],
    ]);
    expect(problems.map((p) => [p.row, p.key, p.params])).toEqual([
      [2, 'imports.problems.archived', { code: 'GONE-1' }],
      [3, 'imports.problems.merged', { code: 'DUP-1', into: 'KEPT-1 宁波保留客户有限公司' }],
    ]);
  });

  it('in "only add new customers" mode a code on file is a problem', async () => {
    const { problems } = await check(clerk, [['ON-FILE', '已建档客户', 'B', staffNo, date('2026-11-20'), null, null, null, null]], { mode: 'createOnly' });
    expect(brief(problems)).toEqual([[2, '客户编号', 'imports.problems.codeExists']]);
  });

  it('refuses a mapping without the required columns, and a received date in the future', async () => {
    const uploadId = await upload(env, clerk, 'x.xlsx', await xlsxBytes([HEADERS, ['X-1', '某', 'B', staffNo, date('2026-11-20')]]));
    const missing = await env.fail(clerk.caller, 'imports.check', runInput(uploadId, { env, mapping: MAPPING.filter((m) => m.field !== 'registeredOn' && m.field !== 'manager') }));
    expect(missing).toMatchObject({ code: 'VALIDATION', message: 'imports.errors.requiredUnmapped', details: { params: { fields: '客户经理、登记日期' } } });
    const future = await env.fail(clerk.caller, 'imports.check', runInput(uploadId, { env, receivedOn: '2026-12-01' }));
    expect(future).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'receivedOn', key: 'v.futureDate' }] } });
    const twice = await env.fail(clerk.caller, 'imports.check', runInput(uploadId, { env, mapping: [...MAPPING, { column: 5, field: 'code' }] }));
    expect(twice.code).toBe('VALIDATION');
  });

  it("refuses another user's upload and an empty or header-only file", async () => {
    const uploadId = await upload(env, clerk, 'mine.xlsx', await xlsxBytes([HEADERS]));
    expect(await env.fail(plainClerk.caller, 'imports.inspect', { uploadId })).toMatchObject({ code: 'NOT_FOUND', message: 'imports.errors.uploadMissing' });
    expect(await env.fail(clerk.caller, 'imports.inspect', { uploadId })).toMatchObject({ code: 'VALIDATION', message: 'imports.errors.noData' });
    expect(await env.fail(clerk.caller, 'imports.check', runInput(uploadId, { env }))).toMatchObject({ message: 'imports.errors.noData' });
    const empty = await upload(env, clerk, 'empty.csv', new Uint8Array());
    expect(await env.fail(clerk.caller, 'imports.inspect', { uploadId: empty })).toMatchObject({ message: 'imports.errors.empty' });
  });

  it("lists another user's problems for nobody else", async () => {
    const uploadId = await upload(env, clerk, 'p.xlsx', await xlsxBytes([HEADERS, [null, '缺编号', 'B', staffNo, date('2026-11-20')]]));
    const input = runInput(uploadId, { env });
    await env.call(clerk.caller, 'imports.check', input);
    expect(await env.fail(plainClerk.caller, 'imports.problems', { jobId: input.jobId, startRow: 0, endRow: 10 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
