import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';
import { ABC_CLASSES } from './customer';
import { isValidIsoDate } from '../dates';

/**
 * 客户意见与投诉 (customers.md "Complaints"): what a complaint record holds, the status flow and the inputs of
 * every step. Each step demands its own fields, so the flow cannot skip what the office has to write down.
 */
export const COMPLAINT_TYPES = ['suggestion', 'query', 'grievance', 'complaint'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const COMPLAINT_CHANNELS = ['phone', 'email', 'onSite', 'infoSlip', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** received → verified → handling → resolved → feedbackRecorded → closed, in this order only. */
export const COMPLAINT_STATUSES = [
  'received',
  'verified',
  'handling',
  'resolved',
  'feedbackRecorded',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * Statuses in which the handling deadline still runs: once the handling result is recorded the office has done
 * its part, waiting for the customer's feedback is not "overdue".
 */
export const HANDLING_STATUSES = [
  'received',
  'verified',
  'handling',
] as const satisfies readonly ComplaintStatus[];

export const RESPONSIBILITIES = ['company', 'notCompany'] as const;

/** The four aspects the customer scores 1–5 (顾客满意): 处理时间, 方式, 过程, 结果. */
export const SATISFACTION_ASPECTS = ['time', 'method', 'process', 'result'] as const;
export type SatisfactionAspect = (typeof SATISFACTION_ASPECTS)[number];

/** Where an open complaint stands against its due date today. */
export const DUE_STATES = ['overdue', 'dueToday', 'pending', 'done'] as const;
export type DueState = (typeof DUE_STATES)[number];

/** Steps of the flow as timeline entries; `edited` is a correction of the intake fields. */
export const COMPLAINT_EVENTS = [
  'received',
  'edited',
  'verified',
  'handling',
  'resolved',
  'feedback',
  'closed',
] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

/** Due dates in working days after the received date, per type (settings; default complaint 3, others 5). */
const workingDays = z.int('v.required').min(1, 'v.tooSmall').max(60, 'v.tooLarge');
export const complaintDueDays = z
  .object({ suggestion: workingDays, query: workingDays, grievance: workingDays, complaint: workingDays })
  .strict();
export type ComplaintDueDays = z.output<typeof complaintDueDays>;
export const DEFAULT_DUE_DAYS: ComplaintDueDays = { suggestion: 5, query: 5, grievance: 5, complaint: 3 };

/** An instant as ISO-8601 text with a zone (what `Date#toISOString` writes). */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const isoInstant = z
  .string('v.required')
  .refine(
    (s) => INSTANT_RE.test(s) && isValidIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)),
    'v.date',
  );

/** A missing score is "required"; 4.5 or 6 is "a whole number from 1 to 5". */
const score = z
  .int({
    error: (issue) => (issue.input === undefined || issue.input === null ? 'v.required' : 'v.range1to5'),
  })
  .min(1, 'v.range1to5')
  .max(5, 'v.range1to5');

/** A choice: missing is "required", anything not on the list is "choose a valid option". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'v.required' : 'v.invalidChoice'),
  });

/** The intake fields, one schema each, so the form validates a field as the user types. */
export const complaintFields = {
  customerId: id,
  type: choice(COMPLAINT_TYPES),
  channel: choice(COMPLAINT_CHANNELS),
  receivedAt: isoInstant,
  receivedByStaffId: id,
  content: requiredText(2000),
};

/** The fields of the later steps, for the step dialogs. */
export const stepFields = {
  verification: requiredText(2000),
  responsibility: choice(RESPONSIBILITIES),
  responsibleDepartment: optionalText(50),
  responsiblePerson: optionalText(50),
  handlingPlan: requiredText(2000),
  rectificationPlan: optionalText(2000),
  handlingResult: requiredText(2000),
  score,
  feedbackOn: isoDate,
  feedbackNote: optionalText(500),
};

export const complaintCreateInput = z.object(complaintFields).strict();
export type ComplaintCreateInput = z.input<typeof complaintCreateInput>;

const step = { id, version: z.int().min(1) };

/** Corrects the intake fields of a complaint not yet closed; the customer stays (a new complaint otherwise). */
export const complaintUpdateInput = z
  .object({
    ...step,
    changes: z
      .object({
        type: complaintFields.type,
        channel: complaintFields.channel,
        receivedAt: complaintFields.receivedAt,
        receivedByStaffId: complaintFields.receivedByStaffId,
        content: complaintFields.content,
      })
      .partial()
      .strict(),
  })
  .strict();

/** 核实: what was found and who is responsible; the company's own fault needs the responsible department. */
export const complaintVerifyInput = z
  .object({
    ...step,
    verification: stepFields.verification,
    responsibility: stepFields.responsibility,
    responsibleDepartment: stepFields.responsibleDepartment,
    responsiblePerson: stepFields.responsiblePerson,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.responsibility === 'company' && !v.responsibleDepartment) {
      ctx.addIssue({ code: 'custom', path: ['responsibleDepartment'], message: 'v.required' });
    }
  });

export const complaintStartHandlingInput = z
  .object({ ...step, handlingPlan: stepFields.handlingPlan, rectificationPlan: stepFields.rectificationPlan })
  .strict();

export const complaintResolveInput = z
  .object({
    ...step,
    handlingResult: stepFields.handlingResult,
    rectificationPlan: stepFields.rectificationPlan,
  })
  .strict();

export const satisfactionScores = z
  .object({
    time: stepFields.score,
    method: stepFields.score,
    process: stepFields.score,
    result: stepFields.score,
  })
  .strict();
