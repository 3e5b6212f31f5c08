import { USAGE_FIELDS, type CycleUsage } from '../../statements/statement-lines';
import { problem } from './field-problem';
import { checkKnownFields, describe, readText, type RawRecord } from './field-readers';

export const USAGE_RECORD_FIELDS: ReadonlySet<string> = new Set(['cycle_start', 'org_id', ...USAGE_FIELDS]);

export type UsageCount = (typeof USAGE_FIELDS)[number];

/** A usage row: the cycle it is for and the counts it gives (undefined: not given). */
export interface UsageFields {
  cycle_start: string;
  /** The org the row names, when the file has an org column: it must be the import's. */
  org_id: string | undefined;
  counts: Partial<CycleUsage>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WHOLE = /^\d{1,16}$/;

/** The cycle's first day: a calendar day YYYY-MM-DD (the mapping turns a file's date format into it). */
function readCycleStart(raw: RawRecord): string {
  const text = readText(raw, 'cycle_start', 40);
  if (text === undefined || text === null) throw problem('cycle_start', 'is required: a usage row is for the billing cycle that starts on that day');
  const m = DAY.exec(text);
  if (!m) {
    const hint = /^\d{4}-\d{2}-\d{2}T/.test(text) ? ' (a day without a time of day: a cycle starts on a day)' : '';
    throw problem('cycle_start', `"${text}" is not a day YYYY-MM-DD${hint}`);
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last) throw problem('cycle_start', `"${text}" is not a day of the calendar`);
  return text;
}

/** A count: a whole number, never below zero (a file's "1,200" or "12.5" is refused, not guessed). */
export function readCount(raw: RawRecord, field: string): number | undefined {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (value === null) throw problem(field, 'cannot be cleared: send 0 for no use');
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else throw problem(field, `must be a whole number, not ${describe(value)}`);
  if (text === '') return undefined;
  if (/^-\s*\d/.test(text)) throw problem(field, `${text} is negative; usage counts are never below zero`);
  if (!WHOLE.test(text)) throw problem(field, `"${text}" is not a whole number (digits only: no decimals, signs or thousands separators)`);
  const n = Number(text);
  if (n > Number.MAX_SAFE_INTEGER) throw problem(field, `${text} is larger than the largest count a row can hold`);
  return n;
}

export function readUsageRecord(raw: RawRecord): UsageFields {
  checkKnownFields(raw, USAGE_RECORD_FIELDS, 'usage');
  const counts: Partial<CycleUsage> = {};
  const cycleStart = readCycleStart(raw);
  for (const field of USAGE_FIELDS) {
    const n = readCount(raw, field);
    if (n !== undefined) counts[field] = n;
  }
  return { cycle_start: cycleStart, org_id: readText(raw, 'org_id', 100) ?? undefined, counts };
}
