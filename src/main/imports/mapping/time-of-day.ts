import { wallTimeToInstant, zoneOfCell, ZONE_CELL_HELP, type WallTime } from '../../time/zoned-time';
import { ReadFailure } from './read-failure';

/** A cell of the date, time or zone column that cannot be read, naming which. */
export class TimeFailure extends ReadFailure {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

// Exports that write a date, a time and a zone in three columns (Date, Time, TimeZone):
// the three make one instant. A time with no zone stays a wall-clock time
// ('YYYY-MM-DDTHH:MM:SS', no Z) that the records layer reads on the org's clock.

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([AaPp])\.?[Mm]\.?)?$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/** '13:57:10', '1:57 PM', '09:12' -> hours, minutes, seconds; or why not. */
export function readTimeOfDay(text: string, column: string): Pick<WallTime, 'hour' | 'minute' | 'second'> | TimeFailure {
  const m = TIME.exec(text.trim());
  if (!m) return new TimeFailure(column, `${column}: ${JSON.stringify(text.trim())} is not a time of day (13:57:10, 13:57 or 1:57:10 PM)`);
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4] !== undefined) {
    if (hour < 1 || hour > 12) return new TimeFailure(column, `${column}: ${JSON.stringify(text.trim())} has hour ${hour}, which a 12-hour clock does not show`);
    hour = (hour % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return new TimeFailure(column, `${column}: ${JSON.stringify(text.trim())} is not a real time of day`);
  return { hour, minute, second };
}

export interface TimeCells {
  /** The date cell as the date reader gave it: 'YYYY-MM-DD', a wall-clock 'YYYY-MM-DDTHH:MM:SS', or a UTC instant ending in Z. */
  date: string;
  dateColumn: string;
  time: { text: string; column: string } | null;
  zone: { text: string; column: string } | null;
  /** The mapping's zone for rows without one. */
  fixedZone: string | null;
}

/** The row's occurred_at: a UTC instant when a zone is known, else a wall-clock time (or the date alone). */
export function combineDateAndTime(cells: TimeCells): string | TimeFailure {
  const { date, time, zone, fixedZone } = cells;
  if (date.endsWith('Z')) {
    if (time !== null && time.text.trim() !== '') return new TimeFailure(cells.dateColumn, `${cells.dateColumn}: ${JSON.stringify(date)} already carries a time and zone; ${time.column} cannot add another`);
    return date;
  }
  const m = LOCAL.exec(date);
  if (!m) return date; // the records layer names what is wrong with it
  const wall: WallTime = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 };
  let hasTime = m[4] !== undefined;
  if (hasTime) Object.assign(wall, { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) });
  if (time !== null && time.text.trim() !== '') {
    if (hasTime) return new TimeFailure(cells.dateColumn, `${cells.dateColumn}: ${JSON.stringify(date)} already carries a time; ${time.column} cannot add another`);
    const read = readTimeOfDay(time.text, time.column);
    if (read instanceof TimeFailure) return read;
    Object.assign(wall, read);
    hasTime = true;
  }
  let zoneName = fixedZone;
  if (zone !== null && zone.text.trim() !== '') {
    zoneName = zoneOfCell(zone.text);
    if (zoneName === null) return new TimeFailure(zone.column, `${zone.column}: ${JSON.stringify(zone.text.trim())} is not a time zone: write ${ZONE_CELL_HELP}`);
  }
  if (zoneName !== null) return wallTimeToInstant(wall, zoneName);
  if (!hasTime) return date;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}
