import type { Dayjs } from 'dayjs';
import { CUSTOMER_FIELDS, type CustomerInput, type CustomerRecord, type ContactInput } from '@shared/schemas/customer';
import { blankToNull, fenToYuanInput, fromIsoDate, toIsoDate, yuanInputToFen } from '../../forms/fieldValues';

/** What the customer form holds: contract values, except dates as dayjs and money as yuan text. */
export type CustomerFormValues = Omit<CustomerInput, 'registeredOn' | 'creditLimitFen'> & {
  registeredOn: Dayjs | null;
  creditLimitYuan: string | null;
  contacts?: ContactInput[];
  receivedOn: Dayjs | null;
};

export function toFormValues(c: CustomerRecord): Partial<CustomerFormValues> {
  const values: Record<string, unknown> = {};
  for (const f of CUSTOMER_FIELDS) values[f] = c[f];
  return { ...values, registeredOn: fromIsoDate(c.registeredOn), creditLimitYuan: fenToYuanInput(c.creditLimitFen) } as Partial<CustomerFormValues>;
}

/** The form's values as the contract wants them; empty inputs become null. */
export function toCustomerInput(v: CustomerFormValues): CustomerInput {
  const out: Record<string, unknown> = {};
  for (const f of CUSTOMER_FIELDS) out[f] = blankToNull((v as Record<string, unknown>)[f]);
  out.registeredOn = toIsoDate(v.registeredOn) ?? '';
  out.creditLimitFen = yuanInputToFen(v.creditLimitYuan) ?? null;
  out.isKey = Boolean(v.isKey);
  return out as CustomerInput;
}

export function toContactInput(c: Partial<ContactInput>): ContactInput {
  return {
    name: String(c.name ?? ''),
    title: (blankToNull(c.title) as string | null) ?? null,
    mobile: (blankToNull(c.mobile) as string | null) ?? null,
    directLine: (blankToNull(c.directLine) as string | null) ?? null,
    email: (blankToNull(c.email) as string | null) ?? null,
    isKeyLeader: Boolean(c.isKeyLeader),
    notes: (blankToNull(c.notes) as string | null) ?? null,
  };
}

/** Only what changed, so the history records exactly the edited fields. */
export function changedFields(before: CustomerRecord, after: CustomerInput): Partial<CustomerInput> {
  const changes: Record<string, unknown> = {};
  for (const f of CUSTOMER_FIELDS) {
    const a = (after as Record<string, unknown>)[f];
    if (a !== before[f]) changes[f] = a;
  }
  return changes as Partial<CustomerInput>;
}
