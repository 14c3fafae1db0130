import { allows } from '@shared/permissions';
import {
  ABC_CLASSES,
  CREDIT_RATINGS,
  contactInput,
  customerFields,
  customerInput,
  type ContactRecord,
  type CustomerInput,
  type CustomerValues,
} from '@shared/schemas/customer';
import type { ImportField, ImportMapping } from '@shared/schemas/imports';
import { issuesFromZod } from '@shared/validation';
import type { z } from 'zod';
import type { Session } from '../auth/sessions';
import { canSeeClass } from '../customers/visibility';
import { diff } from '../customers/history';
import { nameSortKey } from '../customers/sortKey';
import {
  cellText,
  isBlank,
  readChoice,
  readDate,
  readLetter,
  readRating,
  readYesNo,
  readYuan,
  type CellReading,
} from './cellValues';
import { INFO_SOURCE_CHOICES, INFO_SOURCE_LABELS, URBAN_RURAL_CHOICES, URBAN_RURAL_LABELS, type Lookups, type OnFile } from './lookups';
import type { RawCell, RawRow } from './readTable';

/**
 * One row of the file checked with the customer form's own rules (the zod schemas of shared/schemas/customer.ts
 * and the business rules of customers/rules.ts): what it would do — create a customer, update one on file, or
 * nothing — and every problem that stops it. Blank cells of a customer on file leave its values as they are.
 */

export interface RowProblem {
  row: number;
  column: string | null;
  field: ImportField | null;
  value: string | null;
  key: string;
  params?: Record<string, string | number>;
}

export type ContactValues = z.output<typeof contactInput>;
export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export type ContactPlan =
  | { kind: 'add'; values: ContactValues }
  | { kind: 'update'; current: ContactRecord; changes: FieldChange[] };

export type RowPlan =
  | {
      kind: 'create';
      row: number;
      values: CustomerValues;
      /** The pinyin sort key of the name (customers.name_sort), worked out with the check so a kept dry run's commit only writes. */
      nameSort: string;
      managerName: string;
      contact: ContactValues | null;
    }
  | { kind: 'update'; row: number; onFile: OnFile; changes: FieldChange[]; managerName: string | null; contact: ContactPlan | null }
  | { kind: 'unchanged'; row: number };

export interface RowCheckContext {
  session: Session;
  mapping: ImportMapping;
  headers: readonly string[];
  lookups: Lookups;
  mode: 'upsert' | 'createOnly';
  /** Customers on file named by this chunk's codes (upper-case code → customer). */
  onFile: ReadonlyMap<string, OnFile>;
  /** Codes seen earlier in the file (upper-case code → row number). */
  seen: Map<string, number>;
}

type CustomerKey = keyof CustomerInput;
type ContactKey = keyof z.input<typeof contactInput>;

/** Import field → the form field it fills (customer or contact). */
const CUSTOMER_TARGET: Partial<Record<ImportField, CustomerKey>> = { manager: 'managerStaffId', creditLimit: 'creditLimitFen' };
const CONTACT_TARGET: Partial<Record<ImportField, ContactKey>> = {
  contactName: 'name',
  contactTitle: 'title',
  contactMobile: 'mobile',
  contactDirectLine: 'directLine',
  contactEmail: 'email',
};
const FIELD_OF_CUSTOMER_PATH: Record<string, ImportField> = { managerStaffId: 'manager', creditLimitFen: 'creditLimit' };
const FIELD_OF_CONTACT_PATH = Object.fromEntries(Object.entries(CONTACT_TARGET).map(([f, k]) => [k, f])) as Record<string, ImportField>;

/** How a field's cell becomes a form value; text fields go through as text and the zod schema checks them. */
function readField(field: ImportField, cell: RawCell, lookups: Lookups): CellReading<unknown> {
  switch (field) {
    case 'abcClass':
      return readLetter(cell, ABC_CLASSES, 'imports.problems.unknownClass');
    case 'creditRating':
      return readLetter(cell, CREDIT_RATINGS, 'imports.problems.unknownRating');
    case 'strength':
    case 'dealLikelihood':
      return readRating(cell);
    case 'urbanRural':
      return readChoice(cell, URBAN_RURAL_CHOICES, URBAN_RURAL_LABELS);
    case 'infoSource':
      return readChoice(cell, INFO_SOURCE_CHOICES, INFO_SOURCE_LABELS);
    case 'isKey':
      return readYesNo(cell);
    case 'region':
    case 'businessFormat':
    case 'marketType':
    case 'marketSize':
      return lookups.code(field, cell);
    case 'manager':
      return lookups.staff(cell);
    case 'registeredOn':
      return readDate(cell);
    case 'creditLimit':
      return readYuan(cell);
    default:
      return { ok: true, value: cellText(cell) };
  }
}

