import type { Database } from '../db/driver';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone';
import { instantToWallText, wallHoursInZone } from '../time/zoned-time';
import { sqlLiteral } from './csv-sql';

// instantToWallText in SQL, for exports that build their lines in SQLite. The zone's rules
// stay in JS: wallHoursInZone lists the UTC hours of the export's months with their
// wall-clock hours, and SQLite joins each instant to its hour and adds the minutes and
// seconds. An instant in an hour not listed (a clock change inside it, or outside the
// months) is read by instantToWallText itself through a registered SQL function.

export const WALL_TEXT_FUNCTION = 'closebook_wall_text';
const TABLE = 'closebook_export_wall_hours';

const registered = new WeakSet<Database.Database>();

function registerWallFunction(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function(WALL_TEXT_FUNCTION, { deterministic: true }, (instant: unknown, zone: unknown) => instantToWallText(String(instant), String(zone)));
  registered.add(db);
}

export interface WallTimeSql {
  /** LEFT JOIN of the hours table to put after the instant's table ('' for UTC). */
  join: string;
  /** The cell: the instant as 'YYYY-MM-DD HH:MM:SS' on the zone's clock. */
  cell: string;
  /** Drops the temporary table. */
  drop(): void;
}

/**
 * The wall-clock text of `instant` (an SQL expression of a stored UTC instant) in `zone`,
 * with the hours of the spans [fromMs, toMs) listed (spans that do not overlap). The table is made with CREATE TABLE ... AS,
 * which SQLite does not count as a change (total_changes), so the grid's kept counts and
 * orders (grid/view-memo.ts) outlive an export.
 */
export function wallTimeSql(db: Database.Database, instant: string, zone: string, spans: ReadonlyArray<readonly [number, number]>): WallTimeSql {
  registerWallFunction(db);
  const fallback = `${WALL_TEXT_FUNCTION}(${instant}, ${sqlLiteral(zone)})`;
  if (zone === DEFAULT_TIME_ZONE) {
    // instantToWallText's own slicing for UTC: date, hour and minute, then the seconds or '00'.
    const seconds = `coalesce(nullif(substr(${instant}, 18, 2), ''), '00')`;
    return { join: '', cell: `substr(${instant}, 1, 10) || ' ' || substr(${instant}, 12, 5) || ':' || ${seconds}`, drop: () => {} };
  }
  const hours = spans.flatMap(([from, to]) => wallHoursInZone(zone, from, to)).map((h) => [h.utcHour, h.wallHour, h.shift, h.nextWallHour]);
  db.exec(`DROP TABLE IF EXISTS temp.${TABLE}`);
  db.prepare(`CREATE TEMP TABLE ${TABLE} AS SELECT value ->> 0 AS hour, value ->> 1 AS wall, value ->> 2 AS shift, value ->> 3 AS next_wall FROM json_each(?)`).run(JSON.stringify(hours));
  db.exec(`CREATE UNIQUE INDEX temp.${TABLE}_hour ON ${TABLE} (hour, shift, wall, next_wall)`);
  const minute = `substr(${instant}, 15, 2) + wh.shift`;
  const cell =
    `CASE WHEN wh.shift = 0 THEN wh.wall || substr(${instant}, 14, 6) ` +
    `WHEN wh.shift > 0 THEN (CASE WHEN ${minute} < 60 THEN wh.wall || ':' || substr(${minute} + 100, 2) ELSE wh.next_wall || ':' || substr(${minute} + 40, 2) END) || substr(${instant}, 17, 3) ` +
    `ELSE ${fallback} END`;
  return {
    join: `LEFT JOIN temp.${TABLE} wh ON wh.hour = substr(${instant}, 1, 13)`,
    cell,
    drop: () => db.exec(`DROP TABLE IF EXISTS temp.${TABLE}`),
  };
}
