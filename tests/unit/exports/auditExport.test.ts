import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readWorkbook } from '../helpers/files';
import { freshBackend, type TestEnv } from '../helpers/env';

describe('audit.query and audit.export', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await freshBackend();
    env.clock.advance(1000);
    await env.createStaff({ name: '员工甲' });
    env.clock.advance(1000);
    await env.createStaff({ name: '员工乙' });
    env.clock.advance(1000);
    await env.fail({ sessionId: null }, 'auth.login', { username: 'ghost', password: 'ghost1234' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('lists the log newest first and filters it', async () => {
    const page = await env.call(env.admin.caller, 'audit.query', { startRow: 0, endRow: 100 });
    expect(page.rows.map((r) => r.action)).toEqual(['loginFailed', 'create', 'create', 'setup']);
    const staffOnly = await env.call(env.admin.caller, 'audit.query', {
      startRow: 0,
      endRow: 100,
      filterModel: { entity: { filterType: 'set', values: ['staff'] } },
    });
    expect(staffOnly.rowCount).toBe(2);
    const search = await env.call(env.admin.caller, 'audit.query', {
      startRow: 0,
      endRow: 100,
      quickSearch: 'ghost',
    });
    expect(search.rows.map((r) => r.action)).toEqual(['loginFailed']);
  });

  it('exports the filtered log as .xlsx and audits the export itself', async () => {
    const before = await env.call(env.admin.caller, 'audit.query', { startRow: 0, endRow: 100 });
    env.clock.advance(1000);
    const file = await env.call(env.admin.caller, 'audit.export', {
      view: {
        filterModel: { entity: { filterType: 'set', values: ['staff', 'user'] } },
        sortModel: [{ colId: 'at', sort: 'asc' }],
      },
      columns: ['at', 'userName', 'action', 'entity', 'summary'],
      format: 'xlsx',
    });
    expect(file.rows).toBe(before.rowCount);
    expect(file.fileName).toMatch(/^操作日志_.*\.xlsx$/);
    const book = await readWorkbook(env.backend.exportedFile(env.admin.caller, file.fileId)!.path);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('操作日志');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toHaveLength(5);
    expect(sheet.rowCount).toBe(3 + before.rowCount);
    expect(sheet.getRow(4).getCell(2).value).toBe('admin');

    const after = await env.call(env.admin.caller, 'audit.query', { startRow: 0, endRow: 1 });
    expect(after.rows[0]).toMatchObject({
      action: 'export',
      entity: 'audit',
      channel: 'audit.export',
      userName: 'admin',
    });
    expect(after.rowCount).toBe(before.rowCount + 1);
  });

  it('exports as .csv too', async () => {
    const file = await env.call(env.admin.caller, 'audit.export', {
      view: {},
      columns: ['action', 'channel'],
      format: 'csv',
    });
    const text = (await readFile(env.backend.exportedFile(env.admin.caller, file.fileId)!.path)).toString(
      'utf8',
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + file.rows);
  });
});
