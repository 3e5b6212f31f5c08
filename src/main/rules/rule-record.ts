import { RULE_SCOPES, RULE_STATUSES, type RuleScope, type RuleStatus } from '../../shared/contract/rules';
import { decimalToMicros, MoneyError } from '../../shared/money';
import { percentageToWeight, weightToPercentage, WHOLE_PERCENT_WEIGHT } from '../../shared/percentage';
import { problem } from '../imports/records/field-problem';
import { checkKnownFields, describe, readChoice, readText, type RawRecord } from '../imports/records/field-readers';
import { MAX_EXTERNAL_ID } from '../imports/records/revenue-record';

// Reading one rules.batch record: every field checked on its own, so a bad record is
// refused naming the field ("splits.1.percentage"), before anything is looked up or written.

export const RULE_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'external_id',
  'name',
  'status',
  'scope',
  'product_external_id',
  'category',
  'tag',
  'effective_from',
  'effective_to',
  'splits',
]);
const SPLIT_FIELDS: ReadonlySet<string> = new Set(['payee_external_id', 'payee_id', 'percentage', 'fixed_amount']);
export const MAX_SPLITS = 100;

/** A share names its payee by external_id or, for a payee without one, by id (one of them). */
export interface SplitGiven {
  payeeExternalId: string | null;
  payeeId: number | null;
  /** Canonical text, e.g. "33.3333". */
  percentage: string;
  fixedMicros: number | null;
}

/** The fields a record gives (undefined: not given, keep the stored value). */
export interface RuleGiven {
  externalId: string | null;
  name?: string;
  status?: RuleStatus;
  scope?: RuleScope;
  productExternalId?: string | null;
  category?: string | null;
  tag?: string | null;
  effectiveFrom?: string;
  effectiveTo?: string | null;
  splits?: SplitGiven[];
}

export function readRuleRecord(raw: RawRecord): RuleGiven {
  checkKnownFields(raw, RULE_RECORD_FIELDS, 'rule');
  const given: RuleGiven = { externalId: readText(raw, 'external_id', MAX_EXTERNAL_ID) ?? null };
  const name = readText(raw, 'name', 200);
  if (name === null) throw problem('name', 'cannot be cleared');
  if (name !== undefined) given.name = name;
  const status = readChoice(raw, 'status', RULE_STATUSES);
  if (status === null) throw problem('status', 'cannot be cleared');
  if (status !== undefined) given.status = status;
  const scope = readChoice(raw, 'scope', RULE_SCOPES);
  if (scope === null) throw problem('scope', 'cannot be cleared');
  if (scope !== undefined) given.scope = scope;
  for (const [field, key] of [
    ['product_external_id', 'productExternalId'],
    ['category', 'category'],
    ['tag', 'tag'],
  ] as const) {
    const value = readText(raw, field, field === 'product_external_id' ? MAX_EXTERNAL_ID : 100);
    if (value !== undefined) given[key] = value;
  }
  const from = readDate(raw, 'effective_from');
  if (from === null) throw problem('effective_from', 'cannot be cleared; a rule starts on a day');
  if (from !== undefined) given.effectiveFrom = from;
  const to = readDate(raw, 'effective_to');
  if (to !== undefined) given.effectiveTo = to;
  if (raw.splits !== undefined) given.splits = readSplits(raw.splits);
  return given;
}

function readDate(raw: RawRecord, field: string): string | null | undefined {
  const text = readText(raw, field, 10);
  if (text === undefined || text === null) return text;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw problem(field, `"${text}" is not a date YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw problem(field, `"${text}" is not a day of the calendar`);
  return text;
}

function readSplits(value: unknown): SplitGiven[] {
  if (!Array.isArray(value)) throw problem('splits', `must be a list of {payee_external_id, percentage, fixed_amount?}, not ${describe(value)}`);
  if (value.length > MAX_SPLITS) throw problem('splits', `at most ${MAX_SPLITS} payees per rule`);
  const splits: SplitGiven[] = [];
  let total = 0n;
  const seen = new Map<string, number>();
  value.forEach((item, i) => {
    const at = `splits.${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw problem(at, `must be an object {payee_external_id, percentage}, not ${describe(item)}`);
    const split = item as RawRecord;
    for (const key in split) if (!SPLIT_FIELDS.has(key)) throw problem(`${at}.${key}`, `is not a field of a split (known: ${[...SPLIT_FIELDS].join(', ')})`);
    const payee = readText(split, 'payee_external_id', MAX_EXTERNAL_ID) ?? null;
    const payeeId = readPayeeId(split.payee_id, `${at}.payee_id`);
    if (payee === null && payeeId === null) throw problem(`${at}.payee_external_id`, 'is required: the payee this share goes to (or payee_id for a payee without one)');
    if (payee !== null && payeeId !== null) throw problem(`${at}.payee_id`, 'name the payee by payee_external_id or by payee_id, not both');
    const key = payee ?? `#${payeeId}`;
    if (seen.has(key)) throw problem(payee !== null ? `${at}.payee_external_id` : `${at}.payee_id`, `${payee !== null ? `"${payee}"` : `payee ${payeeId}`} already has a share in splits.${seen.get(key)}`);
    seen.set(key, i);
    const weight = readPercentage(split.percentage, `${at}.percentage`);
    total += weight;
    splits.push({ payeeExternalId: payee, payeeId, percentage: weightToPercentage(weight), fixedMicros: readFixed(split.fixed_amount, `${at}.fixed_amount`) });
  });
  if (total > WHOLE_PERCENT_WEIGHT) throw problem('splits', `the percentages add up to ${weightToPercentage(total)}; at most 100 can be shared out`);
  return splits;
}

function readPayeeId(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw problem(field, `must be a payee's id, a whole number 1 or more, not ${describe(value)}`);
  return value;
}

function readPercentage(value: unknown, field: string): bigint {
  if (value === undefined || value === null) throw problem(field, 'is required, a decimal string 0..100 such as "12.5"');
  if (typeof value !== 'string') throw problem(field, `send percentages as strings (e.g. "12.5"), not ${describe(value)}`);
  const text = value.trim();
  if (/^-/.test(text)) throw problem(field, `"${text}" is negative; a share is 0..100`);
  const weight = percentageToWeight(text);
  if (weight === null) throw problem(field, `"${text}" is not a percentage with at most 4 decimals (e.g. "33.3333")`);
  if (weight > WHOLE_PERCENT_WEIGHT) throw problem(field, `"${text}" is over 100`);
  return weight;
}

function readFixed(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw problem(field, `send amounts as decimal strings (e.g. "0.50"), not ${describe(value)}`);
  let micros: bigint;
  try {
    micros = decimalToMicros(value.trim());
  } catch (error) {
    throw problem(field, error instanceof MoneyError ? error.message : String(error));
  }
  if (micros < 0n) throw problem(field, `"${value}" is negative; a fixed amount per revenue is 0 or more`);
  if (micros > BigInt(Number.MAX_SAFE_INTEGER)) throw problem(field, `"${value}" is larger than the largest amount a row can hold`);
  return Number(micros);
}
