// Time-zone names come from the runtime's ICU data (the IANA database Node, Chromium and
// Electron ship), not from a list kept here.

const canonical = new Map<string, string | null>();

/**
 * The IANA name the runtime knows a zone by ("america/los_angeles" -> "America/Los_Angeles",
 * "Etc/UTC" -> "UTC"), or null for a name that is no zone ("PST8PDX").
 */
export function canonicalTimeZone(name: string): string | null {
  let result = canonical.get(name);
  if (result === undefined) {
    try {
      result = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) ? new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone : null;
    } catch {
      result = null; // RangeError: not a zone ICU knows
    }
    canonical.set(name, result);
  }
  return result;
}

export const DEFAULT_TIME_ZONE = 'UTC';
