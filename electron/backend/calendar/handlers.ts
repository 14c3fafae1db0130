import { AppError } from '@shared/errors';
import { localDate, type IsoDate } from '@shared/dates';
import type { CalendarDayInput } from '@shared/schemas/calendar';
import type { CalendarDayKind } from '@shared/workingDays';
import { handlers } from '../registry';
import { gridPage } from '../grid/page';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import type { WriteContext } from '../handlers';
import { calendarGrid, loadCalendarDay, yearFilter } from './grid';
import { checkImport, type ExistingDay } from './importCheck';
import { decodeBase64, readCalendarFile } from './importFile';
import { kindMismatch } from './rules';
import { calendarYears } from './years';

/** Refuses an entry that would change nothing (a weekday as 调休上班, a weekend day as a holiday). */
function checkMeaningful(day: CalendarDayInput, path: string): void {
  const mismatch = kindMismatch(day.date, day.kind);
  if (mismatch) {
    const key = `calendar.errors.${mismatch}`;
    throw new AppError('VALIDATION', key, {
      params: { date: day.date },
      issues: [{ path: `${path}.kind`, key, params: { date: day.date } }],
    });
  }
}

async function checkDateFree(tx: Tx, date: IsoDate, path: string): Promise<void> {
  const hit = await tx.get<{ date: string }>('SELECT date FROM calendar_days WHERE date = ?', [date]);
  if (hit) {
    const key = 'calendar.errors.dateTaken';
    throw new AppError('CONFLICT', key, {
      params: { date },
      issues: [{ path: `${path}.date`, key, params: { date } }],
    });
  }
}

async function existingDays(db: Reader | Tx): Promise<Map<IsoDate, ExistingDay>> {
  const rows = await db.all<{ date: string; kind: CalendarDayKind; name: string | null }>(
    'SELECT date, kind, name FROM calendar_days',
  );
  return new Map(rows.map((r) => [r.date, { kind: r.kind, name: r.name }]));
}

const changed = (ctx: WriteContext) =>
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'calendarDay' }));

export const calendarHandlers = handlers({
  'calendar.query': async (input, ctx) => gridPage(ctx.db, calendarGrid, input, yearFilter(input.year)),

  'calendar.years': async (_input, ctx) => calendarYears(ctx.db, localDate(ctx.clock.now())),

  'calendar.create': async (input, ctx) => {
    const day = input.day;
    checkMeaningful(day, 'day');
    await checkDateFree(ctx.tx, day.date, 'day');
    const now = ctx.clock.now().toISOString();
    await ctx.tx.run(
      'INSERT INTO calendar_days (date, kind, name, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [day.date, day.kind, day.name, now, now, ctx.session.userId, ctx.session.userId],
    );
    await ctx.audit({ action: 'create', entity: 'calendarDay', entityId: day.date, summary: { after: day } });
    changed(ctx);
    return (await loadCalendarDay(ctx.tx, day.date))!;
  },

  'calendar.update': async (input, ctx) => {
    const before = await loadCalendarDay(ctx.tx, input.date);
    if (!before)
      throw new AppError('NOT_FOUND', 'calendar.errors.notFound', { params: { date: input.date } });
    const day = input.day;
    if (day.date === before.date && day.kind === before.kind && day.name === before.name) return before;
    checkMeaningful(day, 'day');
    if (day.date !== before.date) await checkDateFree(ctx.tx, day.date, 'day');
    await ctx.tx.run(
      'UPDATE calendar_days SET date = ?, kind = ?, name = ?, updated_at = ?, updated_by = ? WHERE date = ?',
      [day.date, day.kind, day.name, ctx.clock.now().toISOString(), ctx.session.userId, input.date],
    );
    await ctx.audit({
      action: 'update',
      entity: 'calendarDay',
      entityId: day.date,
      summary: { before: { date: before.date, kind: before.kind, name: before.name }, after: day },
    });
    changed(ctx);
    return (await loadCalendarDay(ctx.tx, day.date))!;
  },

  'calendar.remove': async (input, ctx) => {
    const before = await loadCalendarDay(ctx.tx, input.date);
    if (!before)
      throw new AppError('NOT_FOUND', 'calendar.errors.notFound', { params: { date: input.date } });
    await ctx.tx.run('DELETE FROM calendar_days WHERE date = ?', [input.date]);
    await ctx.audit({
      action: 'remove',
      entity: 'calendarDay',
      entityId: input.date,
      summary: { before: { date: before.date, kind: before.kind, name: before.name } },
    });
    changed(ctx);
    return { ok: true as const };
  },

  'calendar.importPreview': async (input, ctx) => {
    const lines = await readCalendarFile(input.fileName, decodeBase64(input.contentBase64));
    return checkImport(input.fileName, lines, await existingDays(ctx.db));
  },

  'calendar.import': async (input, ctx) => {
    const lines = await readCalendarFile(input.fileName, decodeBase64(input.contentBase64));
    // Checked again inside the transaction: the calendar may have changed since the preview.
    const preview = checkImport(input.fileName, lines, await existingDays(ctx.tx));
    if (preview.counts.problems > 0) {
      throw new AppError('VALIDATION', 'calendar.errors.importHasProblems', {
        params: { count: preview.counts.problems },
        problems: preview.rows
          .filter((r) => r.status === 'problem')
          .map((r) => ({ line: r.line, problems: r.problems })),
      });
    }
    const added = preview.rows.filter((r) => r.status === 'new');
    const now = ctx.clock.now().toISOString();
    for (const row of added) {
      await ctx.tx.run(
        'INSERT INTO calendar_days (date, kind, name, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [row.date, row.kind, row.name, now, now, ctx.session.userId, ctx.session.userId],
      );
    }
    const years = [...new Set(added.map((r) => Number(r.date!.slice(0, 4))))].sort();
    if (added.length > 0) {
      await ctx.audit({
        action: 'import',
        entity: 'calendarDay',
        entityId: null,
        summary: {
          fileName: input.fileName,
          created: added.map((r) => ({ date: r.date, kind: r.kind, name: r.name })),
        },
      });
      changed(ctx);
    }
    return { created: added.length, same: preview.counts.same, years };
  },
});
