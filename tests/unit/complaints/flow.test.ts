import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '@shared/errors';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@shared/schemas/complaint';
import { zh, en } from '@shared/i18n';
import { lookup } from '@shared/i18n/translate';
import type { Catalog } from '@shared/i18n/translate';
import { nextStatus, STEPS, type Step } from '../../../electron/backend/complaints/flow';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { complaintAt, complaintValues, stepInputs } from '../helpers/complaints';

/** customers.md "Complaints": received → verified → in handling → resolved → feedback recorded → closed. */
describe('the complaint status flow', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let supervisor: TestUser;
  let manager: TestUser;
  let staffId: number;
  let customerId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '陈静' });
    supervisor = await env.createUser({ roles: ['supervisor'], displayName: '孙建华' });
    manager = await env.createUser({ roles: ['manager'] });
    staffId = await env.createStaff({ name: '李受理' });
    customerId = (
      await createCustomer(env, clerk.caller, customerValues(staffId, { name: '杭州华联超市有限公司' }))
    ).customer.id;
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('walks a complaint from received to closed, each step recording its fields, the timeline and the audit', async () => {
    let d = await env.call(clerk.caller, 'complaints.create', complaintValues(env, customerId, staffId));
    expect(d.complaint).toMatchObject({
      status: 'received',
      number: 'TS-2026-0001',
      customerName: '杭州华联超市有限公司',
      receivedByName: '李受理',
    });
    const id = d.complaint.id;

    // The supervisor verifies and assigns responsibility without holding customers.write.
    d = await env.call(supervisor.caller, 'complaints.verify', stepInputs.verify(id, d.complaint.version));
    expect(d.complaint).toMatchObject({
      status: 'verified',
      verification: '经仓库核对，破损系装车时挤压所致。',
      responsibility: 'company',
      responsibleDepartment: '储运部',
      responsiblePerson: '王师傅',
    });
    expect(d.complaint.verifiedAt).toBe(env.clock.now().toISOString());

    env.clock.advance(60_000);
    d = await env.call(clerk.caller, 'complaints.startHandling', {
      id,
      version: d.complaint.version,
      handlingPlan: '补发并致歉',
      rectificationPlan: '储运部修订装车规范',
    });
    expect(d.complaint).toMatchObject({
      status: 'handling',
      handlingPlan: '补发并致歉',
      rectificationPlan: '储运部修订装车规范',
    });

    d = await env.call(clerk.caller, 'complaints.resolve', {
      id,
      version: d.complaint.version,
      handlingResult: '已补发',
      rectificationPlan: '储运部修订装车规范，11 月底前完成',
    });
    expect(d.complaint).toMatchObject({
      status: 'resolved',
      handlingResult: '已补发',
      rectificationPlan: '储运部修订装车规范，11 月底前完成',
    });
    expect(d.complaint.resolvedAt).toBe(env.clock.now().toISOString());

    d = await env.call(
      clerk.caller,
      'complaints.recordFeedback',
      stepInputs.recordFeedback(env, id, d.complaint.version),
    );
    expect(d.complaint).toMatchObject({
      status: 'feedbackRecorded',
      scores: { time: 5, method: 4, process: 4, result: 5 },
      averageScore: 450,
      feedbackNote: '处理及时，满意。',
    });

    d = await env.call(supervisor.caller, 'complaints.close', { id, version: d.complaint.version });
    expect(d.complaint.status).toBe('closed');
    expect(d.complaint.closedAt).toBe(env.clock.now().toISOString());

    // The timeline: one entry per step, in order, with who did it.
    expect(d.events.map((e) => [e.action, e.statusAfter, e.userName])).toEqual([
      ['received', 'received', '陈静'],
      ['verified', 'verified', '孙建华'],
      ['handling', 'handling', '陈静'],
      ['resolved', 'resolved', '陈静'],
      ['feedback', 'feedbackRecorded', '陈静'],
      ['closed', 'closed', '孙建华'],
    ]);
    expect(d.events[1]!.detail).toMatchObject({
      verification: '经仓库核对，破损系装车时挤压所致。',
      responsibleDepartment: '储运部',
    });
    expect(d.events[4]!.detail).toMatchObject({ scores: { time: 5, method: 4, process: 4, result: 5 } });

    const audit = await env.backend.store.reader.all<{ action: string; channel: string; entity_id: string }>(
      `SELECT action, channel, entity_id FROM audit_log WHERE entity = 'complaint' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'create', channel: 'complaints.create', entity_id: String(id) },
      { action: 'verify', channel: 'complaints.verify', entity_id: String(id) },
      { action: 'startHandling', channel: 'complaints.startHandling', entity_id: String(id) },
      { action: 'resolve', channel: 'complaints.resolve', entity_id: String(id) },
      { action: 'recordFeedback', channel: 'complaints.recordFeedback', entity_id: String(id) },
      { action: 'close', channel: 'complaints.close', entity_id: String(id) },
    ]);

    // Closed is final: no step and no correction is accepted any more.
    const again = await env.fail(clerk.caller, 'complaints.update', {
      id,
      version: d.complaint.version,
      changes: { content: '改' },
    });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'complaints.errors.alreadyClosed' });
  });

  it('refuses to close a resolved complaint without the customer feedback, with a clear message, and writes nothing', async () => {
    const { complaint } = await complaintAt(
      env,
      clerk.caller,
      'resolved',
      complaintValues(env, customerId, staffId),
    );
    const before = await env.snapshot();
    const error = await env.fail(supervisor.caller, 'complaints.close', {
      id: complaint.id,
      version: complaint.version,
    });
    expect(error).toEqual({ code: 'CONFLICT', message: 'complaints.errors.feedbackMissing' });
    expect(lookup(zh as unknown as Catalog, error.message)).toContain('不能结案');
    expect(lookup(en as unknown as Catalog, error.message)).toContain('cannot be closed');
    expect(await env.snapshot()).toBe(before);
    const after = await env.call(clerk.caller, 'complaints.get', { id: complaint.id });
    expect(after.complaint.status).toBe('resolved');
  });

  const refusals: [ComplaintStatus, Step, string][] = [
    ['received', 'startHandling', 'complaints.errors.notVerified'],
    ['received', 'resolve', 'complaints.errors.notHandling'],
    ['received', 'recordFeedback', 'complaints.errors.notResolved'],
    ['received', 'close', 'complaints.errors.notResolved'],
    ['verified', 'verify', 'complaints.errors.notReceived'],
    ['verified', 'resolve', 'complaints.errors.notHandling'],
    ['handling', 'recordFeedback', 'complaints.errors.notResolved'],
    ['handling', 'close', 'complaints.errors.notResolved'],
    ['resolved', 'close', 'complaints.errors.feedbackMissing'],
    ['feedbackRecorded', 'recordFeedback', 'complaints.errors.notResolved'],
    ['closed', 'verify', 'complaints.errors.alreadyClosed'],
    ['closed', 'close', 'complaints.errors.alreadyClosed'],
  ];
  for (const [status, step, key] of refusals) {
    it(`refuses ${step} on a ${status} complaint (${key}) and writes nothing`, async () => {
      const { complaint } = await complaintAt(
        env,
        clerk.caller,
        status,
        complaintValues(env, customerId, staffId),
      );
      const inputs = {
        verify: () => stepInputs.verify(complaint.id, complaint.version),
        startHandling: () => stepInputs.startHandling(complaint.id, complaint.version),
        resolve: () => stepInputs.resolve(complaint.id, complaint.version),
        recordFeedback: () => stepInputs.recordFeedback(env, complaint.id, complaint.version),
        close: () => stepInputs.close(complaint.id, complaint.version),
      };
      const before = await env.snapshot();
      const error = await env.fail(clerk.caller, `complaints.${step}`, inputs[step]());
      expect(error).toEqual({ code: 'CONFLICT', message: key });
      expect(await env.snapshot()).toBe(before);
    });
  }

  it('demands each step’s own fields: bad input is a VALIDATION naming the field and writes nothing', async () => {
    const { complaint: c } = await complaintAt(
      env,
      clerk.caller,
      'received',
      complaintValues(env, customerId, staffId),
    );
    const cases: [string, unknown, string, string][] = [
      [
        'complaints.verify',
        { id: c.id, version: c.version, verification: '  ', responsibility: 'notCompany' },
        'verification',
        'v.required',
      ],
      [
        'complaints.verify',
        { id: c.id, version: c.version, verification: '属实', responsibility: 'company' },
        'responsibleDepartment',
        'v.required',
      ],
      [
        'complaints.verify',
        { id: c.id, version: c.version, verification: '属实' },
        'responsibility',
        'v.required',
      ],
      [
        'complaints.startHandling',
        { id: c.id, version: c.version, handlingPlan: '' },
        'handlingPlan',
        'v.required',
      ],
      ['complaints.resolve', { id: c.id, version: c.version }, 'handlingResult', 'v.required'],
      [
        'complaints.recordFeedback',
        {
          id: c.id,
          version: c.version,
          feedbackOn: '2026-11-25',
          scores: { time: 5, method: 4, process: 0, result: 5 },
        },
        'scores.process',
        'v.range1to5',
      ],
      [
        'complaints.recordFeedback',
        {
          id: c.id,
          version: c.version,
          feedbackOn: '2026-11-25',
          scores: { time: 5, method: 6, process: 4, result: 5 },
        },
        'scores.method',
        'v.range1to5',
      ],
      [
        'complaints.recordFeedback',
        {
          id: c.id,
          version: c.version,
          feedbackOn: '2026-11-25',
          scores: { time: 5, method: 4, process: 4 },
        },
        'scores.result',
        'v.required',
      ],
      [
        'complaints.recordFeedback',
        {
          id: c.id,
          version: c.version,
          feedbackOn: '2026-11-25',
          scores: { time: 4.5, method: 4, process: 4, result: 5 },
        },
        'scores.time',
        'v.range1to5',
      ],
    ];
    for (const [channel, input, path, key] of cases) {
      const before = await env.snapshot();
      const error = await env.fail(clerk.caller, channel as 'complaints.verify', input);
      expect(error.code, `${channel} ${path}`).toBe('VALIDATION');
      expect(error.details?.issues).toContainEqual(expect.objectContaining({ path, key }));
      expect(await env.snapshot()).toBe(before);
    }
  });

  it('refuses feedback dated in the future or before the complaint came in', async () => {
    const { complaint: c } = await complaintAt(
      env,
      clerk.caller,
      'resolved',
      complaintValues(env, customerId, staffId),
    );
    const scores = { time: 4, method: 4, process: 4, result: 4 };
    const before = await env.snapshot();
    const future = await env.fail(clerk.caller, 'complaints.recordFeedback', {
      id: c.id,
      version: c.version,
      scores,
      feedbackOn: '2026-11-26',
    });
    expect(future.details?.issues).toEqual([{ path: 'feedbackOn', key: 'v.futureDate' }]);
    const early = await env.fail(clerk.caller, 'complaints.recordFeedback', {
      id: c.id,
      version: c.version,
      scores,
      feedbackOn: '2026-11-01',
    });
    expect(early.details?.issues).toEqual([
      { path: 'feedbackOn', key: 'complaints.errors.feedbackBeforeReceived' },
    ]);
    expect(await env.snapshot()).toBe(before);
  });

  it('refuses a step on a complaint someone else changed meanwhile (stale version)', async () => {
    const { complaint: c } = await complaintAt(
      env,
      clerk.caller,
      'received',
      complaintValues(env, customerId, staffId),
    );
    await env.call(supervisor.caller, 'complaints.verify', stepInputs.verify(c.id, c.version));
    const before = await env.snapshot();
    const error = await env.fail(clerk.caller, 'complaints.update', {
      id: c.id,
      version: c.version,
      changes: { content: '补充' },
    });
    expect(error).toEqual({ code: 'CONFLICT', message: 'complaints.errors.stale' });
    expect(await env.snapshot()).toBe(before);
  });

  it('lets only complaint handlers record and move complaints; a manager reads them', async () => {
    const { complaint: c } = await complaintAt(
      env,
      clerk.caller,
      'received',
      complaintValues(env, customerId, staffId),
    );
    const before = await env.snapshot();
    expect(
      (await env.fail(manager.caller, 'complaints.verify', stepInputs.verify(c.id, c.version))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await env.fail(manager.caller, 'complaints.create', complaintValues(env, customerId, staffId))).code,
    ).toBe('FORBIDDEN');
    expect(await env.snapshot()).toBe(before);
    expect((await env.call(manager.caller, 'complaints.get', { id: c.id })).complaint.number).toBe(c.number);
  });

  it('clears the responsible department and person when the company is not responsible', async () => {
    const { complaint: c } = await complaintAt(
      env,
      clerk.caller,
      'received',
      complaintValues(env, customerId, staffId),
    );
    const d = await env.call(clerk.caller, 'complaints.verify', {
      id: c.id,
      version: c.version,
      verification: '客户误解合同条款',
      responsibility: 'notCompany',
      responsibleDepartment: '财务部',
      responsiblePerson: '张三',
    });
    expect(d.complaint).toMatchObject({
      responsibility: 'notCompany',
      responsibleDepartment: null,
      responsiblePerson: null,
    });
  });
});

describe('nextStatus (the flow as a pure rule)', () => {
  const steps = Object.keys(STEPS) as Step[];

  it('moves only forward, one status at a time, and reaches closed only through feedback', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...steps), { maxLength: 30 }), (sequence) => {
        let status: ComplaintStatus = 'received';
        const seen: ComplaintStatus[] = [status];
        for (const step of sequence) {
          try {
            const next = nextStatus(status, step);
            expect(COMPLAINT_STATUSES.indexOf(next)).toBe(COMPLAINT_STATUSES.indexOf(status) + 1);
            status = next;
            seen.push(status);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe('CONFLICT');
            if (step === 'close' && status === 'resolved')
              expect((err as AppError).message).toBe('complaints.errors.feedbackMissing');
          }
        }
        if (status === 'closed') expect(seen.slice(-2)).toEqual(['feedbackRecorded', 'closed']);
        expect(seen).toEqual(COMPLAINT_STATUSES.slice(0, seen.length));
      }),
      { numRuns: 500 },
    );
  });

  it('has a refusal message in both languages for every refusal', () => {
    const keys = new Set<string>();
    for (const status of COMPLAINT_STATUSES) {
      for (const step of steps) {
        try {
          nextStatus(status, step);
        } catch (err) {
          keys.add((err as AppError).message);
        }
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(5);
    for (const key of keys) {
      expect(lookup(zh as unknown as Catalog, key), key).toBeTypeOf('string');
      expect(lookup(en as unknown as Catalog, key), key).toBeTypeOf('string');
    }
  });
});
