import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { archiveDocValues } from '../helpers/contracts';

/** customers.md "Archive documents register": register, edit, reorder, remove, and the ordered file index. */
describe('archive documents', () => {
  let env: TestEnv;
  let insider: TestUser;
  let outsider: TestUser;
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend();
    insider = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    outsider = await env.createUser({ roles: ['clerk'], displayName: '王丽' });
    staffId = await env.createStaff();
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const newCustomer = async (abcClass: 'A' | 'B' = 'B') => (await createCustomer(env, insider.caller, customerValues(staffId, { abcClass }))).customer;
  const add = (customerId: number, doc: Parameters<typeof archiveDocValues>[0]) =>
    env.call(insider.caller, 'archiveDocs.create', { customerId, doc: archiveDocValues(doc) });
  const titles = async (customerId: number) => (await env.call(insider.caller, 'archiveDocs.list', { customerId })).map((r) => `${r.sequence}:${r.title}`);

  it('registers documents as new items at the end, or joins an item by its number; the index orders them by the rules', async () => {
    const c = await newCustomer();
    const request = await add(c.id, { kind: '请示', title: '关于调整授信额度的请示', role: 'request', pages: 3 });
    expect(request).toMatchObject({ sequence: 1, kind: '请示', role: 'request', copies: 1, pages: 3 });
    await add(c.id, { kind: '合同', title: '2027 年度购销合同', role: 'original', pages: 8, copies: 2 });
    await add(c.id, { kind: '批复', title: '关于同意调整授信额度的批复', role: 'approval', pages: 1, sequence: 1 });
    await add(c.id, { kind: '合同附件', title: '报价单', role: 'attachment', pages: 2, sequence: 2 });
    // A number far past the end still starts just one new item.
    await add(c.id, { kind: '函', title: '对账确认函', role: 'document', pages: 1, sequence: 99 });

    const index = await env.call(insider.caller, 'archiveDocs.index', { customerId: c.id });
    expect(index.customer).toMatchObject({ id: c.id, code: c.code, name: c.name });
    expect(index.items).toBe(3);
    expect(index.totalPages).toBe(15);
    expect(index.rows.map((r) => [r.lineNo, r.sequence, r.title, r.startPage, r.endPage])).toEqual([
      [1, 1, '关于同意调整授信额度的批复', 1, 1],
      [2, 1, '关于调整授信额度的请示', 2, 4],
      [3, 2, '2027 年度购销合同', 5, 12],
      [4, 2, '报价单', 13, 14],
      [5, 3, '对账确认函', 15, 15],
    ]);
    expect(await env.call(insider.caller, 'archiveDocs.list', { customerId: c.id })).toEqual(index.rows);
    const audit = await env.backend.store.reader.all<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'archiveDoc' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const c = await newCustomer();
    const before = await env.snapshot();
    const cases: [unknown, string, string][] = [
      [{ customerId: c.id, doc: { ...archiveDocValues(), title: '' } }, 'doc.title', 'v.required'],
      [{ customerId: c.id, doc: { ...archiveDocValues(), kind: ' ' } }, 'doc.kind', 'v.required'],
      [{ customerId: c.id, doc: { ...archiveDocValues(), role: 'copy' } }, 'doc.role', 'v.required'],
      [{ customerId: c.id, doc: { ...archiveDocValues(), pages: 0 } }, 'doc.pages', 'v.tooSmall'],
      [{ customerId: c.id, doc: { ...archiveDocValues(), copies: 1.5 } }, 'doc.copies', 'v.required'],
      [{ customerId: c.id, doc: { ...archiveDocValues(), docDate: '2026-13-01' } }, 'doc.docDate', 'v.date'],
      [{ customerId: c.id, doc: { ...archiveDocValues(), sequence: 0 } }, 'doc.sequence', 'v.tooSmall'],
    ];
    for (const [input, path, key] of cases) {
      const error = await env.fail(insider.caller, 'archiveDocs.create', input);
      expect(error.code, path).toBe('VALIDATION');
      expect(error.details?.issues?.[0], path).toMatchObject({ path, key });
    }
    expect((await env.fail(insider.caller, 'archiveDocs.create', { customerId: 999_999, doc: archiveDocValues() })).code).toBe('NOT_FOUND');
    expect(await env.snapshot()).toBe(before);
  });

  it('edits a document, moves it to another item, and closes the gap it leaves', async () => {
    const c = await newCustomer();
    const a = await add(c.id, { title: '甲' });
    const b = await add(c.id, { title: '乙' });
    await add(c.id, { title: '丙' });
    const edited = await env.call(insider.caller, 'archiveDocs.update', { id: b.id, changes: { title: '乙（更正）', pages: 6, sequence: 1, role: 'attachment' } });
    expect(edited).toMatchObject({ title: '乙（更正）', pages: 6, sequence: 1 });
    expect(await titles(c.id)).toEqual(['1:甲', '1:乙（更正）', '2:丙']);
    await env.call(insider.caller, 'archiveDocs.update', { id: a.id, changes: { sequence: 50 } });
    expect(await titles(c.id)).toEqual(['1:乙（更正）', '2:丙', '3:甲']);
    const audit = await env.backend.store.reader.get<{ summary: string }>(`SELECT summary FROM audit_log WHERE entity = 'archiveDoc' AND entity_id = ? AND action = 'update' ORDER BY id LIMIT 1`, [String(b.id)]);
    expect(JSON.parse(audit!.summary)).toMatchObject({ before: { title: '乙', pages: 4, sequence: 2, role: 'original' }, after: { title: '乙（更正）', pages: 6, sequence: 1, role: 'attachment' } });
  });

  it('reorders whole items and renumbers them; refuses an order that does not match the file', async () => {
    const c = await newCustomer();
    await add(c.id, { title: '一' });
    await add(c.id, { title: '一附', role: 'attachment', sequence: 1 });
    await add(c.id, { title: '二' });
    await add(c.id, { title: '三' });
    await env.call(insider.caller, 'archiveDocs.reorder', { customerId: c.id, order: [3, 1, 2] });
    expect(await titles(c.id)).toEqual(['1:三', '2:一', '2:一附', '3:二']);
    const before = await env.snapshot();
    for (const order of [[1, 2], [1, 1, 2], [1, 2, 4], [1, 2, 3, 4]]) {
      const error = await env.fail(insider.caller, 'archiveDocs.reorder', { customerId: c.id, order });
      expect(error.details?.issues, JSON.stringify(order)).toEqual([expect.objectContaining({ path: 'order', key: 'archiveDocs.errors.orderMismatch' })]);
    }
    expect(await env.snapshot()).toBe(before);
  });

  it('removes a document with a reason (the row stays), and the items close up', async () => {
    const c = await newCustomer();
    await add(c.id, { title: '一' });
    const two = await add(c.id, { title: '二' });
    await add(c.id, { title: '三' });
    const empty = await env.fail(insider.caller, 'archiveDocs.remove', { id: two.id, reason: '' });
    expect(empty.details?.issues).toEqual([expect.objectContaining({ path: 'reason', key: 'v.required' })]);
    await env.call(insider.caller, 'archiveDocs.remove', { id: two.id, reason: '重复登记' });
    expect(await titles(c.id)).toEqual(['1:一', '2:三']);
    expect(await env.fail(insider.caller, 'archiveDocs.update', { id: two.id, changes: { title: 'x' } })).toEqual({ code: 'NOT_FOUND', message: 'archiveDocs.errors.notFound' });
    const row = await env.backend.store.reader.get<{ removed_reason: string }>('SELECT removed_reason FROM archive_documents WHERE id = ?', [two.id]);
    expect(row?.removed_reason).toBe('重复登记');
    await expect(env.backend.store.write((tx) => tx.run('DELETE FROM archive_documents WHERE id = ?', [two.id]))).rejects.toThrow(/never deleted/);
  });

  it('hides an A-class customer’s file from users without 项目专职, and logs each printed index of it', async () => {
    const a = await newCustomer('A');
    const doc = await add(a.id, { title: '机密协议' });
    const before = await env.snapshot();
    for (const [channel, input] of [
      ['archiveDocs.list', { customerId: a.id }],
      ['archiveDocs.index', { customerId: a.id }],
      ['archiveDocs.create', { customerId: a.id, doc: archiveDocValues() }],
      ['archiveDocs.reorder', { customerId: a.id, order: [1] }],
    ] as const) {
      expect((await env.fail(outsider.caller, channel, input)).code, channel).toBe('NOT_FOUND');
    }
    expect(await env.fail(outsider.caller, 'archiveDocs.update', { id: doc.id, changes: { title: 'x' } })).toEqual({ code: 'NOT_FOUND', message: 'archiveDocs.errors.notFound' });
    expect((await env.fail(outsider.caller, 'archiveDocs.remove', { id: doc.id, reason: 'x' })).code).toBe('NOT_FOUND');
    expect(await env.snapshot()).toBe(before);

    await env.call(insider.caller, 'archiveDocs.index', { customerId: a.id });
    const views = await env.backend.store.reader.all<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'view' AND entity = 'customer' AND entity_id = ?`, [String(a.id)]);
    expect(views.map((v) => JSON.parse(v.summary))).toEqual([expect.objectContaining({ sheet: 'fileIndex' })]);
  });

  it('freezes the file of an archived customer', async () => {
    const c = await newCustomer();
    const doc = await add(c.id, { title: '一' });
    await env.call(insider.caller, 'customers.archive', { id: c.id, version: c.version, reason: '停业', receivedOn: today(env) });
    expect((await env.fail(insider.caller, 'archiveDocs.create', { customerId: c.id, doc: archiveDocValues() })).message).toBe('errors.customer.archived');
    expect((await env.fail(insider.caller, 'archiveDocs.update', { id: doc.id, changes: { title: '二' } })).message).toBe('errors.customer.archived');
    expect(await titles(c.id)).toEqual(['1:一']);
  });
});