export type SatisfactionScores = z.output<typeof satisfactionScores>;

export const complaintFeedbackInput = z
  .object({
    ...step,
    scores: satisfactionScores,
    feedbackOn: stepFields.feedbackOn,
    feedbackNote: stepFields.feedbackNote,
  })
  .strict();

export const complaintCloseInput = z.object(step).strict();

const nullableString = z.string().nullable();

export const complaintEventRow = z.object({
  id: z.int(),
  at: z.string(),
  userName: z.string(),
  action: z.enum(COMPLAINT_EVENTS),
  statusAfter: z.enum(COMPLAINT_STATUSES),
  /** What the step recorded, field → value (for `edited`: field → [before, after]). */
  detail: z.record(z.string(), z.unknown()),
});
export type ComplaintEventRow = z.output<typeof complaintEventRow>;

/** Everything about one complaint: the detail page and the printed 客户投诉记录单 read this. */
export const complaintRecord = z.object({
  id: z.int(),
  version: z.int(),
  number: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  customerAbcClass: z.enum(ABC_CLASSES),
  customerPhone: nullableString,
  customerAddress: nullableString,
  type: z.enum(COMPLAINT_TYPES),
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedAt: z.string(),
  receivedOn: z.string(),
  receivedByStaffId: z.int(),
  receivedByName: z.string(),
  content: z.string(),
  dueOn: z.string(),
  dueState: z.enum(DUE_STATES),
  status: z.enum(COMPLAINT_STATUSES),
  verification: nullableString,
  responsibility: z.enum(RESPONSIBILITIES).nullable(),
  responsibleDepartment: nullableString,
  responsiblePerson: nullableString,
  verifiedAt: nullableString,
  handlingPlan: nullableString,
  rectificationPlan: nullableString,
  handlingStartedAt: nullableString,
  handlingResult: nullableString,
  resolvedAt: nullableString,
  scores: satisfactionScores.nullable(),
  /** Average of the four scores in hundredths (4.25 → 425); null before feedback. */
  averageScore: z.int().nullable(),
  feedbackOn: nullableString,
  feedbackNote: nullableString,
  closedAt: nullableString,
  createdByName: nullableString,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComplaintRecord = z.output<typeof complaintRecord>;

export const complaintDetail = z.object({ complaint: complaintRecord, events: z.array(complaintEventRow) });
export type ComplaintDetail = z.output<typeof complaintDetail>;

export const complaintGridRow = z.object({
  id: z.int(),
  number: z.string(),
  receivedAt: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  type: z.enum(COMPLAINT_TYPES),
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedByName: z.string(),
  content: z.string(),
  verification: nullableString,
  responsibility: z.enum(RESPONSIBILITIES).nullable(),
  responsibleDepartment: nullableString,
  responsiblePerson: nullableString,
  handlingPlan: nullableString,
  handlingResult: nullableString,
  rectificationPlan: nullableString,
  dueOn: z.string(),
  dueState: z.enum(DUE_STATES),
  status: z.enum(COMPLAINT_STATUSES),
  resolvedAt: nullableString,
  closedAt: nullableString,
  averageScore: z.int().nullable(),
});
export type ComplaintGridRow = z.output<typeof complaintGridRow>;

/** One line of 顾客满意台账: a complaint whose customer gave the four scores. */
export const satisfactionGridRow = z.object({
  id: z.int(),
  number: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  type: z.enum(COMPLAINT_TYPES),
  status: z.enum(COMPLAINT_STATUSES),
  feedbackOn: z.string(),
  closedAt: nullableString,
  scoreTime: z.int(),
  scoreMethod: z.int(),
  scoreProcess: z.int(),
  scoreResult: z.int(),
  averageScore: z.int(),
  feedbackNote: nullableString,
});
export type SatisfactionGridRow = z.output<typeof satisfactionGridRow>;

/** A complaint not yet closed, as the customer card and the customer's 投诉 tab list it. */
export const openComplaint = z.object({
  id: z.int(),
  number: z.string(),
  receivedOn: z.string(),
  type: z.enum(COMPLAINT_TYPES),
  status: z.enum(COMPLAINT_STATUSES),
  dueOn: z.string(),
  dueState: z.enum(DUE_STATES),
  /** The content, shortened for one printed line. */
  summary: z.string(),
});
export type OpenComplaint = z.output<typeof openComplaint>;

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isoMonth = z.string('v.required').regex(MONTH_RE, 'v.date');

/** At most three years of months in one chart. */
export const MAX_CHART_MONTHS = 36;
export const complaintsByMonthInput = z
  .object({ fromMonth: isoMonth, toMonth: isoMonth })
  .strict()
  .superRefine((v, ctx) => {
    if (!MONTH_RE.test(v.fromMonth) || !MONTH_RE.test(v.toMonth)) return;
    if (v.fromMonth > v.toMonth) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: 'v.invalid' });
    const [fy, fm] = v.fromMonth.split('-').map(Number) as [number, number];
    const [ty, tm] = v.toMonth.split('-').map(Number) as [number, number];
    if ((ty - fy) * 12 + (tm - fm) + 1 > MAX_CHART_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['toMonth'], message: 'v.invalid' });
    }
  });

export const complaintMonthRow = z.object({
  month: z.string(),
  suggestion: z.int(),
  query: z.int(),
  grievance: z.int(),
  complaint: z.int(),
  total: z.int(),
});
export type ComplaintMonthRow = z.output<typeof complaintMonthRow>;
