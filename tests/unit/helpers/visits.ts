import type { ChannelOutput } from '@shared/contract';
import type { VisitInput } from '@shared/schemas/visits';
import type { SampleFixture } from './samples';
import { customerValues, today } from './customers';
import type { TestEnv } from './env';

/** A valid visit record by `staffId` on `visitedOn` (default: a phone call today). */
export function visitValues(env: TestEnv, staffId: number, overrides: Partial<VisitInput> = {}): VisitInput {
  return {
    visitedOn: today(env),
    staffId,
    channel: 'phone',
    contactName: '李四',
    contactTitle: '采购经理',
    purpose: '了解本月订货计划',
    content: '客户表示本月订货量与上月持平，下旬有一批节日备货。',
    ...overrides,
  };
}

/** The plan month the backend's clock is in, `YYYY-MM`. */
export const planMonthOf = (env: TestEnv) => today(env).slice(0, 7);

/** A visit at the fixture's customer, recorded by the fixture's boss. */
export async function sampleVisit(f: SampleFixture): Promise<ChannelOutput<'visits.create'>> {
  return f.env.call(f.boss.caller, 'visits.create', { customerId: f.customerId, visit: visitValues(f.env, f.staffId) });
}

/** A plan line for a fresh customer (a customer is planned once per staff member and month). */
export async function samplePlan(f: SampleFixture): Promise<ChannelOutput<'visitPlans.add'>> {
  const customerId = await sampleCustomerId(f);
  return f.env.call(f.boss.caller, 'visitPlans.add', { staffId: f.staffId, month: planMonthOf(f.env), customerId, plannedOn: today(f.env) });
}

/** A fresh customer for plan samples. */
export async function sampleCustomerId(f: SampleFixture): Promise<number> {
  const { customer } = await f.env.call(f.boss.caller, 'customers.create', { customer: customerValues(f.staffId), receivedOn: today(f.env) });
  return customer.id;
}
