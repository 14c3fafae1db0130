import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { localDate } from '@shared/dates';
import type { CustomerInput, ContactInput } from '@shared/schemas/customer';
import type { Caller } from '../../../electron/backend/index';
import type { TestEnv } from './env';

let seq = 0;

/** A valid customer; `managerStaffId` must be an active staff member. */
export function customerValues(
  managerStaffId: number,
  overrides: Partial<CustomerInput> = {},
): CustomerInput {
  seq++;
  return {
    code: `KH${String(seq).padStart(5, '0')}`,
    name: `测试客户${seq}号商贸有限公司`,
    abcClass: 'B',
    managerStaffId,
    registeredOn: '2026-01-15',
    ...overrides,
  };
}

export function contactValues(overrides: Partial<ContactInput> = {}): ContactInput {
  return { name: '李四', title: '采购经理', mobile: '13812345678', ...overrides };
}

/** "Today" as the backend sees it: the manual clock's local calendar date. */
export function today(env: TestEnv): string {
  return localDate(env.clock.now());
}

export async function createCustomer(
  env: TestEnv,
  caller: Caller,
  customer: CustomerInput,
  extra: Partial<Omit<ChannelInput<'customers.create'>, 'customer'>> = {},
): Promise<ChannelOutput<'customers.create'>> {
  return env.call(caller, 'customers.create', { customer, contacts: [], receivedOn: today(env), ...extra });
}

/** A whole-view page of the customer grid. */
export function allRowsQuery(
  view: Partial<ChannelInput<'customers.query'>> = {},
): ChannelInput<'customers.query'> {
  return { startRow: 0, endRow: 1000, sortModel: [], filterModel: {}, quickSearch: '', ...view };
}
