import type { ChannelInput } from '@shared/contract';
import type { TestEnv, TestUser } from '../helpers/env';
import { createCustomer, customerValues, contactValues, today } from '../helpers/customers';

export const DAY = 86_400_000;

/** The office these tests run in: other departments' users, supervisors with and without project staff, a clerk. */
export interface Office {
  keeper: TestUser; // 库管, no project staff
  keeperStaff: TestUser; // 库管 with project staff
  points: TestUser; // 积分专员
  supervisor: TestUser; // 主管, project staff
  plainSupervisor: TestUser; // 主管 without project staff
  clerk: TestUser; // 内勤, project staff
  staffId: number;
}

export async function office(env: TestEnv): Promise<Office> {
  return {
    keeper: await env.createUser({ roles: ['storekeeper'], displayName: '刘强' }),
    keeperStaff: await env.createUser({ roles: ['storekeeper'], projectStaff: true, displayName: '钱库管' }),
    points: await env.createUser({ roles: ['pointsOperator'], displayName: '赵敏' }),
    supervisor: await env.createUser({ roles: ['supervisor'], projectStaff: true, displayName: '孙建华' }),
    plainSupervisor: await env.createUser({ roles: ['supervisor'], displayName: '郑主管' }),
    clerk: await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' }),
    staffId: await env.createStaff({ name: '王经理' }),
  };
}

/** A customer with one contact, filed by the clerk. */
export async function customer(
  env: TestEnv,
  o: Office,
  overrides: Partial<ChannelInput<'customers.create'>['customer']> = {},
) {
  return (
    await createCustomer(env, o.clerk.caller, customerValues(o.staffId, overrides), {
      contacts: [contactValues({ name: '李采购' })],
    })
  ).customer;
}

/** Sessions end after 30 idle minutes: after moving the clock, everyone logs in again. */
export async function loginAgain(env: TestEnv, ...users: TestUser[]): Promise<void> {
  for (const u of users) u.caller = await env.login(u.username, u.password);
}

export async function auditRows(env: TestEnv, channel: string) {
  return env.backend.store.reader.all<{
    action: string;
    entity: string;
    entityId: string;
    userName: string;
    summary: string;
  }>(
    `SELECT action, entity, entity_id AS entityId, user_name AS userName, summary FROM audit_log WHERE channel = ? ORDER BY id`,
    [channel],
  );
}

export { today };
