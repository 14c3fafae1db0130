import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createTarget } from '../helpers/delivery';
import { jobFacts, sha256Of } from '../helpers/deliveryFiles';
import { bulkCustomer, bulkCustomers } from '../helpers/bulkCustomers';

/**
 * The "a test exports 100,000 rows to a target and checks the delivered file with ExcelJS": 100,000
 * customers (made by SQLite itself in one statement, tests/unit/helpers/bulkCustomers.ts), exported through the
 * real export channel with a targetId, delivered through the outbox to a real folder, and the delivered .xlsx read
 * back with ExcelJS's streaming reader — title, header, every row in order, a sampled row's values.
 * About 30 s on this machine when it is quiet; the test has its own generous timeout for a busy one.
 * NEIQIN_EXPORT_ROWS runs it with another count.
 */
const ROWS = Number(process.env.NEIQIN_EXPORT_ROWS ?? 100_000);
const SAMPLE = Math.max(1, Math.floor(ROWS * 0.54321));

describe(`${ROWS.toLocaleString('en-US')} rows exported to a target`, () => {
  let env: TestEnv;
  let clerk: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    // 项目专职: the register holds every customer, A-class ones too.
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    const staffId = await env.createStaff({ name: '王磊' });
    await bulkCustomers(env.backend, ROWS, staffId);
  }, 120_000);
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('arrives complete: the hash matches and ExcelJS reads the title, the header, every row and a sampled row', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '{register}' });
    const file = await env.call(clerk.caller, 'customers.export', {
      view: { sortModel: [{ colId: 'code', sort: 'asc' }] },
      columns: ['code', 'name', 'abcClass', 'managerName'],
      format: 'xlsx',
      targetId: target.id,
    });
    expect(file.rows).toBe(ROWS);
    await env.backend.delivery.runDue();
    const job = await jobFacts(env.backend.store.reader, file.delivery!.jobId);
    expect(job.status).toBe('delivered');
    expect(await sha256Of(job.finalPath!)).toBe(job.sha256);

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(job.finalPath!, { worksheets: 'emit', sharedStrings: 'cache' });
    let dataRows = 0;
    let sheetName = '';
    let firstCode = '';
    let lastCode = '';
    let previous = '';
    let ordered = true;
    let sampled: ExcelJS.CellValue[] = [];
    for await (const sheet of reader) {
      sheetName = (sheet as unknown as { name: string }).name;
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        if (row.number === 1) expect(values[1]).toBe('客户档案台账');
        if (row.number === 3) expect(values.slice(1, 5)).toEqual(['客户编号', '客户名称', '客户等级', '客户经理']);
        if (row.number <= 3) continue;
        const code = String(values[1]);
        if (dataRows === 0) firstCode = code;
        if (code <= previous) ordered = false;
        previous = lastCode = code;
        dataRows++;
        if (dataRows === SAMPLE) sampled = values.slice(1, 5);
      }
    }
    expect(sheetName).toBe('客户档案台账');
    expect(dataRows).toBe(ROWS);
    expect([firstCode, lastCode]).toEqual([bulkCustomer(1).code, bulkCustomer(ROWS).code]);
    expect(ordered).toBe(true);
    const expected = bulkCustomer(SAMPLE);
    expect(sampled).toEqual([expected.code, expected.name, `${expected.abcClass} 类`, '王磊']);
  }, 180_000);
});
