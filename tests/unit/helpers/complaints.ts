import type { ChannelOutput } from '@shared/contract';
import type { ComplaintCreateInput, ComplaintStatus } from '@shared/schemas/complaint';
import type { Caller } from '../../../electron/backend/index';
import type { TestEnv } from './env';
import type { SampleFixture } from './samples';
import { today } from './customers';

type Detail = ChannelOutput<'complaints.create'>;

/** A valid complaint received an hour before the test clock's now. */
export function complaintValues(
  env: TestEnv,
  customerId: number,
  receivedByStaffId: number,
  overrides: Partial<ComplaintCreateInput> = {},
): ComplaintCreateInput {
  return {
    customerId,
    type: 'complaint',
    channel: 'phone',
    receivedAt: new Date(env.clock.now().getTime() - 3_600_000).toISOString(),
    receivedByStaffId,
    content: '上周到货的 20 箱饮料有 3 箱外包装破损，要求退换。',
    ...overrides,
  };
}

/** The inputs of each step, for a complaint at `version`. */
export const stepInputs = {
  verify: (id: number, version: number) => ({
    id,
    version,
    verification: '经仓库核对，破损系装车时挤压所致。',
    responsibility: 'company' as const,
    responsibleDepartment: '储运部',
    responsiblePerson: '王师傅',
  }),
  startHandling: (id: number, version: number) => ({
    id,
    version,
    handlingPlan: '三日内补发 3 箱并上门致歉。',
  }),
  resolve: (id: number, version: number) => ({ id, version, handlingResult: '已补发 3 箱，客户签收。' }),
  recordFeedback: (env: TestEnv, id: number, version: number) => ({
    id,
    version,
    scores: { time: 5, method: 4, process: 4, result: 5 },
    feedbackOn: today(env),
    feedbackNote: '处理及时，满意。',
  }),
  close: (id: number, version: number) => ({ id, version }),
};

const ORDER: ComplaintStatus[] = [
  'received',
  'verified',
  'handling',
  'resolved',
  'feedbackRecorded',
  'closed',
];

/** Records a complaint and walks it through the flow up to `status`. */
export async function complaintAt(
  env: TestEnv,
  caller: Caller,
  status: ComplaintStatus,
  values: ComplaintCreateInput,
): Promise<Detail> {
  let d = await env.call(caller, 'complaints.create', values);
  const target = ORDER.indexOf(status);
  const id = d.complaint.id;
  const v = () => d.complaint.version;
  if (target >= 1) d = await env.call(caller, 'complaints.verify', stepInputs.verify(id, v()));
  if (target >= 2) d = await env.call(caller, 'complaints.startHandling', stepInputs.startHandling(id, v()));
  if (target >= 3) d = await env.call(caller, 'complaints.resolve', stepInputs.resolve(id, v()));
  if (target >= 4)
    d = await env.call(caller, 'complaints.recordFeedback', stepInputs.recordFeedback(env, id, v()));
  if (target >= 5) d = await env.call(caller, 'complaints.close', stepInputs.close(id, v()));
  return d;
}

/** A fresh complaint of the sample fixture's customer, walked up to `status` by the fixture's boss. */
export async function sampleComplaint(
  f: SampleFixture,
  status: ComplaintStatus,
): Promise<Detail['complaint']> {
  return (await complaintAt(f.env, f.boss.caller, status, complaintValues(f.env, f.customerId, f.staffId)))
    .complaint;
}
