import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../workingDays';
import { isoDate, optionalText } from './common';

/** One entry of the working-day calendar (工作日历), as the add/edit dialog and the channels take it. */
export const calendarDayFields = {
  date: isoDate,
  kind: z.enum(CALENDAR_DAY_KINDS, 'v.required'),
  /** 国庆节, 国庆节调休 … (optional: the kind alone already decides whether the office works). */
  name: optionalText(40),
};
export const calendarDayInput = z.object(calendarDayFields).strict();
export type CalendarDayInput = z.output<typeof calendarDayInput>;

export const calendarCreateInput = z.object({ day: calendarDayInput }).strict();
/** The entry on `date` becomes `day` (its date may move: one date still has one entry). */
export const calendarUpdateInput = z.object({ date: isoDate, day: calendarDayInput }).strict();
export const calendarRemoveInput = z.object({ date: isoDate }).strict();

export const calendarDayRecord = z.object({
  /** The date again: the grid keys its rows by `id`. */
  id: z.string(),
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().nullable(),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.int().min(0).max(6),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type CalendarDayRecord = z.output<typeof calendarDayRecord>;

/** Calendar years that have entries, and whether next year's list is due (calendar.md: warn from December on). */
export const calendarYears = z.object({
  years: z.array(z.object({ year: z.int(), holidays: z.int().min(0), workdays: z.int().min(0) })),
  currentYear: z.int(),
  currentYearMissing: z.boolean(),
  nextYear: z.int(),
  nextYearMissing: z.boolean(),
});
export type CalendarYears = z.output<typeof calendarYears>;

/** An import file travels whole in the call: the calendar's list is a few dozen lines. */
export const CALENDAR_IMPORT_MAX_BYTES = 1024 * 1024;
export const CALENDAR_IMPORT_MAX_ROWS = 2000;
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

export const calendarImportInput = z
  .object({
    fileName: z.string('v.required').trim().min(1, 'v.required').max(200, 'v.tooLong'),
    /** The file's bytes, base64. The transport limit is generous; the handler reports a file over 1 MB. */
    contentBase64: z
      .string('v.required')
      .min(1, 'v.required')
      .max(2_000_000, 'v.tooLong')
      .regex(BASE64_RE, 'v.format'),
  })
  .strict();

/** Why one line of an import file cannot be taken (i18n keys under calendar.import.problems). */
export const CALENDAR_IMPORT_PROBLEMS = [
  'dateMissing',
  'badDate',
  'kindMissing',
  'unknownKind',
  'nameTooLong',
  'duplicateInFile',
  'conflict',
  'weekendHoliday',
  'weekdayWorkday',
] as const;
export type CalendarImportProblem = (typeof CALENDAR_IMPORT_PROBLEMS)[number];

export const calendarImportRow = z.object({
  /** The line in the file (1 = the header line of a .csv, the sheet's row number in an .xlsx). */
  line: z.int().min(1),
  /** What the file says, as text, so the preview shows the user's own spelling. */
  dateText: z.string(),
  kindText: z.string(),
  name: z.string().nullable(),
  /** Understood values, or null when the text could not be read. */
  date: z.string().nullable(),
  kind: z.enum(CALENDAR_DAY_KINDS).nullable(),
  /** new: will be added; same: already on the calendar exactly so (nothing to do); problem: see problems. */
  status: z.enum(['new', 'same', 'problem']),
  problems: z.array(
    z.object({
      key: z.enum(CALENDAR_IMPORT_PROBLEMS),
      params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    }),
  ),
});
export type CalendarImportRow = z.output<typeof calendarImportRow>;

export const calendarImportPreview = z.object({
  fileName: z.string(),
  rows: z.array(calendarImportRow),
  counts: z.object({ total: z.int(), new: z.int(), same: z.int(), problems: z.int() }),
});
export type CalendarImportPreview = z.output<typeof calendarImportPreview>;

export const calendarImportResult = z.object({
  created: z.int().min(0),
  same: z.int().min(0),
  years: z.array(z.int()),
});
