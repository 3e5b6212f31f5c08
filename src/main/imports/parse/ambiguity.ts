import { DATE_FORMATS, type DateFormat, type NumberConvention } from '../../../shared/contract/file-format';
import { parseDate } from './parse-date';
import { microsToPlainDecimal, parseAmount, type ParseAmountOptions } from './parse-number';

// Column-level decisions for the import wizard: from a sample of a column's cells,
// decide the number convention or date format when some value settles it, and
// otherwise say so with examples, so the wizard asks instead of guessing.

const MAX_EXAMPLES = 5;

export interface SampleIssue {
  text: string;
  message: string;
}

export type NumberConventionDecision =
  | { status: 'decided'; convention: NumberConvention; /** A value only this convention reads. */ evidence: string; invalid: SampleIssue[] }
  /** Values read differently by the two conventions and none that settles it: ask. */
  | { status: 'ambiguous'; examples: Array<{ text: string; dot: string; comma: string }>; invalid: SampleIssue[] }
  /** Every value reads the same either way (no separators): nothing to ask yet. */
  | { status: 'undecided'; invalid: SampleIssue[] }
  /** Some values only read with a decimal point, others only with a decimal comma. */
  | { status: 'conflicting'; dotEvidence: string; commaEvidence: string; invalid: SampleIssue[] };

export function decideNumberConvention(values: Iterable<string>, options: Omit<ParseAmountOptions, 'convention'> = {}): NumberConventionDecision {
  let dotEvidence: string | null = null;
  let commaEvidence: string | null = null;
  const examples: Array<{ text: string; dot: string; comma: string }> = [];
  const invalid: SampleIssue[] = [];
  for (const text of values) {
    if (text.trim() === '') continue;
    const result = parseAmount(text, { ...options, convention: 'auto' });
    if (result.ok) {
      if (result.convention === 'dot') dotEvidence ??= text;
      if (result.convention === 'comma') commaEvidence ??= text;
    } else if (result.ambiguous) {
      if (examples.length < MAX_EXAMPLES) examples.push({ text, dot: microsToPlainDecimal(result.readings.dot), comma: microsToPlainDecimal(result.readings.comma) });
    } else if (invalid.length < MAX_EXAMPLES) {
      invalid.push({ text, message: result.message });
    }
  }
  if (dotEvidence !== null && commaEvidence !== null) return { status: 'conflicting', dotEvidence, commaEvidence, invalid };
  if (dotEvidence !== null) return { status: 'decided', convention: 'dot', evidence: dotEvidence, invalid };
  if (commaEvidence !== null) return { status: 'decided', convention: 'comma', evidence: commaEvidence, invalid };
  if (examples.length > 0) return { status: 'ambiguous', examples, invalid };
  return { status: 'undecided', invalid };
}

export type DateFormatDecision =
  | { status: 'decided'; format: DateFormat }
  /** Several formats read every value, differently for some (or day/month order is open). */
  | { status: 'ambiguous'; formats: DateFormat[]; examples: Array<{ text: string; readings: Array<{ format: DateFormat; value: string }> }> }
  /** No format reads every value: `format` reads the most, `failures` are some it cannot. */
  | { status: 'none'; format: DateFormat | null; failures: SampleIssue[] };

export function decideDateFormat(values: Iterable<string>): DateFormatDecision {
  const sample = [...values].map((v) => v.trim()).filter((v) => v !== '');
  if (sample.length === 0) return { status: 'none', format: null, failures: [] };
  // A short number is not worth reading as a unix time (see parseDate's 'auto').
  const formats = DATE_FORMATS.filter((f) => f !== 'unix' || sample.every((v) => v.length >= 9));
  const readings = new Map<DateFormat, Array<string | null>>();
  for (const format of formats) {
    readings.set(
      format,
      sample.map((v) => {
        const r = parseDate(v, format);
        return r.ok ? r.value : null;
      }),
    );
  }
  const readsAll = formats.filter((f) => readings.get(f)!.every((v) => v !== null));
  if (readsAll.length === 0) {
    const best = [...formats].sort((a, b) => countRead(readings.get(b)!) - countRead(readings.get(a)!))[0];
    const bestReadings = readings.get(best)!;
    const readsAny = countRead(bestReadings) > 0;
    const failures = sample
      .filter((_, i) => bestReadings[i] === null)
      .slice(0, MAX_EXAMPLES)
      .map((text) => {
        const r = parseDate(text, readsAny ? best : 'auto');
        return { text, message: r.ok ? '' : r.message };
      });
    return { status: 'none', format: readsAny ? best : null, failures };
  }
  const differs = (i: number) => readsAll.some((f) => readings.get(f)![i] !== readings.get(readsAll[0])![i]);
  const dayMonthOpen = readsAll.includes('MM/DD/YYYY') && readsAll.includes('DD/MM/YYYY');
  const differing = sample.map((_, i) => i).filter(differs);
  if (!dayMonthOpen && differing.length === 0) return { status: 'decided', format: readsAll[0] };
  const shown = (differing.length > 0 ? differing : sample.map((_, i) => i)).slice(0, MAX_EXAMPLES);
  return {
    status: 'ambiguous',
    formats: readsAll,
    examples: shown.map((i) => ({ text: sample[i], readings: readsAll.map((format) => ({ format, value: readings.get(format)![i]! })) })),
  };
}

function countRead(values: Array<string | null>): number {
  return values.filter((v) => v !== null).length;
}
