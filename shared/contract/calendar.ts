import { z } from 'zod';
import { channel } from './channel';
import { empty, ok } from '../schemas/common';
import {
  calendarCreateInput,
  calendarDayRecord,
  calendarImportInput,
  calendarImportPreview,
  calendarImportResult,
  calendarRemoveInput,
  calendarUpdateInput,
  calendarYears,
} from '../schemas/calendar';
import { gridPageSchema, gridQuerySchema } from '../grid';
import { calendarGridColumns } from '../grids/calendar';

/**
 * The working-day calendar. Reading is open to every signed-in user: every deadline in the app is counted on it,
 * so anyone may check why a due date fell where it did, and it holds nothing confidential (the public holiday
 * list). Changing it is the admin's job (calendar.manage).
 */
export const calendarChannels = {
  'calendar.query': channel({
    input: gridQuerySchema(calendarGridColumns, {
      year: z.int().min(1900).max(2999).nullable().default(null),
    }),
    output: gridPageSchema(calendarDayRecord),
    access: 'authenticated',
    tx: 'read',
  }),
  'calendar.years': channel({ input: empty, output: calendarYears, access: 'authenticated', tx: 'read' }),
  'calendar.create': channel({
    input: calendarCreateInput,
    output: calendarDayRecord,
    access: 'calendar.manage',
    tx: 'write',
  }),
  'calendar.update': channel({
    input: calendarUpdateInput,
    output: calendarDayRecord,
    access: 'calendar.manage',
    tx: 'write',
  }),
  'calendar.remove': channel({
    input: calendarRemoveInput,
    output: ok,
    access: 'calendar.manage',
    tx: 'write',
  }),
  /** Dry run: reads the file and says, line by line, what an import would do. Writes nothing. */
  'calendar.importPreview': channel({
    input: calendarImportInput,
    output: calendarImportPreview,
    access: 'calendar.manage',
    tx: 'read',
  }),
  /** The import itself: all lines or none (refused while any line has a problem). */
  'calendar.import': channel({
    input: calendarImportInput,
    output: calendarImportResult,
    access: 'calendar.manage',
    tx: 'write',
  }),
};
