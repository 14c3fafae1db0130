import { isLate } from '../customers/history';
import type { Role } from '@shared/permissions';
import { addDays, localDate } from '@shared/dates';
import type { ManualContext } from '../handlers';
import type { Session } from '../auth/sessions';
import { hashPassword } from '../auth/passwords';
import { insertUser } from '../auth/users';
import { Random } from './random';
import { generateCustomer, mobile, personName } from './generate';
import { insertCustomers } from './bulkInsert';
import { demoAccess } from './access';
import { insertDemoCalendar } from './calendar';
import { demoComplaints } from './complaints';
import { demoVisits } from './visits';
import { demoContracts } from './contracts';
import { demoDelivery } from './delivery';
import { demoImports } from './imports';
import { demoCodeListReview } from './codeListReview';

export const DEMO_PASSWORD = 'Demo2026';
export const DEMO_CUSTOMERS = 2000;

/** One demo account per role; two clerks so the A-class rule can be seen from both sides. */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; projectStaff: boolean }[] = [
  { username: 'neiqin', displayName: '陈静', roles: ['clerk'], projectStaff: true },
  { username: 'wangli', displayName: '王丽', roles: ['clerk'], projectStaff: false },
  { username: 'kuguan', displayName: '刘强', roles: ['storekeeper'], projectStaff: false },
  { username: 'jifen', displayName: '赵敏', roles: ['pointsOperator'], projectStaff: false },
  { username: 'zhuguan', displayName: '孙建华', roles: ['supervisor'], projectStaff: true },
  { username: 'jingli', displayName: '周国庆', roles: ['manager'], projectStaff: true },
  { username: 'pingshen', displayName: '吴晓东', roles: ['reviewer'], projectStaff: false },
];

/**
 * Loads the demo office for the first-run screen: users for each role, 20 customer managers and about
 * 2,000 customers with contacts, plus a week of realistic edits (a few of them late).
 */
export async function loadDemoOffice(ctx: ManualContext, session: Session, options: { customers?: number; seed?: number } = {}): Promise<void> {
  const r = new Random(options.seed ?? 20261125);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = localDate(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const count = options.customers ?? DEMO_CUSTOMERS;

  await ctx.write(async (w) => {
    for (const u of DEMO_USERS) {
      const taken = await w.tx.get('SELECT 1 FROM users WHERE username = ?', [u.username]);
      if (!taken) await insertUser(w.tx, { ...u, passwordHash, mustChangePassword: false }, at);
    }
    const staffIds: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const { lastID } = await w.tx.run(
        `INSERT INTO staff (employee_no, name, department, position, phone, active, created_at, updated_at) VALUES (?, ?, '市场营销部', '客户经理', ?, 1, ?, ?)`,
        [`KM${String(i).padStart(3, '0')}`, personName(r), mobile(r), at, at],
      );
      staffIds.push(lastID);
    }
    const start = ((await w.tx.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0) + 1;
    const customers = Array.from({ length: count }, (_, i) => generateCustomer(r, start + i, staffIds, today));
    await insertCustomers(w.tx, customers, { userId: session.userId, userName: session.displayName }, at);
    // The calendar first: the late flag of the demo edits counts working days on it.
    await insertDemoCalendar(w.tx, session.userId, at);
    await recentEdits(w.tx, r, now, session);
    await demoAccess(w.tx, now);
    await demoComplaints(w.tx, now);
    await demoVisits(w.tx, now);
    await demoContracts(w.tx, now);
    await demoDelivery(w.tx, now, ctx.dataDir);
    await demoImports(w.tx, now);
    await demoCodeListReview(w.tx, now, { userId: session.userId, userName: session.displayName });
    await w.audit({
      action: 'demo',
      entity: 'system',
      summary: { users: DEMO_USERS.length, staff: staffIds.length, customers: count },
      actor: { userId: session.userId, username: session.username },
    });
  });
}

/** A week of edits by the demo clerk, so the dashboard and the history have something to show. */
async function recentEdits(tx: Parameters<Parameters<ManualContext['write']>[0]>[0]['tx'], r: Random, now: Date, by: Session) {
  const clerk = await tx.get<{ id: number; display_name: string }>(`SELECT id, display_name FROM users WHERE username = 'neiqin'`);
  const user = clerk ?? { id: by.userId, display_name: by.displayName };
  const ids = await tx.all<{ id: number; name: string; phone: string | null; address: string | null }>(
    'SELECT id, name, phone, address FROM customers ORDER BY id LIMIT 400',
  );
  for (let i = 0; i < 24; i++) {
    const c = r.pick(ids);
    const daysAgo = r.int(0, 6);
    const changedAt = new Date(now.getTime() - daysAgo * 86_400_000 - r.int(1, 8) * 3_600_000);
    const receivedOn = addDays(localDate(changedAt), i % 6 === 0 ? -r.int(3, 6) : -r.int(0, 1));
    const late = await isLate(tx, receivedOn, localDate(changedAt));
    const newPhone = `0571-8${r.digits(7)}`;
    await tx.run('UPDATE customers SET phone = ?, version = version + 1, updated_at = ? WHERE id = ?', [newPhone, changedAt.toISOString(), c.id]);
    await tx.run(
      `INSERT INTO customer_changes (customer_id, entity, entity_id, entity_label, field, old_value, new_value, user_id, user_name, changed_at, received_on, late)
       VALUES (?, 'customer', ?, ?, 'phone', ?, ?, ?, ?, ?, ?, ?)`,
      [c.id, c.id, c.name, c.phone, newPhone, user.id, user.display_name, changedAt.toISOString(), receivedOn, late ? 1 : 0],
    );
    c.phone = newPhone;
  }
}
