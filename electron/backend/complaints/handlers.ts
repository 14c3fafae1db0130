import { localDate } from '@shared/dates';
import { AppError, fieldError } from '@shared/errors';
import type { ComplaintRecord } from '@shared/schemas/complaint';
import { handlers } from '../registry';
import { gridPage } from '../grid/page';
import type { SqlFragment } from '../grid/spec';
import { visibleCustomers } from '../customers/visibility';
import { visibleCustomer } from '../customers/records';
import { readSetting, writeSetting } from '../settings/store';
import { complaintGrid, satisfactionGrid, scoredOnly } from './grids';
import { loadDetail, recordEvent, visibleComplaint } from './records';
import { checkStaff, dueOnFor, nextNumber, receivedOnOf } from './intake';
import { advance, editableComplaint } from './steps';
import { openComplaintsOf } from './openComplaints';
import { complaintsByMonthRows } from './byMonth';
import { exportComplaints, exportSatisfaction } from './export';

const today = (now: Date) => localDate(now);

/** Intake fields as the table spells them. */
const INTAKE_COLUMN = {
  type: 'type',
  channel: 'channel',
  receivedAt: 'received_at',
  receivedByStaffId: 'received_by_staff_id',
  content: 'content',
} as const;
type IntakeField = keyof typeof INTAKE_COLUMN;

