// Dates are shown in UTC: periods are UTC calendar months, so a local time zone could put
// a revenue on a different day (or month) than the one it is counted in.

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short', // says "UTC" on screen, so nobody reads it as local time
});
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2025-02-04T20:17:00Z" -> "Feb 4, 2025, 8:17 PM UTC" (locale-dependent). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(isDateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (isDateOnly ? dateOnly : dateTime).format(date);
}
