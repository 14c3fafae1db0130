import { z } from 'zod';
import {
  id,
  isoDate,
  optionalEmail,
  optionalLandline,
  optionalMobile,
  optionalPhone,
  optionalText,
  optionalWebsite,
  rating1to5,
  requiredText,
} from './common';

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
export const CREDIT_RATINGS = ['A', 'B', 'C', 'D'] as const;
export const URBAN_RURAL = ['urban', 'rural'] as const;
export const CUSTOMER_STATUSES = ['active', 'archived'] as const;
export const INFO_SOURCES = [
  'online',
  'advertising',
  'transactions',
  'association',
  'salesVisit',
  'customerForm',
  'survey',
  'other',
] as const;

/** Admin-maintained code lists a customer refers to. */
export const CODE_LISTS = ['region', 'businessFormat', 'marketType', 'marketSize'] as const;
export type CodeListName = (typeof CODE_LISTS)[number];

const optionalCode = z.string().trim().max(40, 'v.tooLong').nullable().optional().transform((v) => (v ? v : null));

/**
 * Every editable field of a customer, one schema each, so a form can validate a single field as the user types
 * and the backend can validate the whole record with the same rules.
 */
export const customerFields = {
  code: z
    .string('v.required')
    .trim()
    .min(1, 'v.required')
    .max(20, 'v.tooLong')
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'v.customerCode'),
  name: requiredText(100),
  shortName: optionalText(50),
  abcClass: z.enum(ABC_CLASSES, 'v.required'),
  region: optionalCode,
  strength: rating1to5,
  dealLikelihood: rating1to5,
  businessFormat: optionalCode,
  marketType: optionalCode,
  marketSize: optionalCode,
  areaUnit: optionalText(50),
  urbanRural: z.enum(URBAN_RURAL).nullable().optional().transform((v) => v ?? null),
  isKey: z.boolean().optional().transform((v) => v ?? false),
  managerStaffId: id,
  registeredOn: isoDate,
  firstContractNo: optionalText(50),
  address: optionalText(200),
  phone: optionalPhone,
  fax: optionalLandline,
  email: optionalEmail,
  website: optionalWebsite,
  businessScope: optionalText(2000),
  mainProducts: optionalText(2000),
  industryPosition: optionalText(2000),
  recentDevelopments: optionalText(2000),
  culture: optionalText(2000),
  creditRating: z.enum(CREDIT_RATINGS).nullable().optional().transform((v) => v ?? null),
  creditLimitFen: z
    .int('v.integerFen')
    .min(0, 'v.tooSmall')
    .max(1_000_000_000_000, 'v.tooLarge')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  orderCycle: optionalText(50),
  infoSource: z.enum(INFO_SOURCES).nullable().optional().transform((v) => v ?? null),
  notes: optionalText(2000),
};
export type CustomerField = keyof typeof customerFields;
export const CUSTOMER_FIELDS = Object.keys(customerFields) as CustomerField[];

export const contactFields = {
  name: requiredText(50),
  title: optionalText(50),
  mobile: optionalMobile,
  directLine: optionalPhone,
  email: optionalEmail,
  isKeyLeader: z.boolean().optional().transform((v) => v ?? false),
  notes: optionalText(500),
};
export type ContactField = keyof typeof contactFields;
export const CONTACT_FIELDS = Object.keys(contactFields) as ContactField[];

export const contactInput = z.object(contactFields).strict();
export type ContactInput = z.input<typeof contactInput>;

export const customerInput = z.object(customerFields).strict();
export type CustomerInput = z.input<typeof customerInput>;
export type CustomerValues = z.output<typeof customerInput>;

/** The date the information behind a change reached the office (信息获取日期); drives "late update". */
const receivedOn = isoDate;

export const customerCreateInput = z
  .object({ customer: customerInput, contacts: z.array(contactInput).max(50, 'v.tooMany').default([]), receivedOn })
  .strict();

export const customerUpdateInput = z
  .object({
    id,
    version: z.int().min(1),
    changes: customerInput.partial().strict(),
    receivedOn,
  })
  .strict();

export const customerArchiveInput = z
  .object({ id, version: z.int().min(1), reason: requiredText(500), receivedOn })
  .strict();

