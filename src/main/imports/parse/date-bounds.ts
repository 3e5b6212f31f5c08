// The years a date may have, wherever one is read: a file's cells (parse-date) and the
// records written from files and the API (records/date-readers). Outside them a date is
// far more likely a wrong format or a typo (a two-digit year, milliseconds, 2206 for 2026)
// than a real transaction, so both layers refuse it with the same words.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export function isYearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** "the year 2300 is outside 1900–2199", for a message that names the value before it. */
export function yearOutOfRange(year: number | string): string {
  return `the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
}
