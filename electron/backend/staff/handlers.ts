import { AppError } from '@shared/errors';
import type { staffGridColumns } from '@shared/grids/admin';
import type { StaffRecord } from '@shared/schemas/admin';
import { handlers } from '../registry';
import type { GridSpec } from '../grid/spec';
import { gridPage } from '../grid/page';
import { likeEscape } from '../grid/sql';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';

const customerCount = `(SELECT count(*) FROM customers c WHERE c.manager_staff_id = st.id AND c.status = 'active')`;

const staffGrid: GridSpec<typeof staffGridColumns, StaffRecord> = {
  from: 'staff st',
  countFrom: 'staff st',
  id: 'st.id',
  select: `st.id, st.employee_no AS employeeNo, st.name, st.department, st.position, st.phone, st.active, ${customerCount} AS customerCount`,
  columns: {
    employeeNo: { sql: 'st.employee_no' },
    name: { sql: 'st.name' },
    department: { sql: 'st.department' },
    position: { sql: 'st.position' },
    phone: { sql: 'st.phone' },
    active: { sql: 'st.active', setValue: (v) => (v === 'true' ? 1 : 0) },
    customerCount: { sql: customerCount },
  },
  defaultSort: [{ colId: 'employeeNo', sort: 'asc' }],
  quickSearch: (text) => ({
    sql: `(st.name LIKE ? ESCAPE '\\' OR st.employee_no LIKE ? ESCAPE '\\')`,
    params: [`%${likeEscape(text)}%`, `%${likeEscape(text)}%`],
  }),
  mapRow: (raw) => ({ ...(raw as unknown as StaffRecord), active: raw.active === 1 }),
};

const FIELD_COLUMN = { employeeNo: 'employee_no', name: 'name', department: 'department', position: 'position', phone: 'phone', active: 'active' } as const;

async function loadStaff(db: Reader | Tx, id: number): Promise<StaffRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`SELECT ${staffGrid.select} FROM staff st WHERE st.id = ?`, [id]);
  return raw ? staffGrid.mapRow(raw) : undefined;
}

async function checkEmployeeNoFree(tx: Tx, employeeNo: string, path: string, exceptId?: number) {
  const hit = await tx.get<{ id: number }>('SELECT id FROM staff WHERE employee_no = ? COLLATE NOCASE', [employeeNo]);
  if (hit && hit.id !== exceptId) {
    throw new AppError('CONFLICT', 'errors.staff.employeeNoTaken', { params: { employeeNo }, issues: [{ path, key: 'errors.staff.employeeNoTaken', params: { employeeNo } }] });
  }
}

const toDb = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

export const staffHandlers = handlers({
  'staff.query': async (input, ctx) => gridPage(ctx.db, staffGrid, input),

  'staff.options': async (_input, ctx) => {
    const rows = await ctx.db.all<{ id: number; employeeNo: string; name: string; active: number }>(
      'SELECT id, employee_no AS employeeNo, name, active FROM staff ORDER BY active DESC, employee_no, id',
    );
    return rows.map((r) => ({ ...r, active: r.active === 1 }));
  },

  'staff.create': async (input, ctx) => {
    const s = input.staff;
    await checkEmployeeNoFree(ctx.tx, s.employeeNo, 'staff.employeeNo');
    const now = ctx.clock.now().toISOString();
    const { lastID } = await ctx.tx.run(
      'INSERT INTO staff (employee_no, name, department, position, phone, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [s.employeeNo, s.name, s.department, s.position, s.phone, s.active ? 1 : 0, now, now],
    );
    await ctx.audit({ action: 'create', entity: 'staff', entityId: lastID, summary: { after: s } });
    return (await loadStaff(ctx.tx, lastID))!;
  },

  'staff.update': async (input, ctx) => {
    const before = await loadStaff(ctx.tx, input.id);
    if (!before) throw new AppError('NOT_FOUND', 'errors.staff.notFound');
    const entries = Object.entries(input.changes).filter(([k, v]) => v !== undefined && before[k as keyof StaffRecord] !== v);
    if (entries.length === 0) return before;
    if (input.changes.employeeNo !== undefined) await checkEmployeeNoFree(ctx.tx, input.changes.employeeNo, 'changes.employeeNo', input.id);
    await ctx.tx.run(
      `UPDATE staff SET ${entries.map(([k]) => `${FIELD_COLUMN[k as keyof typeof FIELD_COLUMN]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      [...entries.map(([, v]) => toDb(v)), ctx.clock.now().toISOString(), input.id],
    );
    await ctx.audit({
      action: 'update',
      entity: 'staff',
      entityId: input.id,
      summary: { before: Object.fromEntries(entries.map(([k]) => [k, before[k as keyof StaffRecord]])), after: Object.fromEntries(entries) },
    });
    return (await loadStaff(ctx.tx, input.id))!;
  },
});
