import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { csvFile } from '../helpers/calendar';

const base64 = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes as Uint8Array).toString('base64');

async function xlsxFile(rows: unknown[][], fileName = '2027年节假日.xlsx') {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('节假日');
  for (const row of rows) sheet.addRow(row);
  return { fileName, contentBase64: base64(await workbook.xlsx.writeBuffer()) };
}

/** calendar.md: an admin imports a year's list from .csv/.xlsx; a dry run shows every problem, then all or nothing. */
describe('calendar import', () => {
  let env: TestEnv;
  let admin: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    admin = env.admin;
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const entries = () =>
    env.backend.store.reader.all('SELECT date, kind, name FROM calendar_days ORDER BY date');
  const importAudits = () =>
    env.backend.store.reader.all<{ user_name: string; summary: string }>(
      `SELECT user_name, summary FROM audit_log WHERE channel = 'calendar.import' ORDER BY id`,
    );

  const good = csvFile([
    '日期,类型,名称',
    '2027-01-01,法定节假日,元旦',
    '2027/10/1,节假日,国庆节',
    '2027年10月4日,休,国庆节',
    '2027-10-09,调休上班,国庆节调休上班',
    '',
    '20271010,班,',
  ]);

  it('previews a good file line by line and writes nothing', async () => {
    const before = await env.snapshot();
    const preview = await env.call(admin.caller, 'calendar.importPreview', good);
    expect(preview.counts).toEqual({ total: 5, new: 5, same: 0, problems: 0 });
    expect(preview.rows.map((r) => [r.line, r.date, r.kind, r.name, r.status])).toEqual([
      [2, '2027-01-01', 'holiday', '元旦', 'new'],
      [3, '2027-10-01', 'holiday', '国庆节', 'new'],
      [4, '2027-10-04', 'holiday', '国庆节', 'new'],
      [5, '2027-10-09', 'workday', '国庆节调休上班', 'new'],
      [7, '2027-10-10', 'workday', null, 'new'],
    ]);
    expect(await env.snapshot()).toEqual(before);
  });

  it('imports it: every line written in one audited transaction', async () => {
    const result = await env.call(admin.caller, 'calendar.import', good);
    expect(result).toEqual({ created: 5, same: 0, years: [2027] });
    expect(await entries()).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-04', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-09', kind: 'workday', name: '国庆节调休上班' },
      { date: '2027-10-10', kind: 'workday', name: null },
    ]);
    const audits = await importAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.user_name).toBe(admin.username);
    expect(JSON.parse(audits[0]!.summary)).toMatchObject({
      fileName: '节假日.csv',
      created: expect.arrayContaining([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]),
    });
    const years = await env.call(admin.caller, 'calendar.years', {});
    expect(years.years).toEqual([{ year: 2027, holidays: 3, workdays: 2 }]);
  });

  it('imports the same file again as a no-op: lines already on the calendar are skipped, nothing written', async () => {
    const before = await env.snapshot();
    const preview = await env.call(admin.caller, 'calendar.importPreview', good);
    expect(preview.counts).toEqual({ total: 5, new: 0, same: 5, problems: 0 });
    expect(await env.call(admin.caller, 'calendar.import', good)).toEqual({ created: 0, same: 5, years: [] });
    expect(await env.snapshot()).toEqual(before);
  });

  const bad = csvFile([
    '日期,类型,名称',
    '2028-01-03,法定节假日,元旦', // fine on its own
    '2028-02-30,法定节假日,不存在的日子',
    '2028-02-07,放半天,春节',
    '2028-01-03,法定节假日,元旦重复',
    '2027-10-01,法定节假日,国庆', // the calendar says 国庆节
    '2028-01-01,法定节假日,元旦', // a Saturday
    '2028-01-04,调休上班,', // a Tuesday
    ',法定节假日,没有日期',
    '2028-02-08,,没有类型',
    `2028-02-09,法定节假日,${'长'.repeat(41)}`,
  ]);

  it('lists every problem of every line of a bad file', async () => {
    const preview = await env.call(admin.caller, 'calendar.importPreview', bad);
    expect(preview.counts).toEqual({ total: 10, new: 1, same: 0, problems: 9 });
    expect(preview.rows.map((r) => [r.line, r.status, r.problems])).toEqual([
      [2, 'new', []],
      [3, 'problem', [{ key: 'badDate', params: { text: '2028-02-30' } }]],
      [4, 'problem', [{ key: 'unknownKind', params: { text: '放半天' } }]],
      [5, 'problem', [{ key: 'duplicateInFile', params: { line: 2 } }]],
      [6, 'problem', [{ key: 'conflict', params: { existingKind: 'holiday', existingName: '国庆节' } }]],
      [7, 'problem', [{ key: 'weekendHoliday', params: {} }]],
      [8, 'problem', [{ key: 'weekdayWorkday', params: {} }]],
      [9, 'problem', [{ key: 'dateMissing', params: {} }]],
      [10, 'problem', [{ key: 'kindMissing', params: {} }]],
      [11, 'problem', [{ key: 'nameTooLong', params: { max: 40 } }]],
    ]);
  });

  it('imports nothing at all from a file with a bad line', async () => {
    const before = await env.snapshot();
    const error = await env.fail(admin.caller, 'calendar.import', bad);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('calendar.errors.importHasProblems');
    expect(error.details?.params).toEqual({ count: 9 });
    expect((error.details?.problems as { line: number }[]).map((p) => p.line)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(await env.snapshot()).toEqual(before);
  });

  it('reads a .csv saved as GB18030 (Excel on a Chinese Windows) and one with a UTF-8 BOM', async () => {
    // "日期,类型,名称\r\n2027-01-01,法定节假日,元旦\r\n" in GB18030.
    const gb = Buffer.from(
      'c8d5c6da2cc0e0d0cd2cc3fbb3c60d0a323032372d30312d30312cb7a8b6a8bddabcd9c8d52cd4aab5a90d0a',
      'hex',
    );
    const preview = await env.call(admin.caller, 'calendar.importPreview', {
      fileName: 'gbk.CSV',
      contentBase64: gb.toString('base64'),
    });
    expect(preview.rows.map((r) => [r.date, r.kind, r.name, r.status])).toEqual([
      ['2027-01-01', 'holiday', '元旦', 'same'],
    ]);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('日期,类型,名称\n2027-01-01,法定节假日,元旦\n'),
    ]);
    const withBom = await env.call(admin.caller, 'calendar.importPreview', {
      fileName: 'bom.csv',
      contentBase64: bom.toString('base64'),
    });
    expect(withBom.rows.map((r) => [r.date, r.status])).toEqual([['2027-01-01', 'same']]);
  });

  it('reads English headers and kinds, in any column order', async () => {
    const preview = await env.call(
      admin.caller,
      'calendar.importPreview',
      csvFile(['Name,Kind,Date', 'New Year,holiday,2029-01-01', 'Make-up,Workday,2029-01-06']),
    );
    expect(preview.rows.map((r) => [r.date, r.kind, r.name, r.status])).toEqual([
      ['2029-01-01', 'holiday', 'New Year', 'new'],
      ['2029-01-06', 'workday', 'Make-up', 'new'],
    ]);
  });

  it('imports an .xlsx with real date cells, dates typed as text and Excel day numbers', async () => {
    // The first non-empty line is the header: a sheet holding only a title has no 日期/类型 columns.
    const file = await xlsxFile([['2028年节假日安排']]);
    expect((await env.fail(admin.caller, 'calendar.importPreview', file)).message).toBe(
      'calendar.errors.columnsMissing',
    );

    const xlsx = await xlsxFile([
      ['日期', '类型', '名称'],
      [new Date(Date.UTC(2028, 0, 3)), '法定节假日', '元旦'],
      ['2028/1/29', '调休上班', { richText: [{ text: '春节' }, { text: '调休上班' }] }],
      [46790, '节假日', '春节'], // 46790 = 2028-02-07 as Excel counts days
    ]);
    const preview = await env.call(admin.caller, 'calendar.importPreview', xlsx);
    expect(preview.rows.map((r) => [r.line, r.date, r.kind, r.name, r.status])).toEqual([
      [2, '2028-01-03', 'holiday', '元旦', 'new'],
      [3, '2028-01-29', 'workday', '春节调休上班', 'new'],
      [4, '2028-02-07', 'holiday', '春节', 'new'],
    ]);
    expect(await env.call(admin.caller, 'calendar.import', xlsx)).toEqual({
      created: 3,
      same: 0,
      years: [2028],
    });
    expect(
      (await env.call(admin.caller, 'calendar.query', { startRow: 0, endRow: 10, year: 2028 })).rows.map(
        (r) => r.name,
      ),
    ).toEqual(['元旦', '春节调休上班', '春节']);
  });

  it('refuses a file it cannot use, naming why, writing nothing', async () => {
    const before = await env.snapshot();
    const cases: [unknown, string, string][] = [
      [
        { fileName: '节假日.xls', contentBase64: base64(Buffer.from('x')) },
        'fileName',
        'calendar.errors.fileType',
      ],
      [
        { fileName: '节假日.csv', contentBase64: base64(Buffer.alloc(1024 * 1024 + 1, 0x41)) },
        'contentBase64',
        'calendar.errors.fileTooLarge',
      ],
      [csvFile(['日期,类型,名称']), 'contentBase64', 'calendar.errors.fileEmpty'],
      [csvFile(['', '  ']), 'contentBase64', 'calendar.errors.fileEmpty'],
      [csvFile(['日期,名称', '2029-01-01,元旦']), 'contentBase64', 'calendar.errors.columnsMissing'],
      [
        { fileName: '节假日.xlsx', contentBase64: base64(Buffer.from('not a zip file')) },
        'contentBase64',
        'calendar.errors.fileUnreadable',
      ],
      [{ fileName: '节假日.csv', contentBase64: '***' }, 'contentBase64', 'v.format'],
      [{ fileName: '', contentBase64: 'QQ==' }, 'fileName', 'v.required'],
    ];
    for (const channel of ['calendar.importPreview', 'calendar.import'] as const) {
      for (const [input, path, key] of cases) {
        const error = await env.fail(admin.caller, channel, input);
        expect(error.code, `${channel} ${key}`).toBe('VALIDATION');
        expect(error.details?.issues?.[0], `${channel} ${key}`).toMatchObject({ path, key });
      }
    }
    expect(await env.snapshot()).toEqual(before);
  });

  it('is for calendar.manage only', async () => {
    const clerk = await env.createUser({ roles: ['clerk'] });
    const counts = await env.rowCounts();
    expect((await env.fail(clerk.caller, 'calendar.importPreview', good)).code).toBe('FORBIDDEN');
    expect(
      (await env.fail(clerk.caller, 'calendar.import', csvFile(['日期,类型', '2030-01-01,休']))).code,
    ).toBe('FORBIDDEN');
    expect(await env.rowCounts()).toEqual(counts);
  });
});
