import { localDate } from '@shared/dates';
import type { Tx } from '../db/writeQueue';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoCustomer {
  id: number;
  name: string;
  orderCycle: string | null;
}

/**
 * The demo office's access requests and order-cycle approvals, inside the demo's transaction: the storekeeper
 * (kuguan) and the points operator (jifen) have requests waiting, one running grant, one expired and one
 * rejected; the clerk (neiqin) has an order-cycle change waiting for the supervisor (zhuguan) and one he
 * approved earlier, so the 变更记录 shows an approver. Only B/C customers: neither requester is project staff.
 */
export async function demoAccess(tx: Tx, now: Date): Promise<void> {
  const user = async (username: string) =>
    tx.get<{ id: number; name: string }>('SELECT id, display_name AS name FROM users WHERE username = ?', [
      username,
    ]);
  const [kuguan, jifen, zhuguan, neiqin] = await Promise.all(
    ['kuguan', 'jifen', 'zhuguan', 'neiqin'].map(user),
  );
  if (!kuguan || !jifen || !zhuguan || !neiqin) return;
  const customers = await tx.all<DemoCustomer>(
    `SELECT id, name, order_cycle AS orderCycle FROM customers WHERE abc_class <> 'A' AND status = 'active' ORDER BY id LIMIT 8 OFFSET 40`,
  );
  if (customers.length < 8) return;
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  const request = async (
    c: DemoCustomer,
    by: { id: number; name: string },
    reason: string,
    days: number | null,
    requestedAgo: number,
  ) => {
    const { lastID } = await tx.run(
      `INSERT INTO access_requests (customer_id, requester_id, requester_name, reason, days, status, requested_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      [c.id, by.id, by.name, reason, days, ago(requestedAgo)],
    );
    return lastID;
  };
  const approve = (id: number, decidedAgo: number, days: number) =>
    tx.run(
      `UPDATE access_requests SET status = 'approved', decided_by = ?, decided_by_name = ?, decided_at = ?, granted_days = ?, expires_at = ? WHERE id = ?`,
      [
        zhuguan.id,
        zhuguan.name,
        ago(decidedAgo),
        days,
        new Date(now.getTime() - decidedAgo + days * DAY).toISOString(),
        id,
      ],
    );

  const [c0, c1, c2, c3, c4, c5, c6, c7] = customers as [
    DemoCustomer,
    DemoCustomer,
    DemoCustomer,
    DemoCustomer,
    DemoCustomer,
    DemoCustomer,
    DemoCustomer,
    DemoCustomer,
  ];
  await request(c0, kuguan, '核对年终答谢礼品的收货地址和收货人', 3, 2 * HOUR);
  await request(c1, jifen, '核实积分兑换客户的联系人和联系电话', null, 20 * HOUR);
  await approve(await request(c2, kuguan, '春节礼品配送前确认收货联系人', 7, 3 * DAY + 2 * HOUR), 3 * DAY, 7);
  await approve(await request(c3, kuguan, '盘点上季度赠品去向', 3, 12 * DAY), 12 * DAY - 3 * HOUR, 3);
  const rejected = await request(c4, jifen, '查询客户授信额度', 5, 5 * DAY);
  await tx.run(
    `UPDATE access_requests SET status = 'rejected', decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ? WHERE id = ?`,
    [zhuguan.id, zhuguan.name, ago(5 * DAY - 4 * HOUR), '授信信息不对积分专员开放，请向内勤查询', rejected],
  );

  // Order cycle: one change waiting, one approved four days ago (with its history row naming the approver).
  const today = localDate(now);
  const different = (c: DemoCustomer, wanted: string) => (c.orderCycle === wanted ? '每两周' : wanted);
  await tx.run(
    `INSERT INTO order_cycle_requests (customer_id, old_value, new_value, requester_id, requester_name, received_on, late, requested_at, status)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'pending')`,
    [c5.id, c5.orderCycle, different(c5, '每月'), neiqin.id, neiqin.name, today, ago(3 * HOUR)],
  );
  const approvedAt = ago(4 * DAY);
  const newCycle = different(c6, '每周');
  await tx.run(
    `INSERT INTO order_cycle_requests (customer_id, old_value, new_value, requester_id, requester_name, received_on, late, requested_at, status,
       decided_by, decided_by_name, decided_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'approved', ?, ?, ?)`,
    [
      c6.id,
      c6.orderCycle,
      newCycle,
      neiqin.id,
      neiqin.name,
      localDate(new Date(now.getTime() - 5 * DAY)),
      ago(5 * DAY),
      zhuguan.id,
      zhuguan.name,
      approvedAt,
    ],
  );
  await tx.run(
    `UPDATE customers SET order_cycle = ?, order_cycle_approved_by = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    [newCycle, zhuguan.name, approvedAt, c6.id],
  );
  await tx.run(
    `INSERT INTO customer_changes (customer_id, entity, entity_id, entity_label, field, old_value, new_value, user_id, user_name, changed_at, received_on, late, approved_by)
     VALUES (?, 'customer', ?, ?, 'orderCycle', ?, ?, ?, ?, ?, ?, 0, ?)`,
    [
      c6.id,
      c6.id,
      c6.name,
      c6.orderCycle,
      newCycle,
      neiqin.id,
      neiqin.name,
      approvedAt,
      localDate(new Date(now.getTime() - 5 * DAY)),
      zhuguan.name,
    ],
  );
  // A rejected one, so the list shows all outcomes.
  await tx.run(
    `INSERT INTO order_cycle_requests (customer_id, old_value, new_value, requester_id, requester_name, received_on, late, requested_at, status,
       decided_by, decided_by_name, decided_at, decision_note) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'rejected', ?, ?, ?, ?)`,
    [
      c7.id,
      c7.orderCycle,
      '每天',
      neiqin.id,
      neiqin.name,
      localDate(new Date(now.getTime() - 2 * DAY)),
      ago(2 * DAY),
      zhuguan.id,
      zhuguan.name,
      ago(2 * DAY - 2 * HOUR),
      '客户尚未书面确认，请补充订货计划后再报',
    ],
  );
}