const shown = (cell: RawCell | undefined): string | null => {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'object' && 'formula' in cell) return cell.formula.slice(0, 100);
  if (typeof cell === 'object' && 'error' in cell) return cell.error;
  return cellText(cell).slice(0, 100) || null;
};

export function checkRow(raw: RawRow, ctx: RowCheckContext): { plan: RowPlan | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columnOf = new Map(ctx.mapping.map((m) => [m.field, m.column]));
  const cellOf = (field: ImportField) => {
    const column = columnOf.get(field);
    return column === undefined ? undefined : raw.cells[column];
  };
  const problem = (field: ImportField | null, key: string, params?: Record<string, string | number>) => {
    const column = field === null ? undefined : columnOf.get(field);
    problems.push({
      row: raw.row,
      column: column === undefined ? null : (ctx.headers[column] ?? null),
      field,
      value: field === null ? null : shown(cellOf(field)),
      key,
      ...(params ? { params } : {}),
    });
  };

  // Read every mapped cell; formulas and error values are refused before anything else looks at them.
  const customer: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  let managerName: string | null = null;
  for (const { field } of ctx.mapping) {
    const cell = cellOf(field);
    if (cell === undefined || isBlank(cell)) continue;
    if (typeof cell === 'object' && cell !== null && 'formula' in cell) {
      problem(field, 'imports.problems.formula', { formula: cell.formula.slice(0, 60) });
      continue;
    }
    if (typeof cell === 'object' && cell !== null && 'error' in cell) {
      problem(field, 'imports.problems.cellError', { error: cell.error });
      continue;
    }
    const reading = readField(field, cell, ctx.lookups);
    if (!reading.ok) {
      problem(field, reading.key, reading.params);
      continue;
    }
    const contactKey = CONTACT_TARGET[field];
    if (contactKey) contact[contactKey] = reading.value;
    else if (field === 'manager') {
      const staff = reading.value as { id: number; name: string };
      customer.managerStaffId = staff.id;
      managerName = staff.name;
    } else customer[CUSTOMER_TARGET[field] ?? field] = reading.value;
  }
  const unread = new Set(problems.map((p) => p.field));
  const zodProblems = (error: z.ZodError, input: unknown, fieldOf: (path: string) => ImportField | null) => {
    const reported = new Set<ImportField | null>(unread);
    for (const issue of issuesFromZod(error, input)) {
      const field = fieldOf(issue.path);
      // One message per cell, as the form shows one per field; a cell already reported (a formula, an unknown
      // code) is not reported again as "required".
      if (reported.has(field)) continue;
      reported.add(field);
      problem(field, issue.key, issue.params);
    }
  };
  const customerField = (path: string): ImportField | null => {
    const head = path.split('.')[0] ?? '';
    return FIELD_OF_CUSTOMER_PATH[head] ?? (columnOf.has(head as ImportField) || head in customerFields ? (head as ImportField) : null);
  };

  // The code: required, in the form's format, once per file.
  const code = typeof customer.code === 'string' ? customer.code : '';
  const codeCheck = customerFields.code.safeParse(code);
  if (!codeCheck.success) {
    if (!unread.has('code')) zodProblems(codeCheck.error, code, () => 'code');
    return { plan: null, problems };
  }
  const upper = codeCheck.data.toUpperCase();
  const earlier = ctx.seen.get(upper);
  if (earlier !== undefined) problem('code', 'imports.problems.duplicateInFile', { code: codeCheck.data, row: earlier });
  else ctx.seen.set(upper, raw.row);

  const contactGiven = Object.keys(contact).length > 0 || [...columnOf.keys()].some((f) => f in CONTACT_TARGET && unread.has(f));
  let contactValues: ContactValues | null = null;
  if (contactGiven) {
    const parsed = contactInput.safeParse(contact);
    if (parsed.success) contactValues = parsed.data;
    else zodProblems(parsed.error, contact, (path) => FIELD_OF_CONTACT_PATH[path.split('.')[0] ?? ''] ?? 'contactName');
  }

  const onFile = ctx.onFile.get(upper);
  if (!onFile) {
    const plan = planCreate(ctx, raw.row, customer, managerName, contactValues, problem, zodProblems, customerField);
    // A row with any problem does nothing, even where the rest of it would be fine.
    return { plan: problems.length ? null : plan, problems };
  }

  const current = onFile.customer;
  if (!canSeeClass(ctx.session, current.abcClass)) {
    problem('code', 'imports.problems.codeNotVisible', { code: current.code });
    return { plan: null, problems };
  }
  if (ctx.mode === 'createOnly') {
    problem('code', 'imports.problems.codeExists', { code: current.code });
    return { plan: null, problems };
  }
  if (current.status === 'archived') {
    // A merged duplicate cannot be restored: the row belongs under the customer it went into.
    if (current.mergedIntoLabel) problem('code', 'imports.problems.merged', { code: current.code, into: current.mergedIntoLabel });
    else problem('code', 'imports.problems.archived', { code: current.code });
    return { plan: null, problems };
  }
  // The file matches on the code; it never renames one (only admin edits codes, in the form).
  delete customer.code;
  const parsed = customerInput.partial().strict().safeParse(customer);
  if (!parsed.success) {
    zodProblems(parsed.error, customer, customerField);
    return { plan: null, problems };
  }
  const changes = diff(current as unknown as Record<string, unknown>, parsed.data as Record<string, unknown>);
  const changed = new Set(changes.map((c) => c.field));
  if (changed.has('abcClass') && !canSeeClass(ctx.session, String(parsed.data.abcClass))) {
    problem('abcClass', 'errors.customer.aClassNeedsProjectStaff');
  }
  if (changed.has('orderCycle') && !allows(ctx.session.roles, 'customers.approveOrderCycle')) {
    problem('orderCycle', 'errors.customer.orderCycleApproval');
  }
  const contactPlan = contactValues ? planContact(onFile.contacts, contactValues, contact) : null;
  if (problems.length) return { plan: null, problems };
  if (changes.length === 0 && contactPlan === null) return { plan: { kind: 'unchanged', row: raw.row }, problems };
  return {
    plan: { kind: 'update', row: raw.row, onFile, changes, managerName: changed.has('managerStaffId') ? managerName : null, contact: contactPlan },
    problems,
  };
}

