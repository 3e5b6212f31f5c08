import { describe, expect, it } from 'vitest';
import { instantToWallText, wallHoursInZone } from '../../../src/main/time/zoned-time';

// wallHoursInZone lists the UTC hours an export reads in SQL (export/wall-time-sql.ts): the
// wall-clock hour and the offset's minutes. Reading each minute of each listed hour from it
// must give what instantToWallText gives; an hour holding a clock change is not listed.

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Tokyo'];

/** What the export's SQL writes for UTC minute `mm` of a listed hour, seconds `ss`. */
function fromListing(h: { wallHour: string; shift: number; nextWallHour: string }, mm: number, ss: string): string {
  const minute = mm + h.shift;
  return minute < 60 ? `${h.wallHour}:${String(minute).padStart(2, '0')}:${ss}` : `${h.nextWallHour}:${String(minute - 60).padStart(2, '0')}:${ss}`;
}

describe('wallHoursInZone', () => {
  it.each(ZONES)('every minute of every listed hour of 2026 reads as instantToWallText reads it (%s)', (zone) => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    const hours = wallHoursInZone(zone, from, to);
    const listed = new Set(hours.map((h) => h.utcHour));
    // Every hour of the year is listed but those with a change inside (at most 2 a year here, Lord Howe's half hour included).
    expect(hours.length).toBeGreaterThanOrEqual(365 * 24 - 2);
    expect(hours.length).toBeLessThanOrEqual(365 * 24);
    for (const h of hours) {
      for (const mm of [0, 14, 15, 29, 30, 45, 59]) {
        const instant = `${h.utcHour}:${String(mm).padStart(2, '0')}:07Z`;
        expect(fromListing(h, mm, '07'), `${zone} ${instant}`).toBe(instantToWallText(instant, zone));
      }
    }
    // An hour left out is one whose first and last minute read different offsets.
    for (let ms = from; ms < to; ms += 3_600_000) {
      const hour = new Date(ms).toISOString().slice(0, 13);
      if (listed.has(hour)) continue;
      const first = instantToWallText(`${hour}:00:00Z`, zone);
      const last = instantToWallText(`${hour}:59:00Z`, zone);
      expect(Date.parse(`${last.replace(' ', 'T')}Z`) - Date.parse(`${first.replace(' ', 'T')}Z`), `${zone} ${hour}`).not.toBe(59 * 60_000);
    }
  });
});
