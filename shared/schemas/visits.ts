import { z } from 'zod';
import { ABC_CLASSES } from './customer';
import { id, isoDate, optionalText, requiredText } from './common';

/** How the customer was reached: a visit in person (走访) or a phone call (电话). */
export const VISIT_CHANNELS = ['visit', 'phone'] as const;
export type VisitChannel = (typeof VISIT_CHANNELS)[number];
/** A visit record is valid until it is voided (作废) with a reason; it is never deleted. */
export const VISIT_STATUSES = ['valid', 'voided'] as const;

/**
 * The fields of a visit record (拜访记录, customers.md), one schema each so the form validates a field as the user
 * types with the rule the backend applies. The customer is fixed once recorded (a record entered for the wrong
 * customer is voided and entered again).
 */
export const visitFields = {
  visitedOn: isoDate,
  staffId: id,
  channel: z.enum(VISIT_CHANNELS),
  /** A contact of the customer, when the person met is on file; otherwise only the name typed. */
  contactId: id.nullable().optional().transform((v) => v ?? null),
  contactName: requiredText(50),
  contactTitle: optionalText(50),
  purpose: requiredText(200),
  content: requiredText(2000),
  customerNeeds: optionalText(1000),
  competitors: optionalText(1000),
  followUp: optionalText(1000),
  /** 重要信息: reported to the department head. */
  significant: z.boolean().optional().transform((v) => v ?? false),
};
export type VisitField = keyof typeof visitFields;
export const VISIT_FIELDS = Object.keys(visitFields) as VisitField[];

export const visitInput = z.object(visitFields).strict();
export type VisitInput = z.input<typeof visitInput>;
export type VisitValues = z.output<typeof visitInput>;

export const visitCreateInput = z.object({ customerId: id, visit: visitInput }).strict();
export const visitUpdateInput = z.object({ id, version: z.int().min(1), changes: visitInput.partial().strict() }).strict();
export const visitVoidInput = z.object({ id, version: z.int().min(1), reason: requiredText(200) }).strict();

const nullableString = z.string().nullable();

