import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createTarget } from '../helpers/delivery';
import { jobFacts, sha256Of } from '../helpers/deliveryFiles';
import { seedCustomers } from '../../../electron/cli/seedData';

/**
 * A large register exported to a target and checked with ExcelJS: the customer register itself (customers
 * seeded with the seed CLI's own code), sent to a real folder through the outbox, read back row by row with
 * ExcelJS's streaming reader.
 *
 * The 100,000 rows take about 80 s here on two busy cores (seeding the customers is most of it), more
 * than the unit suite can spend; so the unit suite runs 10,000 rows, and `npm run bench -- --only delivery` runs
 * the same check on 100,000 rows of the large benchmark office (tests/bench/delivery.bench.ts). NEIQIN_EXPORT_ROWS
 * runs this test with another count (NEIQIN_EXPORT_ROWS=100000 npx vitest run tests/unit/delivery/largeExport).
 */
const ROWS = Number(process.env.NEIQIN_EXPORT_ROWS ?? 10_000);
const code = (n: number) => `KH${String(n).padStart(6, '0')}`;

describe(`${ROWS.toLocaleString('en-US')} rows exported to a target`, () => {
  let env: TestEnv;
  let clerk: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    // 项目专职: the register holds every customer, A-class ones too.
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    const staffId = await env.createStaff();
    await seedCustomers(env.backend, { count: ROWS, admin: { id: env.admin.id, username: env.admin.username, displayName: env.admin.displayName, created: false }, staffIds: [staffId] });
  }, 120_000);
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('arrives complete: the hash matches and ExcelJS reads the title, the header and every row', async () => {
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
        expect(values[2]).toBeTruthy();
        dataRows++;
      }
    }
    expect(sheetName).toBe('客户档案台账');
    expect(dataRows).toBe(ROWS);
    expect([firstCode, lastCode]).toEqual([code(1), code(ROWS)]);
    expect(ordered).toBe(true);
  }, 120_000);
});
