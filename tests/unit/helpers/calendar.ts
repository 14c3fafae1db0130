import { addDays, type IsoDate } from '@shared/dates';

let weekdays = 0;
let saturdays = 0;

/** A Monday–Friday date no earlier call returned (from 2031-01-06, a Monday), for entries that must not collide. */
export function freshWeekday(): IsoDate {
  const k = weekdays++;
  return addDays('2031-01-06', 7 * Math.floor(k / 5) + (k % 5));
}

/** A Saturday no earlier call returned (from 2041-01-05), for make-up working days. */
export function freshSaturday(): IsoDate {
  return addDays('2041-01-05', 7 * saturdays++);
}

/** A calendar import file as the renderer sends it. */
export function csvFile(
  lines: string[],
  fileName = '节假日.csv',
): { fileName: string; contentBase64: string } {
  return { fileName, contentBase64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64') };
}
