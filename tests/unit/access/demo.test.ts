import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, Caller } from '../../../electron/backend/index';
import { demoOffice, type DemoOffice } from '../helpers/demo';

/** The demo office shows this area with something in every state (screens and e2e rely on it). */
describe('demo office: access requests and order-cycle approvals', () => {
  let office: DemoOffice;
  let backend: Backend;
  const as = (username: string): Promise<Caller> => office.login(username);

  beforeAll(async () => {
    office = await demoOffice();
    backend = office.backend;
  }, 60_000);
  afterAll(() => office.close());

  it('has requests of kuguan and jifen in every state, and order-cycle changes waiting and decided', async () => {
    const zhuguan = await as('zhuguan');
    const requests = (await backend.invoke(zhuguan, 'access.query', { startRow: 0, endRow: 50 })) as {
      rows: { requesterName: string; status: string }[];
    };
    expect(requests.rows.map((r) => `${r.requesterName}:${r.status}`).sort()).toEqual([
      '刘强:active',
      '刘强:expired',
      '刘强:pending',
      '赵敏:pending',
      '赵敏:rejected',
    ]);
    const cycles = (await backend.invoke(zhuguan, 'orderCycle.query', { startRow: 0, endRow: 50 })) as {
      rows: { status: string; requesterName: string }[];
    };
    expect(cycles.rows.map((r) => r.status).sort()).toEqual(['approved', 'pending', 'rejected']);

    // kuguan opens the archive his running grant covers, and the approved change's history names the approver.
    const kuguan = await as('kuguan');
    const mine = (await backend.invoke(kuguan, 'access.mine', {
      startRow: 0,
      endRow: 50,
      filterModel: { status: { filterType: 'set', values: ['active'] } },
    })) as {
      rows: { customerId: number }[];
    };
    const view = (await backend.invoke(kuguan, 'access.viewCustomer', {
      customerId: mine.rows[0]!.customerId,
    })) as { customer: { abcClass: string } };
    expect(view.customer.abcClass).not.toBe('A');
    const neiqin = await as('neiqin');
    const approved = (await backend.invoke(zhuguan, 'orderCycle.query', {
      startRow: 0,
      endRow: 5,
      filterModel: { status: { filterType: 'set', values: ['approved'] } },
    })) as {
      rows: { customerId: number; newValue: string }[];
    };
    const history = (await backend.invoke(neiqin, 'customers.history', {
      customerId: approved.rows[0]!.customerId,
      startRow: 0,
      endRow: 50,
      filterModel: { field: { filterType: 'text', type: 'equals', filter: 'orderCycle' } },
    })) as { rows: { newValue: string; approvedBy: string; userName: string }[] };
    expect(history.rows).toEqual([
      expect.objectContaining({
        newValue: approved.rows[0]!.newValue,
        approvedBy: '孙建华',
        userName: '陈静',
      }),
    ]);
  });
});
