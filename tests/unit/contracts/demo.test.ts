import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@shared/contract';
import type { Backend, Caller } from '../../../electron/backend/index';
import { ROLE_RANK } from '../../../electron/backend/archiveDocs/fileIndex';
import { demoOffice, type DemoOffice } from '../helpers/demo';
import { allContracts } from '../helpers/contracts';

/** The demo office has a contract register and paper files worth looking at (screens, e2e and screenshots use it). */
describe('demo office: contracts and archive documents', () => {
  let office: DemoOffice;
  let backend: Backend;
  let neiqin: Caller;
  let zhuguan: Caller;

  beforeAll(async () => {
    office = await demoOffice();
    backend = office.backend;
    neiqin = await office.login('neiqin');
    zhuguan = await office.login('zhuguan');
  }, 120_000);
  afterAll(() => office.close());

  const call = <C extends 'contracts.query' | 'contracts.summary' | 'archiveDocs.index' | 'dashboard.today' | 'contracts.get'>(caller: Caller, channel: C, input: unknown) =>
    backend.invoke(caller, channel, input) as Promise<ChannelOutput<C>>;

  it('has contracts in every status, some expiring within 30 days and special ones waiting for approval', async () => {
    const page = await call(neiqin, 'contracts.query', allContracts());
    expect(page.rowCount).toBeGreaterThan(70);
    const statuses = new Set(page.rows.map((r) => r.status));
    for (const s of ['draft', 'signed', 'active', 'expired', 'renewed', 'terminated']) expect(statuses.has(s as never), s).toBe(true);
    const summary = await call(neiqin, 'contracts.summary', {});
    expect(summary.expiring).toBeGreaterThanOrEqual(5);
    expect(summary.awaitingApproval).toBe(2);
    const today = await call(zhuguan, 'dashboard.today', {});
    expect(today.find((i) => i.id === 'contracts.awaitingApproval')?.count).toBe(2);
    expect(today.find((i) => i.id === 'contracts.expiring')?.count).toBeGreaterThanOrEqual(5);
  });

  it('has non-regular contracts: every signed one countersigned, one draft still waiting for it', async () => {
    const rows = (await call(neiqin, 'contracts.query', allContracts({ filterModel: { contractType: { filterType: 'set', values: ['nonRegular'] } } }))).rows;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.status !== 'draft' && !(r.status === 'terminated' && r.signedOn === null)).every((r) => r.countersigned)).toBe(true);
    expect(rows.some((r) => r.status === 'draft' && !r.countersigned)).toBe(true);
    const renewed = (await call(neiqin, 'contracts.query', allContracts({ filterModel: { status: { filterType: 'set', values: ['renewed'] } } }))).rows[0]!;
    const detail = await call(neiqin, 'contracts.get', { id: renewed.id });
    expect(detail.contract.renewedByNo).toMatch(/^HT-\d{4}-\d{4}$/);
    expect(detail.events.map((e) => e.action)).toEqual(expect.arrayContaining(['created', 'signed', 'renewed']));
  });

  it('has paper files whose index follows the filing rules', async () => {
    const customers = await backend.store.reader.all<{ customerId: number }>('SELECT DISTINCT customer_id AS customerId FROM archive_documents LIMIT 5');
    expect(customers.length).toBe(5);
    for (const { customerId } of customers) {
      // neiqin has 项目专职: A-class files are visible to her too.
      const index = await call(neiqin, 'archiveDocs.index', { customerId });
      expect(index.items).toBeGreaterThanOrEqual(3);
      const roles = index.rows.map((r) => r.role);
      expect(roles.indexOf('approval')).toBeLessThan(roles.indexOf('request'));
      expect(roles.indexOf('original')).toBeLessThan(roles.indexOf('attachment'));
      for (let i = 1; i < index.rows.length; i++) {
        const [a, b] = [index.rows[i - 1]!, index.rows[i]!];
        if (a.sequence === b.sequence) expect(ROLE_RANK[a.role]).toBeLessThanOrEqual(ROLE_RANK[b.role]);
        expect(b.startPage).toBe(a.endPage + 1);
      }
    }
  });
});