export const complaintHandlers = handlers({
  'complaints.query': async (input, ctx) => {
    const extra: SqlFragment[] = [visibleCustomers(ctx.session)];
    if (input.customerId !== undefined) extra.push({ sql: 'k.customer_id = ?', params: [input.customerId] });
    return gridPage(ctx.db, complaintGrid(today(ctx.clock.now())), input, extra);
  },

  'complaints.satisfaction': async (input, ctx) =>
    gridPage(ctx.db, satisfactionGrid, input, [visibleCustomers(ctx.session), scoredOnly]),

  'complaints.get': async (input, ctx) => {
    const complaint = await visibleComplaint(ctx.session, ctx.db, input.id, ctx.clock.now());
    if (complaint.customerAbcClass === 'A') {
      // A complaint belongs to the customer's record: every view of an A-class record is logged.
      await ctx.write((w) =>
        w.audit({
          action: 'view',
          entity: 'complaint',
          entityId: complaint.id,
          summary: { number: complaint.number, customer: complaint.customerCode },
        }),
      );
    }
    return loadDetail(ctx.db, complaint.id, ctx.clock.now());
  },

  'complaints.openForCustomer': async (input, ctx) => {
    const customer = await visibleCustomer(ctx.session, ctx.db, input.customerId);
    return openComplaintsOf(ctx.db, customer.id, today(ctx.clock.now()));
  },

  'complaints.byMonth': async (input, ctx) =>
    complaintsByMonthRows(ctx.db, ctx.session, input.fromMonth, input.toMonth),

  'complaints.create': async (input, ctx) => {
    const now = ctx.clock.now();
    const receivedOn = receivedOnOf(input.receivedAt, now);
    const customer = await visibleCustomer(ctx.session, ctx.tx, input.customerId).catch((err: unknown) => {
      // Unknown and hidden (A-class) customers read the same: the field says "no such customer".
      throw err instanceof AppError && err.code === 'NOT_FOUND'
        ? fieldError('customerId', 'complaints.errors.customerUnknown')
        : err;
    });
    if (customer.status === 'archived') throw fieldError('customerId', 'complaints.errors.customerArchived');
    const receivedBy = await checkStaff(ctx.tx, input.receivedByStaffId, 'receivedByStaffId');
    const dueOn = await dueOnFor(ctx.tx, input.type, receivedOn);
    const { year, seq, number } = await nextNumber(ctx.tx, Number(receivedOn.slice(0, 4)));
    const at = now.toISOString();
    const { lastID: id } = await ctx.tx.run(
      `INSERT INTO complaints (number, number_year, number_seq, customer_id, type, channel, received_at, received_on,
         received_by_staff_id, content, due_on, status, created_by, created_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)`,
      [
        number,
        year,
        seq,
        customer.id,
        input.type,
        input.channel,
        new Date(input.receivedAt).toISOString(),
        receivedOn,
        input.receivedByStaffId,
        input.content,
        dueOn,
        ctx.session.userId,
        ctx.session.displayName,
        at,
        at,
      ],
    );
    const detail = {
      number,
      customer: `${customer.code} ${customer.name}`,
      type: input.type,
      channel: input.channel,
      receivedBy,
      dueOn,
    };
    await recordEvent(ctx.tx, {
      complaintId: id,
      at,
      session: ctx.session,
      action: 'received',
      statusAfter: 'received',
      detail,
    });
    await ctx.audit({
      action: 'create',
      entity: 'complaint',
      entityId: id,
      summary: { after: { ...detail, content: input.content } },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'complaint' }));
    return loadDetail(ctx.tx, id, now);
  },

  'complaints.update': async (input, ctx) => {
    const now = ctx.clock.now();
    const current = await editableComplaint(ctx, input.id, input.version);
    if (current.status === 'closed') throw new AppError('CONFLICT', 'complaints.errors.alreadyClosed');
    const changes = input.changes;
    if (changes.receivedAt !== undefined) changes.receivedAt = new Date(changes.receivedAt).toISOString();
    const changed = (Object.keys(changes) as IntakeField[]).filter(
      (f) => changes[f] !== undefined && changes[f] !== current[f as keyof ComplaintRecord],
    );
    if (changed.length === 0) return loadDetail(ctx.tx, current.id, now);

    const sets: Record<string, string | number> = {};
    for (const f of changed) sets[INTAKE_COLUMN[f]] = changes[f]!;
    const detail: Record<string, [unknown, unknown]> = {};
    for (const f of changed) detail[f] = [current[f as keyof ComplaintRecord], changes[f]];
    if (changes.receivedByStaffId !== undefined && changed.includes('receivedByStaffId')) {
      detail.receivedByStaffId = [
        current.receivedByName,
        await checkStaff(ctx.tx, changes.receivedByStaffId, 'changes.receivedByStaffId'),
      ];
    }
    // The due date follows the type and the received date: a corrected one moves it.
    if (changed.includes('type') || changed.includes('receivedAt')) {
      const receivedOn =
        changes.receivedAt !== undefined
          ? receivedOnOf(changes.receivedAt, now, 'changes.receivedAt')
          : current.receivedOn;
      const dueOn = await dueOnFor(ctx.tx, changes.type ?? current.type, receivedOn);
      sets.received_on = receivedOn;
      if (dueOn !== current.dueOn) {
        sets.due_on = dueOn;
        detail.dueOn = [current.dueOn, dueOn];
      }
    }
    const names = Object.keys(sets);
    await ctx.tx.run(
      `UPDATE complaints SET ${names.map((n) => `${n} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`,
      [...names.map((n) => sets[n]!), now.toISOString(), current.id],
    );
    await recordEvent(ctx.tx, {
      complaintId: current.id,
      at: now.toISOString(),
      session: ctx.session,
      action: 'edited',
      statusAfter: current.status,
      detail,
    });
    await ctx.audit({
      action: 'update',
      entity: 'complaint',
      entityId: current.id,
      summary: {
        number: current.number,
        before: Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, v[0]])),
        after: Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, v[1]])),
      },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'complaint' }));
    return loadDetail(ctx.tx, current.id, now);
  },

  'complaints.verify': async (input, ctx) => {
    const company = input.responsibility === 'company';
    const fields = {
      verification: input.verification,
      responsibility: input.responsibility,
      responsibleDepartment: input.responsibleDepartment,
      responsiblePerson: input.responsiblePerson,
    };
    return advance(
      ctx,
      input,
      'verify',
      {
        verification: input.verification,
        responsibility: input.responsibility,
        // "Not the company's fault" names nobody inside the company.
        responsible_department: company ? input.responsibleDepartment : null,
        responsible_person: company ? input.responsiblePerson : null,
        verified_at: ctx.clock.now().toISOString(),
      },
      company ? fields : { verification: input.verification, responsibility: input.responsibility },
    );
  },

  'complaints.startHandling': async (input, ctx) =>
    advance(
      ctx,
      input,
      'startHandling',
      {
        handling_plan: input.handlingPlan,
        rectification_plan: input.rectificationPlan,
        handling_started_at: ctx.clock.now().toISOString(),
      },
      { handlingPlan: input.handlingPlan, rectificationPlan: input.rectificationPlan },
    ),

  'complaints.resolve': async (input, ctx) =>
    advance(
      ctx,
      input,
      'resolve',
      {
        handling_result: input.handlingResult,
        rectification_plan: input.rectificationPlan,
        resolved_at: ctx.clock.now().toISOString(),
      },
      { handlingResult: input.handlingResult, rectificationPlan: input.rectificationPlan },
    ),

  'complaints.recordFeedback': async (input, ctx) => {
    const current = await visibleComplaint(ctx.session, ctx.tx, input.id, ctx.clock.now());
    if (input.feedbackOn > today(ctx.clock.now())) throw fieldError('feedbackOn', 'v.futureDate');
    if (input.feedbackOn < current.receivedOn)
      throw fieldError('feedbackOn', 'complaints.errors.feedbackBeforeReceived');
    const s = input.scores;
    return advance(
      ctx,
      input,
      'recordFeedback',
      {
        score_time: s.time,
        score_method: s.method,
        score_process: s.process,
        score_result: s.result,
        feedback_on: input.feedbackOn,
        feedback_note: input.feedbackNote,
        feedback_at: ctx.clock.now().toISOString(),
      },
      { scores: s, feedbackOn: input.feedbackOn, feedbackNote: input.feedbackNote },
    );
  },

  'complaints.close': async (input, ctx) =>
    advance(ctx, input, 'close', { closed_at: ctx.clock.now().toISOString() }, {}),

  'complaints.export': async (input, ctx) => exportComplaints(input, ctx),
  'complaints.satisfactionExport': async (input, ctx) => exportSatisfaction(input, ctx),

  'complaints.dueDays': async (_input, ctx) => readSetting(ctx.db, 'complaints.dueDays'),

  'complaints.setDueDays': async (input, ctx) => {
    const before = await readSetting(ctx.tx, 'complaints.dueDays');
    await writeSetting(ctx.tx, 'complaints.dueDays', input, ctx.clock.now().toISOString());
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: 'complaints.dueDays',
      summary: { before, after: input },
    });
    return input;
  },
});
