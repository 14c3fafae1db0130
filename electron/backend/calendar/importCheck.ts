import { addDays, isValidIsoDate, type IsoDate } from '@shared/dates';
import type { CalendarDayKind } from '@shared/workingDays';
import type {
  CalendarImportPreview,
  CalendarImportProblem,
  CalendarImportRow,
} from '@shared/schemas/calendar';
import type { RawCalendarLine } from './importFile';
import { kindMismatch } from './rules';

/** The words office lists use for the two kinds (the official notice says 放假 and 上班; Excel lists say 休 and 班). */
const KIND_WORDS: Record<string, CalendarDayKind> = {
  法定节假日: 'holiday',
  节假日: 'holiday',
  假日: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  holiday: 'holiday',
  调休上班: 'workday',
  上班: 'workday',
  补班: 'workday',
  班: 'workday',
  workday: 'workday',
};

export function parseKind(text: string): CalendarDayKind | null {
  return KIND_WORDS[text.replace(/[\s\u3000]/g, '').toLowerCase()] ?? null;
}

const pad = (n: string) => n.padStart(2, '0');

/** Excel keeps a date as days since 1899-12-30 when the cell lost its date format. */
const EXCEL_EPOCH = '1899-12-30';

/**
 * A date as people type it in a list: 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日, 20261001, or an Excel
 * day number. Null when it is none of these or no such day exists (2026-02-30).
 */
export function parseImportDate(text: string): IsoDate | null {
  const t = text.trim();
  const parts =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (parts) {
    const iso = `${parts[1]}-${pad(parts[2]!)}-${pad(parts[3]!)}`;
    return isValidIsoDate(iso) ? iso : null;
  }
  if (/^\d{5}$/.test(t)) return addDays(EXCEL_EPOCH, Number(t));
  return null;
}

export const IMPORT_NAME_MAX = 40;

export interface ExistingDay {
  kind: CalendarDayKind;
  name: string | null;
}

/**
 * What importing these lines would do, line by line: every problem of every line, so the admin fixes the file
 * once. Nothing here writes; the import itself runs the same check inside its transaction.
 */
export function checkImport(
  fileName: string,
  lines: RawCalendarLine[],
  existing: ReadonlyMap<IsoDate, ExistingDay>,
): CalendarImportPreview {
  const firstLineOf = new Map<IsoDate, number>();
  const rows = lines.map((raw): CalendarImportRow => {
    const problems: { key: CalendarImportProblem; params: Record<string, string | number> }[] = [];
    const problem = (key: CalendarImportProblem, params: Record<string, string | number> = {}) =>
      problems.push({ key, params });
    const date = raw.date === '' ? null : parseImportDate(raw.date);
    const kind = raw.kind === '' ? null : parseKind(raw.kind);
    const name = raw.name.trim() === '' ? null : raw.name.trim();

    if (raw.date === '') problem('dateMissing');
    else if (!date) problem('badDate', { text: raw.date });
    if (raw.kind === '') problem('kindMissing');
    else if (!kind) problem('unknownKind', { text: raw.kind });
    if (name && name.length > IMPORT_NAME_MAX) problem('nameTooLong', { max: IMPORT_NAME_MAX });

    let same = false;
    if (date) {
      const first = firstLineOf.get(date);
      if (first !== undefined) problem('duplicateInFile', { line: first });
      else firstLineOf.set(date, raw.line);
      if (kind) {
        const mismatch = kindMismatch(date, kind);
        if (mismatch) problem(mismatch);
      }
      const current = existing.get(date);
      if (current && kind) {
        if (current.kind === kind && current.name === name) same = true;
        else problem('conflict', { existingKind: current.kind, existingName: current.name ?? '' });
      }
    }
    return {
      line: raw.line,
      dateText: raw.date,
      kindText: raw.kind,
      name,
      date,
      kind,
      status: problems.length ? 'problem' : same ? 'same' : 'new',
      problems,
    };
  });
  return {
    fileName,
    rows,
    counts: {
      total: rows.length,
      new: rows.filter((r) => r.status === 'new').length,
      same: rows.filter((r) => r.status === 'same').length,
      problems: rows.filter((r) => r.status === 'problem').length,
    },
  };
}
