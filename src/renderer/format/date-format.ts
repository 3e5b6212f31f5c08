// Dates are shown on the org's clock (its time zone; UTC unless set): periods are months
// on that clock, so any other zone could show a revenue on a different day (or month)
// than the one it is counted in. The zone's name is shown, so nobody reads it as local time.

const dateTimes = new Map<string, Intl.DateTimeFormat>();
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimes.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
    } catch {
      return dateTimeFormat('UTC'); // a zone this browser does not know
    }
    dateTimes.set(timeZone, format);
  }
  return format;
}

/** "2025-02-04T20:17:00Z" -> "Feb 4, 2025, 8:17 PM UTC" (locale-dependent); on another clock "…, 12:17 PM PST". */
export function formatDateTime(iso: string | null | undefined, timeZone = 'UTC'): string {
  if (!iso) return '';
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(isDateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return isDateOnly ? dateOnly.format(date) : dateTimeFormat(timeZone).format(date);
}
