import { z } from 'zod';
import { id, requiredText } from './common';
import { ABC_CLASSES, CUSTOMER_STATUSES, contactRecord, customerRecord } from './customer';

/**
 * Access requests (查阅申请, customers.md "Access"): a user of another department asks to see one customer's
 * archive; a marketing supervisor approves for a number of days or rejects. A grant ends at its expiry instant.
 */

/** The period a supervisor grants when nobody says otherwise (admin setting `access.defaultDays`). */
export const ACCESS_DEFAULT_DAYS = 7;
/** The longest period a grant may run: access is meant to be short; a longer need asks again. */
export const ACCESS_MAX_DAYS = 30;

export const accessDays = z.int().min(1).max(ACCESS_MAX_DAYS);

/**
 * What a request looks like to people: approved requests are 有效 (active) until their expiry instant and
 * 已过期 (expired) from then on. The table stores only pending / approved / rejected; the rest is the clock.
 */
export const ACCESS_STATUSES = ['pending', 'active', 'expired', 'rejected'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

/** A customer as another department may name it in a request: code and name, nothing more. */
export const accessLookupInput = z
  .object({ text: z.string('v.required').trim().min(2, 'v.tooShort').max(50, 'v.tooLong') })
  .strict();
export const accessLookupHit = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  status: z.enum(CUSTOMER_STATUSES),
});
export type AccessLookupHit = z.output<typeof accessLookupHit>;

export const accessRequestInput = z
  .object({
    customerId: id,
    reason: requiredText(500),
    /** The period the requester asks for; the supervisor decides. */
    days: accessDays
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .strict();
export type AccessRequestInput = z.input<typeof accessRequestInput>;

export const accessApproveInput = z.object({ id, days: accessDays }).strict();
export const accessRejectInput = z.object({ id, reason: requiredText(500) }).strict();

export const accessRequestRow = z.object({
  id: z.int(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  abcClass: z.enum(ABC_CLASSES),
  customerStatus: z.enum(CUSTOMER_STATUSES),
  requesterName: z.string(),
  reason: z.string(),
  days: z.int().nullable(),
  status: z.enum(ACCESS_STATUSES),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  grantedDays: z.int().nullable(),
  expiresAt: z.string().nullable(),
});
export type AccessRequestRow = z.output<typeof accessRequestRow>;

export const accessDefaults = z.object({ defaultDays: z.int(), maxDays: z.int() });

/** The customer's archive as a grant holder sees it: the record, its contacts, and until when. */
export const accessCustomerView = z.object({
  customer: customerRecord,
  contacts: z.array(contactRecord),
  expiresAt: z.string(),
});
export type AccessCustomerView = z.output<typeof accessCustomerView>;

/**
 * Order-cycle changes (订货周期变更) need a supervisor's approval: a clerk's change waits as a request until a
 * holder of customers.approveOrderCycle applies or rejects it. A newer request for the same customer
 * supersedes the one still waiting (the newest information is what the office should decide on).
 */
export const ORDER_CYCLE_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type OrderCycleStatus = (typeof ORDER_CYCLE_STATUSES)[number];

export const orderCycleRow = z.object({
  id: z.int(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  requesterName: z.string(),
  receivedOn: z.string(),
  requestedAt: z.string(),
  status: z.enum(ORDER_CYCLE_STATUSES),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type OrderCycleRow = z.output<typeof orderCycleRow>;

export const orderCycleDecideInput = z.object({ id }).strict();
export const orderCycleRejectInput = z.object({ id, reason: requiredText(500) }).strict();
export const orderCyclePendingInput = z.object({ customerId: id }).strict();
