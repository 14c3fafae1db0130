import { z } from 'zod';
import type { FieldIssue } from '../errors';
import { ABC_CLASSES, CUSTOMER_STATUSES } from './customer';
import { id, isoDate, optionalIsoDate, optionalText, requiredText } from './common';

/** 合同台账 (customers.md "Contracts"): types, lifecycle statuses and the register's records. */
export const CONTRACT_TYPES = ['regular', 'nonRegular'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * What the register shows. `active` and `expired` are read off the dates (see contractLifecycle.ts); the other
 * four are decisions someone recorded, and only those are stored.
 */
export const CONTRACT_STATUSES = ['draft', 'signed', 'active', 'expired', 'renewed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const STORED_CONTRACT_STATUSES = ['draft', 'signed', 'renewed', 'terminated'] as const;
export type StoredContractStatus = (typeof STORED_CONTRACT_STATUSES)[number];

/** A paper attachment of the contract (附件): what it is and how many pages; the paper stays in the file. */
export const contractAttachment = z
  .object({
    title: requiredText(100),
    pages: z.int('v.required').min(1, 'v.tooSmall').max(9999, 'v.tooLarge'),
    notes: optionalText(200),
  })
  .strict();
export type ContractAttachment = z.output<typeof contractAttachment>;

/** Every editable field of a contract, one schema each, so forms validate field by field with the backend's rules. */
export const contractFields = {
  contractNo: requiredText(40),
  customerId: id,
  title: requiredText(100),
  contractType: z.enum(CONTRACT_TYPES, 'v.required'),
  /** 特殊合同: terms outside the office's standard ones; needs the department head's approval before signing. */
  isSpecial: z.boolean().optional().transform((v) => v ?? false),
  specialReason: optionalText(500),
  startOn: isoDate,
  endOn: optionalIsoDate,
  amountFen: z
    .int('v.integerFen')
    .min(0, 'v.tooSmall')
    .max(1_000_000_000_000, 'v.tooLarge')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  attachments: z.array(contractAttachment).max(50, 'v.tooMany'),
  notes: optionalText(2000),
};
export type ContractField = keyof typeof contractFields;
export const CONTRACT_FIELDS = Object.keys(contractFields) as ContractField[];

/**
 * The terms a countersign (会签) and an approval were given for. Changing one of them on a draft withdraws both:
 * the signatures were for the old terms. The contract number, notes and the attachment list are not terms.
 */
export const CONTRACT_TERM_FIELDS = ['customerId', 'title', 'contractType', 'isSpecial', 'specialReason', 'startOn', 'endOn', 'amountFen'] as const satisfies readonly ContractField[];
/** What may still change once a contract is signed: the paper trail, not what was agreed. */
export const CONTRACT_ALWAYS_EDITABLE = ['attachments', 'notes'] as const satisfies readonly ContractField[];

export const contractInput = z.object({ ...contractFields, attachments: contractFields.attachments.default([]) }).strict();
export type ContractInput = z.input<typeof contractInput>;
export type ContractValues = z.output<typeof contractInput>;
const contractChanges = z.object(contractFields).partial().strict();

/**
 * Rules across fields, shared by the backend (after parsing, on the merged record) and the form: a special
 * contract says why it is special; a contract does not end before it starts.
 */
export function contractIssues(
  v: { isSpecial?: boolean; specialReason?: string | null; startOn?: string | null; endOn?: string | null },
  prefix = '',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.isSpecial && !v.specialReason) issues.push({ path: `${prefix}specialReason`, key: 'v.required' });
  if (v.startOn && v.endOn && v.endOn < v.startOn) issues.push({ path: `${prefix}endOn`, key: 'contracts.errors.endBeforeStart' });
  return issues;
}

const ref = { id, version: z.int().min(1) };

export const contractCreateInput = z.object({ contract: contractInput }).strict();
export const contractUpdateInput = z.object({ ...ref, changes: contractChanges }).strict();
export const contractCountersignInput = z
  .object({ ...ref, countersignedBy: requiredText(200), countersignedOn: isoDate })
  .strict();
export const contractApproveInput = z.object({ ...ref, note: optionalText(500) }).strict();
export const contractSignInput = z.object({ ...ref, signedOn: isoDate }).strict();
/** 续签: the successor is a new contract of the same customer, linked both ways; the old one becomes 续签. */
export const contractRenewInput = z.object({ ...ref, successor: contractInput.omit({ customerId: true }) }).strict();
/** 退租 / 终止 (and 作废 for a draft entered by mistake): the date it ended and why. */
export const contractTerminateInput = z.object({ ...ref, terminatedOn: isoDate, reason: requiredText(500) }).strict();
export const contractSummaryInput = z.object({ customerId: id.optional() }).strict();

const nullableString = z.string().nullable();

export const contractRecord = z.object({
  id: z.int(),
  version: z.int(),
  contractNo: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  customerClass: z.enum(ABC_CLASSES),
  customerStatus: z.enum(CUSTOMER_STATUSES),
  title: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  isSpecial: z.boolean(),
  specialReason: nullableString,
  countersigned: z.boolean(),
  countersignedBy: nullableString,
  countersignedOn: nullableString,
  specialApproved: z.boolean(),
  specialApprovedBy: nullableString,
  specialApprovedAt: nullableString,
  specialApprovalNote: nullableString,
  signedOn: nullableString,
  startOn: z.string(),
  endOn: nullableString,
  amountFen: z.int().nullable(),
  /** The status the register shows today (dates applied). */
  status: z.enum(CONTRACT_STATUSES),
  storedStatus: z.enum(STORED_CONTRACT_STATUSES),
  renewsId: z.int().nullable(),
  renewsNo: nullableString,
  renewedById: z.int().nullable(),
  renewedByNo: nullableString,
  terminatedOn: nullableString,
  terminatedReason: nullableString,
  attachments: z.array(z.object({ title: z.string(), pages: z.int(), notes: nullableString })),
  notes: nullableString,
  /** The first day the contract (and so its customer) may be archived away: 10 years after it ended. */
  retainUntil: nullableString,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContractRecord = z.output<typeof contractRecord>;

/** One line of a contract's own timeline (合同履历): what happened, who, when, what changed. */
export const contractEvent = z.object({
  id: z.int(),
  at: z.string(),
  userName: z.string(),
  action: z.string(),
  field: nullableString,
  oldValue: nullableString,
  newValue: nullableString,
  note: nullableString,
});
export type ContractEvent = z.output<typeof contractEvent>;

export const contractDetail = z.object({ contract: contractRecord, events: z.array(contractEvent) });
export type ContractDetail = z.output<typeof contractDetail>;

export const contractGridRow = z.object({
  id: z.int(),
  contractNo: z.string(),
  title: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  managerName: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  isSpecial: z.boolean(),
  status: z.enum(CONTRACT_STATUSES),
  countersigned: z.boolean(),
  countersignedBy: nullableString,
  specialApproved: z.boolean(),
  specialApprovedBy: nullableString,
  signedOn: nullableString,
  startOn: z.string(),
  endOn: nullableString,
  amountFen: z.int().nullable(),
  attachmentCount: z.int(),
  expiring: z.boolean(),
  updatedAt: z.string(),
});
export type ContractGridRow = z.output<typeof contractGridRow>;

/** Counts for the register's quick views and the expiring window the office set (contracts.expiringDays). */
export const contractSummary = z.object({
  expiringDays: z.int(),
  expiring: z.int().min(0),
  awaitingApproval: z.int().min(0),
  drafts: z.int().min(0),
});
export type ContractSummary = z.output<typeof contractSummary>;
