const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, string>();
const DAY_CACHE_LIMIT = 100_000;

/**
 * The calendar day ('YYYY-MM-DD') of a stored UTC instant on `zone`'s clock: the date a
 * rule's effective dates are compared with. Offsets are whole minutes, so the answer is
 * cached per UTC minute, as periods are (src/main/time/zoned-time.ts).
 */
export function dayInZone(instant: string, zone: string): string {
  if (zone === 'UTC') return instant.slice(0, 10);
  const key = `${zone}|${instant.slice(0, 16)}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    let format = dayFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      dayFormats.set(zone, format);
    }
    const parts = format.formatToParts(Date.parse(instant));
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}
