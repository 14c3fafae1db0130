import { z } from 'zod';
import { channel } from './channel';
import { empty, ok } from '../schemas/common';
import {
  auditRow,
  codeListEntry,
  codeListReviewInput,
  codeListReviewStatus,
  codeListSaveInput,
  doctorReport,
  settingsRecord,
  settingsUpdateInput,
  staffCreateInput,
  staffRecord,
  staffUpdateInput,
} from '../schemas/admin';
import { dashboardSummary } from '../schemas/dashboard';
import { todayList } from '../schemas/today';
import { exportedFile, gridExportSchema, gridPageSchema, gridQuerySchema } from '../grid';
import { auditGridColumns, staffGridColumns } from '../grids/admin';

const prefKey = z.string().regex(/^[a-z][A-Za-z0-9.:-]{0,63}$/, 'v.format');

export const adminChannels = {
  'dashboard.summary': channel({ input: empty, output: dashboardSummary, access: 'dashboard.view', tx: 'read' }),
  'dashboard.today': channel({ input: empty, output: todayList, access: 'dashboard.view', tx: 'read' }),
  'staff.query': channel({
    input: gridQuerySchema(staffGridColumns),
    output: gridPageSchema(staffRecord),
    access: 'staff.read',
    tx: 'read',
  }),
  'staff.options': channel({
    input: empty,
    output: z.array(z.object({ id: z.int(), employeeNo: z.string(), name: z.string(), active: z.boolean() })),
    access: 'staff.read',
    tx: 'read',
  }),
  'staff.create': channel({ input: staffCreateInput, output: staffRecord, access: 'staff.manage', tx: 'write' }),
  'staff.update': channel({ input: staffUpdateInput, output: staffRecord, access: 'staff.manage', tx: 'write' }),
  'codeLists.list': channel({ input: empty, output: z.array(codeListEntry), access: 'authenticated', tx: 'read' }),
  'codeLists.save': channel({ input: codeListSaveInput, output: codeListEntry, access: 'codeLists.manage', tx: 'write' }),
  'codeLists.reviewStatus': channel({ input: empty, output: codeListReviewStatus, access: 'codeLists.manage', tx: 'read' }),
  'codeLists.markReviewed': channel({ input: codeListReviewInput, output: codeListReviewStatus, access: 'codeLists.manage', tx: 'write' }),
  'audit.query': channel({
    input: gridQuerySchema(auditGridColumns),
    output: gridPageSchema(auditRow),
    access: 'audit.read',
    tx: 'read',
  }),
  'audit.export': channel({ input: gridExportSchema(auditGridColumns), output: exportedFile, access: 'audit.read', tx: 'manual' }),
  'prefs.get': channel({ input: z.object({ key: prefKey }).strict(), output: z.object({ value: z.unknown().nullable() }), access: 'authenticated', tx: 'read' }),
  'prefs.set': channel({
    input: z
      .object({ key: prefKey, value: z.unknown() })
      .strict()
      .refine((v) => JSON.stringify(v.value ?? null).length <= 20_000, { message: 'v.tooLong', path: ['value'] }),
    output: ok,
    access: 'authenticated',
    tx: 'write',
    audited: false,
  }),
  'settings.get': channel({ input: empty, output: settingsRecord, access: 'system.settings', tx: 'read' }),
  'settings.update': channel({ input: settingsUpdateInput, output: settingsRecord, access: 'system.settings', tx: 'write' }),
  'system.doctor': channel({ input: empty, output: doctorReport, access: 'system.doctor', tx: 'read' }),
};
