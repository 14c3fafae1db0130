import { createHash } from 'node:crypto';
import { en, zh } from '@shared/i18n';
import { CODE_LISTS, INFO_SOURCES, URBAN_RURAL, type CodeListName, type ContactRecord, type CustomerRecord } from '@shared/schemas/customer';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { customerSelect, toContactRecord, toCustomerRecord } from '../customers/records';
import { cellText, type CellReading } from './cellValues';
import type { RawCell } from './readTable';

type Db = Reader | Tx;

const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** An enum's values by code and by their zh-CN and en-US labels. */
function choiceMap<T extends string>(values: readonly T[], labels: (v: T) => string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const v of values) for (const name of [v, ...labels(v)]) map.set(key(name), v);
  return map;
}

export const URBAN_RURAL_CHOICES = choiceMap(URBAN_RURAL, (v) => [zh.enums.urbanRural[v], en.enums.urbanRural[v], ...(v === 'urban' ? ['城市', '城镇', '市区'] : ['乡村', '乡镇'])]);
export const INFO_SOURCE_CHOICES = choiceMap(INFO_SOURCES, (v) => [zh.enums.infoSource[v], en.enums.infoSource[v]]);
export const URBAN_RURAL_LABELS = URBAN_RURAL.map((v) => zh.enums.urbanRural[v]).join('、');
export const INFO_SOURCE_LABELS = INFO_SOURCES.map((v) => zh.enums.infoSource[v]).join('、');

export interface StaffRef {
  id: number;
  name: string;
}

/** Staff and code lists, read once per run: what a row's 客户经理 and 区域/业态/… cells may name. */
export interface Lookups {
  /** A digest of the staff and entries read: equal digests read every cell alike (a kept dry run relies on it). */
  fingerprint: string;
  staff(cell: RawCell): CellReading<StaffRef>;
  code(list: CodeListName, cell: RawCell): CellReading<string>;
}

export async function loadLookups(db: Db): Promise<Lookups> {
  const staff = await db.all<{ id: number; employeeNo: string; name: string }>(
    'SELECT id, employee_no AS employeeNo, name FROM staff WHERE active = 1 ORDER BY id',
  );
  const byNo = new Map(staff.map((s) => [key(s.employeeNo), s]));
  const byName = new Map<string, typeof staff>();
  for (const s of staff) byName.set(key(s.name), [...(byName.get(key(s.name)) ?? []), s]);

  const entries = await db.all<{ list: CodeListName; code: string; label: string }>(
    'SELECT list, code, label FROM code_list_entries WHERE active = 1 ORDER BY list, sort_order, id',
  );
  const codes = new Map<string, string>();
  for (const list of CODE_LISTS) {
    // Labels first, codes after: a code wins when a label happens to spell another entry's code.
    for (const e of entries.filter((x) => x.list === list)) codes.set(`${list}:${key(e.label)}`, e.code);
    for (const e of entries.filter((x) => x.list === list)) codes.set(`${list}:${key(e.code)}`, e.code);
  }

  return {
    fingerprint: createHash('sha256').update(JSON.stringify([staff, entries])).digest('hex'),
    staff(cell): CellReading<StaffRef> {
      const text = cellText(cell);
      const hit = byNo.get(key(text));
      if (hit) return { ok: true, value: { id: hit.id, name: hit.name } };
      const named = byName.get(key(text)) ?? [];
      if (named.length === 1) return { ok: true, value: { id: named[0]!.id, name: named[0]!.name } };
      if (named.length > 1) return { ok: false, key: 'imports.problems.staffAmbiguous', params: { value: text, count: named.length } };
      return { ok: false, key: 'imports.problems.staffUnknown', params: { value: text } };
    },
    code(list, cell): CellReading<string> {
      const text = cellText(cell);
      const hit = codes.get(`${list}:${key(text)}`);
      return hit ? { ok: true, value: hit } : { ok: false, key: 'v.unknownCode', params: { code: text } };
    },
  };
}


/** A customer already on file that a row names by its code, with its current contacts. */
export interface OnFile {
  customer: CustomerRecord;
  contacts: ContactRecord[];
}

/** The customers these codes name (codes compare without letter case, as the table's unique index does). */
export async function customersByCode(db: Db, codes: readonly string[]): Promise<Map<string, OnFile>> {
  const found = new Map<string, OnFile>();
  if (codes.length === 0) return found;
  const rows = await db.all<Record<string, unknown>>(
    `SELECT ${customerSelect} FROM customers c JOIN staff s ON s.id = c.manager_staff_id WHERE c.code IN (${codes.map(() => '?').join(', ')})`,
    [...codes],
  );
  for (const raw of rows) {
    const customer = toCustomerRecord(raw);
    found.set(customer.code.toUpperCase(), { customer, contacts: [] });
  }
  if (found.size) {
    const byId = new Map([...found.values()].map((f) => [f.customer.id, f]));
    const contacts = await db.all<Record<string, unknown>>(
      `SELECT id, customer_id AS customerId, name, title, mobile, direct_line AS directLine, email, is_key_leader AS isKeyLeader, notes
       FROM contacts WHERE removed_at IS NULL AND customer_id IN (${[...byId.keys()].map(() => '?').join(', ')}) ORDER BY id`,
      [...byId.keys()],
    );
    for (const raw of contacts) byId.get(raw.customerId as number)?.contacts.push(toContactRecord(raw));
  }
  return found;
}
