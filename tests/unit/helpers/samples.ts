import type { ChannelInput, ChannelName } from '@shared/contract';
import { PASSWORD, type TestEnv, type TestUser } from './env';
import { contactValues, customerValues, today } from './customers';

/** Channels whose valid call changes the caller's own session or needs no session: tested on their own. */
export const UNSAMPLED = ['setup.createAdmin', 'auth.login', 'auth.logout', 'auth.changePassword'] as const;
export type SampledChannel = Exclude<ChannelName, (typeof UNSAMPLED)[number]>;

export interface SampleFixture {
  env: TestEnv;
  /** Creates the records a sample refers to: every permission and project staff. */
  boss: TestUser;
  staffId: number;
  customerId: number;
  dummyUserId: number;
}

let n = 0;
const next = () => ++n;

async function freshCustomer(f: SampleFixture) {
  const { customer } = await f.env.call(f.boss.caller, 'customers.create', {
    customer: customerValues(f.staffId),
    receivedOn: today(f.env),
  });
  return customer;
}

async function freshContact(f: SampleFixture) {
  return f.env.call(f.boss.caller, 'contacts.create', {
    customerId: f.customerId,
    contact: contactValues({ name: `联系人${next()}` }),
    receivedOn: today(f.env),
  });
}

/**
 * A valid input for every channel (the type makes sure none is forgotten). Each call builds what it needs, so
 * a sample can be used again after an earlier call changed the data.
 */
export const SAMPLES: { [C in SampledChannel]: (f: SampleFixture) => Promise<ChannelInput<C>> } = {
  'setup.status': async () => ({}),
  'auth.session': async () => ({}),
  'users.query': async () => ({ startRow: 0, endRow: 20 }),
  'users.create': async () => ({
    username: `sample${next()}`,
    displayName: '样例用户',
    password: PASSWORD,
    roles: ['clerk'],
  }),
  'users.update': async (f) => ({ id: f.dummyUserId, displayName: `样例${next()}` }),
  'users.resetPassword': async (f) => ({ id: f.dummyUserId, password: PASSWORD }),
  'users.unlock': async (f) => ({ id: f.dummyUserId }),
  'customers.query': async () => ({ startRow: 0, endRow: 20, sortModel: [{ colId: 'name', sort: 'desc' }] }),
  'customers.search': async () => ({ text: '测试客户' }),
  'customers.get': async (f) => ({ id: f.customerId }),
  'customers.create': async (f) => ({
    customer: customerValues(f.staffId),
    contacts: [contactValues()],
    receivedOn: today(f.env),
  }),
  'customers.update': async (f) => {
    const c = await freshCustomer(f);
    return { id: c.id, version: c.version, changes: { notes: `备注${next()}` }, receivedOn: today(f.env) };
  },
  'customers.archive': async (f) => {
    const c = await freshCustomer(f);
    return { id: c.id, version: c.version, reason: '客户停业', receivedOn: today(f.env) };
  },
  'customers.restore': async (f) => {
    const c = await freshCustomer(f);
    const archived = await f.env.call(f.boss.caller, 'customers.archive', {
      id: c.id,
      version: c.version,
      reason: '客户停业',
      receivedOn: today(f.env),
    });
    return { id: c.id, version: archived.version, reason: '恢复营业', receivedOn: today(f.env) };
  },
  'customers.history': async (f) => ({ customerId: f.customerId, startRow: 0, endRow: 20 }),
  'customers.export': async () => ({
    view: { filterModel: { abcClass: { filterType: 'set', values: ['B'] } } },
    columns: ['code', 'name'],
    format: 'csv',
  }),
  'contacts.create': async (f) => ({
    customerId: f.customerId,
    contact: contactValues({ name: `联系人${next()}` }),
    receivedOn: today(f.env),
  }),
  'contacts.update': async (f) => ({
    id: (await freshContact(f)).id,
    changes: { title: '总经理' },
    receivedOn: today(f.env),
  }),
  'contacts.remove': async (f) => ({
    id: (await freshContact(f)).id,
    reason: '已离职',
    receivedOn: today(f.env),
  }),
  'dashboard.summary': async () => ({}),
  'dashboard.today': async () => ({}),
  'staff.query': async () => ({ startRow: 0, endRow: 20 }),
  'staff.options': async () => ({}),
  'staff.create': async () => ({ staff: { employeeNo: `E${next()}`, name: '赵六' } }),
  'staff.update': async (f) => ({ id: f.staffId, changes: { position: `职位${next()}` } }),
  'codeLists.list': async () => ({}),
  'codeLists.save': async () => ({ list: 'region', code: `r${next()}`, label: `片区${n}` }),
  'audit.query': async () => ({ startRow: 0, endRow: 20 }),
  'audit.export': async () => ({ view: {}, columns: ['at', 'action', 'summary'], format: 'csv' }),
  'prefs.get': async () => ({ key: 'grid.customers' }),
  'prefs.set': async () => ({ key: 'grid.customers', value: { columns: ['code', 'name'] } }),
  'settings.get': async () => ({}),
  'settings.update': async () => ({ idleMinutes: 30 }),
  'system.doctor': async () => ({}),
};

export async function sampleFixture(env: TestEnv): Promise<SampleFixture> {
  const boss = await env.createUser({ roles: ['admin'], projectStaff: true });
  const staffId = await env.createStaff();
  const { customer } = await env.call(boss.caller, 'customers.create', {
    customer: customerValues(staffId),
    contacts: [contactValues()],
    receivedOn: today(env),
  });
  const dummy = await env.createUser({ roles: ['reviewer'], login: false });
  return { env, boss, staffId, customerId: customer.id, dummyUserId: dummy.id };
}
