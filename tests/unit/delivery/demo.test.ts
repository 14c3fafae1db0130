import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import type { Backend, Caller } from '../../../electron/backend/index';
import type { JobRow, TargetOption, TargetRecord } from '@shared/schemas/delivery';
import { demoOffice, type DemoOffice } from '../helpers/demo';

/** The demo office shows export targets and a week of delivered exports (screens and e2e rely on it). */
describe('demo office: export targets and jobs', () => {
  let office: DemoOffice;
  let backend: Backend;
  let admin: Caller;
  let neiqin: Caller;

  beforeAll(async () => {
    office = await demoOffice();
    ({ backend, admin } = office);
    neiqin = await office.login('neiqin');
  }, 120_000);
  afterAll(async () => {
    expect(office.errors).toEqual([]);
    await office.close();
  });

  it('has a reachable department share and an unreachable finance share', async () => {
    const page = (await backend.invoke(admin, 'delivery.targets.query', { startRow: 0, endRow: 10 })) as { rows: TargetRecord[] };
    expect(page.rows.map((r) => [r.name, r.state])).toEqual([
      ['营销部共享盘', 'ok'],
      ['财务部共享盘', 'unreachable'],
    ]);
    const share = page.rows[0]!;
    expect(await readdir(share.folder)).toEqual([]);
    // A check finds the demo share really there.
    const [checked] = (await backend.invoke(admin, 'delivery.targets.check', { id: share.id })) as TargetRecord[];
    expect(checked!.state).toBe('ok');
    const options = (await backend.invoke(neiqin, 'delivery.targets.options', {})) as TargetOption[];
    expect(options.find((o) => o.name === '营销部共享盘')!.defaultRegisters).toContain('customers');
  });

  it('lists a week of delivered exports, one of them retried once', async () => {
    const jobs = (await backend.invoke(neiqin, 'delivery.jobs.query', { startRow: 0, endRow: 20 })) as { rows: JobRow[]; rowCount: number };
    expect(jobs.rowCount).toBe(5);
    expect(jobs.rows.every((j) => j.state === 'delivered' && j.userName === '陈静')).toBe(true);
    expect(jobs.rows.map((j) => j.attempts).sort()).toEqual([1, 1, 1, 1, 2]);
    // Nothing waits: the dashboard has no outbox line.
    const today = (await backend.invoke(neiqin, 'dashboard.today', {})) as { id: string }[];
    expect(today.filter((i) => i.id.startsWith('delivery.'))).toEqual([]);
  });
});