export const contactCreateInput = z.object({ customerId: id, contact: contactInput, receivedOn }).strict();
export const contactUpdateInput = z
  .object({ id, changes: contactInput.partial().strict(), receivedOn })
  .strict();
export const contactRemoveInput = z.object({ id, reason: requiredText(200), receivedOn }).strict();

export const contactRecord = z.object({
  id: z.int(),
  customerId: z.int(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  directLine: z.string().nullable(),
  email: z.string().nullable(),
  isKeyLeader: z.boolean(),
  notes: z.string().nullable(),
});
export type ContactRecord = z.output<typeof contactRecord>;

const nullableString = z.string().nullable();

export const customerRecord = z.object({
  id: z.int(),
  version: z.int(),
  code: z.string(),
  name: z.string(),
  shortName: nullableString,
  abcClass: z.enum(ABC_CLASSES),
  region: nullableString,
  strength: z.int().nullable(),
  dealLikelihood: z.int().nullable(),
  businessFormat: nullableString,
  marketType: nullableString,
  marketSize: nullableString,
  areaUnit: nullableString,
  urbanRural: z.enum(URBAN_RURAL).nullable(),
  isKey: z.boolean(),
  managerStaffId: z.int(),
  managerName: z.string(),
  registeredOn: z.string(),
  firstContractNo: nullableString,
  address: nullableString,
  phone: nullableString,
  fax: nullableString,
  email: nullableString,
  website: nullableString,
  businessScope: nullableString,
  mainProducts: nullableString,
  industryPosition: nullableString,
  recentDevelopments: nullableString,
  culture: nullableString,
  creditRating: z.enum(CREDIT_RATINGS).nullable(),
  creditLimitFen: z.int().nullable(),
  orderCycle: nullableString,
  orderCycleApprovedBy: nullableString,
  infoSource: z.enum(INFO_SOURCES).nullable(),
  notes: nullableString,
  status: z.enum(CUSTOMER_STATUSES),
  archivedAt: nullableString,
  archivedReason: nullableString,
  /** Set on a duplicate merged into another customer (合并重复客户): that customer's id and "code name". */
  mergedIntoId: z.int().nullable(),
  mergedIntoLabel: nullableString,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerRecord = z.output<typeof customerRecord>;

export const customerDetail = z.object({ customer: customerRecord, contacts: z.array(contactRecord) });
export type CustomerDetail = z.output<typeof customerDetail>;

export const customerGridRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  shortName: nullableString,
  abcClass: z.enum(ABC_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  isKey: z.boolean(),
  region: nullableString,
  businessFormat: nullableString,
  marketType: nullableString,
  marketSize: nullableString,
  areaUnit: nullableString,
  urbanRural: z.enum(URBAN_RURAL).nullable(),
  managerName: z.string(),
  phone: nullableString,
  address: nullableString,
  email: nullableString,
  registeredOn: z.string(),
  creditRating: z.enum(CREDIT_RATINGS).nullable(),
  creditLimitFen: z.int().nullable(),
  strength: z.int().nullable(),
  dealLikelihood: z.int().nullable(),
  orderCycle: nullableString,
  infoSource: z.enum(INFO_SOURCES).nullable(),
  updatedAt: z.string(),
});
export type CustomerGridRow = z.output<typeof customerGridRow>;

export const historyRow = z.object({
  id: z.int(),
  changedAt: z.string(),
  entity: z.enum(['customer', 'contact']),
  entityLabel: nullableString,
  field: z.string(),
  oldValue: nullableString,
  newValue: nullableString,
  userName: z.string(),
  receivedOn: z.string(),
  late: z.boolean(),
  /** The supervisor who approved the change, when it needed one (订货周期). */
  approvedBy: nullableString,
});
export type HistoryRow = z.output<typeof historyRow>;

export const searchHit = z.object({ id: z.int(), code: z.string(), name: z.string(), abcClass: z.enum(ABC_CLASSES), status: z.enum(CUSTOMER_STATUSES) });
export type SearchHit = z.output<typeof searchHit>;

/** After this many days between receiving information and recording it, an edit is a late update (超期更新). */
export const LATE_UPDATE_DAYS = 2;
