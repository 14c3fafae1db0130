import type { ChannelInput, ChannelName } from '@shared/contract';
import { PASSWORD, type TestEnv, type TestUser } from './env';
import { contactValues, customerValues, today } from './customers';
import { customerGrantedToEveryone, pendingAccessRequest, pendingOrderCycleRequest } from './access';
import { csvFile, freshWeekday } from './calendar';
import { planMonthOf, sampleCustomerId, samplePlan, sampleVisit, visitValues } from './visits';
import { DEFAULT_CADENCE } from '@shared/cadence';
import { complaintValues, sampleComplaint, stepInputs as complaintSteps } from './complaints';
import { archiveDocValues, contractValues, createContract, signedContract } from './contracts';
import { jobForEveryone, runInput, sampleImportUpload } from './imports';
import { createTarget, failedJob, targetFolder } from './delivery';
import { createSchedule, scheduleValues } from './schedules';

/**
 * Channels whose valid call changes the caller's own session or needs no session: tested on their own (a restore
 * ends every session; recovery.restore answers only in recovery mode — tests/unit/backups).
 */
// delivery.files.send takes a file the backend keeps for the very caller (tests/unit/delivery/sendPdf.test.ts).
export const UNSAMPLED = ['setup.createAdmin', 'auth.login', 'auth.logout', 'auth.changePassword', 'backups.restore', 'recovery.restore', 'delivery.files.send'] as const;
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
  'customers.mergePreview': async (f) => {
    const [keep, duplicate] = [await freshCustomer(f), await freshCustomer(f)];
    return { keepId: keep.id, duplicateId: duplicate.id };
  },
  'customers.merge': async (f) => {
    const [keep, duplicate] = [await freshCustomer(f), await freshCustomer(f)];
    return {
      keepId: keep.id,
      keepVersion: keep.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      reason: '同一客户录了两次',
      receivedOn: today(f.env),
    };
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
  'customers.card': async (f) => ({ id: f.customerId }),
  'customers.historySheet': async (f) => ({ id: f.customerId }),
  'customers.resourceStats': async () => ({}),
  'customers.resourceStatsExport': async () => ({ format: 'xlsx' as const }),
  'staff.query': async () => ({ startRow: 0, endRow: 20 }),
  'staff.options': async () => ({}),
  'staff.create': async () => ({ staff: { employeeNo: `E${next()}`, name: '赵六' } }),
  'staff.update': async (f) => ({ id: f.staffId, changes: { position: `职位${next()}` } }),
  'codeLists.list': async () => ({}),
  'codeLists.save': async () => ({ list: 'region', code: `r${next()}`, label: `片区${n}` }),
  'codeLists.reviewStatus': async () => ({}),
  // Only admin may, once a quarter: the walk calls it once.
  'codeLists.markReviewed': async () => ({ notes: '四个代码表已逐项核对，停用两个旧业态' }),
  'audit.query': async () => ({ startRow: 0, endRow: 20 }),
  'audit.export': async () => ({ view: {}, columns: ['at', 'action', 'summary'], format: 'csv' }),
  'prefs.get': async () => ({ key: 'grid.customers' }),
  'prefs.set': async () => ({ key: 'grid.customers', value: { columns: ['code', 'name'] } }),
  'settings.get': async () => ({}),
  'settings.update': async () => ({ idleMinutes: 30 }),
  'system.doctor': async () => ({}),
  'imports.inspect': async (f) => ({ uploadId: await sampleImportUpload(f) }),
  'imports.check': async (f) => runInput(await sampleImportUpload(f), { env: f.env }),
  'imports.problems': async (f) => ({ jobId: await jobForEveryone(f.env), startRow: 0, endRow: 50 }),
  'imports.commit': async (f) => runInput(await sampleImportUpload(f), { env: f.env }),
  'imports.cancel': async (f) => ({ jobId: await jobForEveryone(f.env) }),
  'imports.log': async () => ({ startRow: 0, endRow: 20, sortModel: [{ colId: 'startedAt', sort: 'desc' }] }),
  'imports.template': async () => ({}),
  // A job id nobody runs: cancelling it is harmless, and allowed to any signed-in user.
  'exports.cancel': async () => ({ jobId: 'no-such-export-job' }),
  'complaints.query': async (f) => ({ startRow: 0, endRow: 20, customerId: f.customerId, filterModel: { type: { filterType: 'set', values: ['complaint'] } } }),
  'complaints.satisfaction': async () => ({ startRow: 0, endRow: 20, sortModel: [{ colId: 'averageScore', sort: 'asc' }] }),
  'complaints.get': async (f) => ({ id: (await sampleComplaint(f, 'received')).id }),
  'complaints.openForCustomer': async (f) => ({ customerId: f.customerId }),
  'complaints.byMonth': async () => ({ fromMonth: '2026-01', toMonth: '2026-12' }),
  'complaints.create': async (f) => complaintValues(f.env, f.customerId, f.staffId),
  'complaints.update': async (f) => {
    const c = await sampleComplaint(f, 'received');
    return { id: c.id, version: c.version, changes: { type: 'grievance', content: `补充说明${next()}` } };
  },
  'complaints.verify': async (f) => {
    const c = await sampleComplaint(f, 'received');
    return complaintSteps.verify(c.id, c.version);
  },
  'complaints.startHandling': async (f) => {
    const c = await sampleComplaint(f, 'verified');
    return complaintSteps.startHandling(c.id, c.version);
  },
  'complaints.resolve': async (f) => {
    const c = await sampleComplaint(f, 'handling');
    return complaintSteps.resolve(c.id, c.version);
  },
  'complaints.recordFeedback': async (f) => {
    const c = await sampleComplaint(f, 'resolved');
    return complaintSteps.recordFeedback(f.env, c.id, c.version);
  },
  'complaints.close': async (f) => {
    const c = await sampleComplaint(f, 'feedbackRecorded');
    return complaintSteps.close(c.id, c.version);
  },
  'complaints.export': async () => ({ view: { filterModel: { dueState: { filterType: 'set', values: ['overdue'] } } }, columns: ['number', 'customerName', 'type'], format: 'csv' }),
  'complaints.satisfactionExport': async () => ({ view: {}, columns: ['number', 'averageScore'], format: 'csv' }),
  'complaints.dueDays': async () => ({}),
  'complaints.setDueDays': async () => ({ suggestion: 5, query: 5, grievance: 5, complaint: 3 }),
  'access.defaults': async () => ({}),
  'access.lookup': async () => ({ text: '测试客户' }),
  'access.request': async (f) => {
    const { customer } = await f.env.call(f.boss.caller, 'customers.create', { customer: customerValues(f.staffId), receivedOn: today(f.env) });
    return { customerId: customer.id, reason: '核对积分兑换客户', days: 3 };
  },
  'access.mine': async () => ({ startRow: 0, endRow: 20 }),
  'access.query': async () => ({ startRow: 0, endRow: 20, filterModel: { status: { filterType: 'set', values: ['pending'] } } }),
  'access.approve': async (f) => ({ id: await pendingAccessRequest(f), days: 7 }),
  'access.reject': async (f) => ({ id: await pendingAccessRequest(f), reason: '与本部门工作无关' }),
  'access.viewCustomer': async (f) => ({ customerId: await customerGrantedToEveryone(f) }),
  'access.viewHistory': async (f) => ({ customerId: await customerGrantedToEveryone(f), startRow: 0, endRow: 20 }),
  'orderCycle.query': async () => ({ startRow: 0, endRow: 20 }),
  'orderCycle.pending': async (f) => ({ customerId: f.customerId }),
  'orderCycle.approve': async (f) => ({ id: await pendingOrderCycleRequest(f) }),
  'orderCycle.reject': async (f) => ({ id: await pendingOrderCycleRequest(f), reason: '客户未书面确认' }),
  'calendar.query': async () => ({ startRow: 0, endRow: 20, year: 2031 }),
  'calendar.years': async () => ({}),
  'calendar.create': async () => ({ day: { date: freshWeekday(), kind: 'holiday', name: '样例节日' } }),
  'calendar.update': async (f) => {
    const day = await f.env.call(f.boss.caller, 'calendar.create', { day: { date: freshWeekday(), kind: 'holiday' } });
    return { date: day.date, day: { date: day.date, kind: 'holiday', name: `节日${next()}` } };
  },
  'calendar.remove': async (f) => ({
    date: (await f.env.call(f.boss.caller, 'calendar.create', { day: { date: freshWeekday(), kind: 'holiday' } })).date,
  }),
  'calendar.importPreview': async () => csvFile(['日期,类型,名称', `${freshWeekday()},法定节假日,样例节日`]),
  'calendar.import': async () => csvFile(['日期,类型,名称', `${freshWeekday()},法定节假日,样例节日`]),
  'visits.query': async (f) => ({ customerId: f.customerId, startRow: 0, endRow: 20 }),
  'visits.get': async (f) => ({ id: (await sampleVisit(f)).id }),
  'visits.create': async (f) => ({ customerId: f.customerId, visit: visitValues(f.env, f.staffId) }),
  'visits.update': async (f) => {
    const v = await sampleVisit(f);
    return { id: v.id, version: v.version, changes: { content: `补充内容${next()}` } };
  },
  'visits.void': async (f) => {
    const v = await sampleVisit(f);
    return { id: v.id, version: v.version, reason: '重复录入' };
  },
  'visits.recent': async (f) => ({ customerId: f.customerId, limit: 5 }),
  'visits.export': async () => ({ view: {}, columns: ['visitedOn', 'customerName', 'channel'], format: 'csv' }),
  'visitPlans.query': async (f) => ({ month: planMonthOf(f.env), startRow: 0, endRow: 20 }),
  'visitPlans.summary': async (f) => ({ month: planMonthOf(f.env) }),
  'visitPlans.add': async (f) => ({ staffId: f.staffId, month: planMonthOf(f.env), customerId: await sampleCustomerId(f), plannedOn: today(f.env) }),
  'visitPlans.update': async (f) => ({ id: (await samplePlan(f)).id, notes: `备注${next()}` }),
  'visitPlans.remove': async (f) => ({ id: (await samplePlan(f)).id }),
  'cadence.get': async () => ({}),
  'cadence.update': async () => ({ ...DEFAULT_CADENCE, C: { phoneDays: 10 + (next() % 5), visitMonths: 4 } }),
  'cadence.customer': async (f) => ({ customerId: f.customerId }),
  'cadence.overdue': async () => ({ startRow: 0, endRow: 20, sortModel: [{ colId: 'daysOverdue', sort: 'desc' }] }),
  'cadence.overdueExport': async () => ({ view: {}, columns: ['code', 'name', 'daysOverdue'], format: 'csv' }),
  'reports.classDistribution': async () => ({}),
  'contactList.query': async () => ({ startRow: 0, endRow: 20, quickSearch: '李四' }),
  'contactList.export': async () => ({ view: {}, columns: ['customerCode', 'customerName', 'name', 'mobile'], format: 'csv' }),
  'contracts.query': async () => ({ startRow: 0, endRow: 20, filterModel: { expiring: { filterType: 'set', values: ['true'] } } }),
  'contracts.summary': async (f) => ({ customerId: f.customerId }),
  'contracts.get': async (f) => ({ id: (await createContract(f.env, f.boss.caller, contractValues(f.customerId))).contract.id }),
  'contracts.create': async (f) => ({ contract: contractValues(f.customerId) }),
  'contracts.update': async (f) => {
    const { contract: c } = await createContract(f.env, f.boss.caller, contractValues(f.customerId));
    return { id: c.id, version: c.version, changes: { notes: `备注${next()}` } };
  },
  'contracts.countersign': async (f) => {
    const { contract: c } = await createContract(f.env, f.boss.caller, contractValues(f.customerId, { contractType: 'nonRegular' }));
    return { id: c.id, version: c.version, countersignedBy: '财务部 李娜', countersignedOn: today(f.env) };
  },
  'contracts.approveSpecial': async (f) => {
    const { contract: c } = await createContract(f.env, f.boss.caller, contractValues(f.customerId, { isSpecial: true, specialReason: '账期 90 天' }));
    return { id: c.id, version: c.version, note: '同意' };
  },
  'contracts.sign': async (f) => {
    const { contract: c } = await createContract(f.env, f.boss.caller, contractValues(f.customerId));
    return { id: c.id, version: c.version, signedOn: today(f.env) };
  },
  'contracts.renew': async (f) => {
    const { contract: c } = await signedContract(f.env, f.boss.caller, contractValues(f.customerId, { startOn: '2025-12-01', endOn: '2026-11-30' }));
    const { customerId: _customer, ...successor } = contractValues(f.customerId, { startOn: '2026-12-01', endOn: '2027-11-30' });
    return { id: c.id, version: c.version, successor };
  },
  'contracts.terminate': async (f) => {
    const { contract: c } = await createContract(f.env, f.boss.caller, contractValues(f.customerId));
    return { id: c.id, version: c.version, terminatedOn: today(f.env), reason: '录入错误，作废' };
  },
  'contracts.export': async () => ({ view: {}, columns: ['contractNo', 'customerName', 'status'], format: 'csv' }),
  'archiveDocs.list': async (f) => ({ customerId: f.customerId }),
  'archiveDocs.index': async (f) => ({ customerId: f.customerId }),
  'archiveDocs.create': async (f) => ({ customerId: f.customerId, doc: archiveDocValues() }),
  'archiveDocs.update': async (f) => {
    const doc = await f.env.call(f.boss.caller, 'archiveDocs.create', { customerId: f.customerId, doc: archiveDocValues() });
    return { id: doc.id, changes: { notes: `备注${next()}` } };
  },
  'archiveDocs.reorder': async (f) => {
    await f.env.call(f.boss.caller, 'archiveDocs.create', { customerId: f.customerId, doc: archiveDocValues() });
    const rows = await f.env.call(f.boss.caller, 'archiveDocs.list', { customerId: f.customerId });
    return { customerId: f.customerId, order: [...new Set(rows.map((r) => r.sequence))].reverse() };
  },
  'archiveDocs.remove': async (f) => {
    const doc = await f.env.call(f.boss.caller, 'archiveDocs.create', { customerId: f.customerId, doc: archiveDocValues() });
    return { id: doc.id, reason: '重复登记' };
  },
  'backups.query': async () => ({ startRow: 0, endRow: 20 }),
  'backups.overview': async () => ({}),
  'backups.run': async () => ({ jobId: `sample-backup-${next()}` }),
  'backups.cancel': async () => ({ jobId: `sample-backup-${next()}` }),
  'backups.settings': async () => ({}),
  'backups.updateSettings': async () => ({ keepDaily: 14, keepMonthly: 12 }),
  'recovery.status': async () => ({}),
  'delivery.targets.query': async () => ({ startRow: 0, endRow: 20, filterModel: { state: { filterType: 'set', values: ['ok'] } } }),
  'delivery.targets.create': async (f) => ({ target: { name: `样例目标${next()}`, folder: await targetFolder(f.env) } }),
  'delivery.targets.update': async (f) => {
    const t = await createTarget(f.env, f.boss);
    return { id: t.id, target: { name: `样例目标${next()}`, folder: t.folder, subFolder: '{register}/{yyyy}', manifest: true } };
  },
  'delivery.targets.check': async (f) => ({ id: (await createTarget(f.env, f.boss)).id }),
  'delivery.targets.options': async () => ({}),
  'delivery.jobs.query': async () => ({ startRow: 0, endRow: 20, filterModel: { state: { filterType: 'set', values: ['failed'] } } }),
  'delivery.jobs.attempts': async (f) => ({ jobId: await failedJob(f.env, f.boss) }),
  'delivery.jobs.retry': async (f) => ({ id: await failedJob(f.env, f.boss) }),
  'delivery.jobs.redirect': async (f) => ({ id: await failedJob(f.env, f.boss), targetId: (await createTarget(f.env, f.boss)).id }),
  'delivery.jobs.abandon': async (f) => ({ id: await failedJob(f.env, f.boss), reason: '样例：不再需要' }),
  'delivery.targets.delete': async (f) => ({ id: (await createTarget(f.env, f.boss)).id }),
  'schedules.list': async () => ({}),
  'schedules.options': async () => ({}),
  'schedules.create': async () => ({ schedule: scheduleValues() }),
  'schedules.update': async (f) => {
    const s = await createSchedule(f.env, f.boss, { enabled: false, targetId: null, ownerId: null });
    return { id: s.id, schedule: scheduleValues({ rule: { kind: 'monthEnd', time: '16:30' }, registers: ['contracts'] }) };
  },
  'schedules.setEnabled': async (f) => ({ id: (await createSchedule(f.env, f.boss, { enabled: false })).id, enabled: true }),
  'schedules.runNow': async (f) => ({ id: (await createSchedule(f.env, f.boss, { registers: ['resourceStats'], format: 'csv' })).id }),
  'schedules.runs': async () => ({ limit: 20 }),
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