function planCreate(
  ctx: RowCheckContext,
  row: number,
  customer: Record<string, unknown>,
  managerName: string | null,
  contact: ContactValues | null,
  problem: (field: ImportField | null, key: string, params?: Record<string, string | number>) => void,
  zodProblems: (error: z.ZodError, input: unknown, fieldOf: (path: string) => ImportField | null) => void,
  customerField: (path: string) => ImportField | null,
): RowPlan | null {
  const parsed = customerInput.safeParse(customer);
  if (!parsed.success) {
    zodProblems(parsed.error, customer, customerField);
    return null;
  }
  // Someone who could not see an A-class customer may not make one either (customers/rules.ts).
  if (!canSeeClass(ctx.session, parsed.data.abcClass)) {
    problem('abcClass', 'errors.customer.aClassNeedsProjectStaff');
    return null;
  }
  return { kind: 'create', row, values: parsed.data, nameSort: nameSortKey(parsed.data.name), managerName: managerName ?? '', contact };
}

/** The row's contact: the customer's contact of that name gets the row's non-blank values, else a new contact. */
function planContact(contacts: readonly ContactRecord[], values: ContactValues, given: Record<string, unknown>): ContactPlan | null {
  const same = contacts.find((c) => c.name === values.name);
  if (!same) return { kind: 'add', values };
  const provided = Object.fromEntries(Object.keys(given).map((k) => [k, (values as Record<string, unknown>)[k]]));
  const changes = diff(same as unknown as Record<string, unknown>, provided);
  return changes.length ? { kind: 'update', current: same, changes } : null;
}