export const visitRecord = z.object({
  id: z.int(),
  version: z.int(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  abcClass: z.enum(ABC_CLASSES),
  visitedOn: z.string(),
  staffId: z.int(),
  staffName: z.string(),
  channel: z.enum(VISIT_CHANNELS),
  contactId: z.int().nullable(),
  contactName: z.string(),
  contactTitle: nullableString,
  purpose: z.string(),
  content: z.string(),
  customerNeeds: nullableString,
  competitors: nullableString,
  followUp: nullableString,
  significant: z.boolean(),
  status: z.enum(VISIT_STATUSES),
  voidedAt: nullableString,
  voidedReason: nullableString,
  voidedBy: nullableString,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitRecord = z.output<typeof visitRecord>;

/** One line of a visit record's own change history (edits and voiding). */
export const visitChange = z.object({
  id: z.int(),
  field: z.string(),
  oldValue: nullableString,
  newValue: nullableString,
  userName: z.string(),
  changedAt: z.string(),
});
export type VisitChange = z.output<typeof visitChange>;
export const visitDetail = z.object({ visit: visitRecord, changes: z.array(visitChange) });
export type VisitDetail = z.output<typeof visitDetail>;

/** A row of the visit register (客户拜访记录台账) and of a customer's 拜访记录 tab. */
export const visitGridRow = visitRecord.omit({ version: true, contactId: true, voidedAt: true, voidedBy: true, updatedAt: true });
export type VisitGridRow = z.output<typeof visitGridRow>;

/** The latest visits of one customer, for the printed customer card (客户卡) and the detail page. */
export const recentVisitsInput = z.object({ customerId: id, limit: z.int().min(1).max(20).default(5) }).strict();
export const recentVisit = z.object({
  id: z.int(),
  visitedOn: z.string(),
  channel: z.enum(VISIT_CHANNELS),
  staffName: z.string(),
  contactName: z.string(),
  contactTitle: nullableString,
  purpose: z.string(),
  content: z.string(),
  significant: z.boolean(),
});
export type RecentVisit = z.output<typeof recentVisit>;

// ——— Monthly visit plan (月度拜访计划) ———

/** A plan month, `YYYY-MM`. */
export const planMonth = z.string('v.required').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.format');

export const planFields = {
  staffId: id,
  month: planMonth,
  customerId: id,
  plannedOn: isoDate,
  notes: optionalText(200),
};
export const planAddInput = z.object(planFields).strict();
export type PlanAddInput = z.input<typeof planAddInput>;
/** Only what is given changes: a missing `notes` keeps the note, an empty one clears it. */
export const planUpdateInput = z
  .object({ id, plannedOn: isoDate.optional(), notes: z.string().trim().max(200, 'v.tooLong').nullable().optional() })
  .strict();
export const planRemoveInput = z.object({ id }).strict();

export const PLAN_STATES = ['done', 'pending', 'missed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const planRow = z.object({
  id: z.int(),
  month: z.string(),
  plannedOn: z.string(),
  staffId: z.int(),
  staffName: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  abcClass: z.enum(ABC_CLASSES),
  notes: nullableString,
  /** done: a 走访 by the planned staff member in the plan month; missed: not done and the planned day has passed. */
  state: z.enum(PLAN_STATES),
  /** The first 走访 of that staff member at that customer in the month, when done. */
  visitedOn: nullableString,
});
export type PlanRow = z.output<typeof planRow>;

export const planSummaryInput = z.object({ month: planMonth }).strict();
export const planSummary = z.object({
  month: z.string(),
  /** Plans of a past month are closed: they can no longer be changed, so their completion rate stands. */
  editable: z.boolean(),
  staff: z.array(
    z.object({
      staffId: z.int(),
      staffName: z.string(),
      employeeNo: z.string(),
      planned: z.int(),
      done: z.int(),
      /** 走访 recorded by this staff member in the month, planned or not. */
      visits: z.int(),
    }),
  ),
});
export type PlanSummary = z.output<typeof planSummary>;

// ——— Contact cadence (分级维护) ———

export const classCadence = z
  .object({
    phoneDays: z.int().min(1, 'v.tooSmall').max(365, 'v.tooLarge'),
    visitMonths: z.int().min(1, 'v.tooSmall').max(24, 'v.tooLarge'),
  })
  .strict();
export const cadenceRecord = z.object({ A: classCadence, B: classCadence, C: classCadence }).strict();
export const cadenceUpdateInput = cadenceRecord;

/** One customer's standing against the cadence (the visits tab shows it above the records). */
export const customerCadence = z.object({
  customerId: z.int(),
  abcClass: z.enum(ABC_CLASSES),
  baselineOn: z.string(),
  lastContactOn: nullableString,
  lastVisitOn: nullableString,
  nextPhoneDue: z.string(),
  nextVisitDue: z.string(),
  phoneOverdue: z.boolean(),
  visitOverdue: z.boolean(),
  phoneDays: z.int(),
  visitMonths: z.int(),
});
export type CustomerCadence = z.output<typeof customerCadence>;

export const OVERDUE_KINDS = ['phone', 'visit', 'both'] as const;
export const overdueRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  abcClass: z.enum(ABC_CLASSES),
  managerStaffId: z.int(),
  managerName: z.string(),
  lastContactOn: nullableString,
  lastVisitOn: nullableString,
  nextPhoneDue: z.string(),
  nextVisitDue: z.string(),
  overdueKind: z.enum(OVERDUE_KINDS),
  daysOverdue: z.int(),
});
export type OverdueRow = z.output<typeof overdueRow>;

// ——— Class distribution (客户等级分布) ———

export const classReportInput = z.object({ staffId: id.optional() }).strict();
export const classReport = z.object({
  byClass: z.array(z.object({ abcClass: z.enum(ABC_CLASSES), count: z.int() })),
  byStaff: z.array(
    z.object({ staffId: z.int(), staffName: z.string(), employeeNo: z.string(), A: z.int(), B: z.int(), C: z.int(), total: z.int() }),
  ),
});
export type ClassReport = z.output<typeof classReport>;

// ——— Contact list register (客户联络一览表) ———

export const contactListRow = z.object({
  id: z.int(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  abcClass: z.enum(ABC_CLASSES),
  customerStatus: z.enum(['active', 'archived']),
  name: z.string(),
  title: nullableString,
  mobile: nullableString,
  directLine: nullableString,
  email: nullableString,
  isKeyLeader: z.boolean(),
  notes: nullableString,
  managerName: z.string(),
});
export type ContactListRow = z.output<typeof contactListRow>;
