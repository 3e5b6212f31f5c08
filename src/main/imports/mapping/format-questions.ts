import type { NumberConvention } from '../../../shared/contract/file-format';
import type { ImportQuestion } from '../../../shared/contract/import-files';
import { ApiFailure } from '../../api/failure';
import { microsToPlainDecimal, parseAmount, parseDate } from '../parse';
import { CONVENTION_NAMES, type AmountReader } from './amount-reader';
import type { DateReader } from './date-reader';
import type { Ambiguity } from './read-failure';

// What the sample leaves open, as questions with every reading, and the refusal an
// import gives instead of picking a reading itself.

const CONVENTION_LABELS: Record<NumberConvention, string> = { dot: 'Decimal point (1,234.56)', comma: 'Decimal comma (1.234,56)' };
const SLASHED_FORMATS = ['MM/DD/YYYY', 'DD/MM/YYYY'] as const;

export function numberQuestion(amounts: AmountReader): ImportQuestion | null {
  if (amounts.fixed) return null;
  const { dot, comma } = amounts.evidence;
  if (dot && comma) {
    const texts = [dot.text, comma.text];
    return {
      kind: 'number_convention',
      column: dot.column,
      message: `The amounts mix number formats: ${JSON.stringify(dot.text)} (${dot.column}) reads only with a decimal point, ${JSON.stringify(comma.text)} (${comma.column}) only with a decimal comma. Which one does the file use?`,
      choices: (['dot', 'comma'] as const).map((c) => ({ value: c, label: CONVENTION_LABELS[c], examples: texts.map((t) => `${t} → ${amountUnder(t, c)}`) })),
    };
  }
  if (amounts.convention !== null || amounts.ambiguous.length === 0) return null;
  const first = amounts.ambiguous[0];
  const columns = [...new Set(amounts.ambiguous.map((a) => a.column))];
  return {
    kind: 'number_convention',
    column: first.column,
    message: `${columns.map((c) => JSON.stringify(c)).join(', ')}: ${JSON.stringify(first.text)} reads as ${first.dot} with a decimal point or ${first.comma} with a decimal comma, and no value in the first rows settles it. Which does the file use?`,
    choices: [
      { value: 'dot', label: CONVENTION_LABELS.dot, examples: amounts.ambiguous.map((a) => `${a.text} → ${a.dot}`) },
      { value: 'comma', label: CONVENTION_LABELS.comma, examples: amounts.ambiguous.map((a) => `${a.text} → ${a.comma}`) },
    ],
  };
}

export function dateQuestion(dates: DateReader): ImportQuestion | null {
  if (dates.fixed) return null;
  const mmdd = dates.evidence['MM/DD/YYYY'];
  const ddmm = dates.evidence['DD/MM/YYYY'];
  if (mmdd && ddmm) {
    return {
      kind: 'date_format',
      column: mmdd.column,
      message: `The dates mix day/month orders: ${JSON.stringify(mmdd.text)} reads only as MM/DD/YYYY, ${JSON.stringify(ddmm.text)} only as DD/MM/YYYY. Which does the file use?`,
      choices: SLASHED_FORMATS.map((f) => ({ value: f, label: f, examples: [mmdd.text, ddmm.text].map((t) => `${t} → ${dateUnder(t, f)}`) })),
    };
  }
  if (dates.order !== null || dates.ambiguous.length === 0) return null;
  const first = dates.ambiguous[0];
  const formats = [...new Set(dates.ambiguous.flatMap((a) => a.readings.map((r) => r.format)))];
  return {
    kind: 'date_format',
    column: first.column,
    message: `${JSON.stringify(first.column)}: ${JSON.stringify(first.text)} could be ${first.readings.map((r) => `${r.value} (${r.format})`).join(' or ')}, and no date in the first rows settles it. Which format does the file use?`,
    choices: formats.map((f) => ({ value: f, label: f, examples: dates.ambiguous.map((a) => `${a.text} → ${a.readings.find((r) => r.format === f)?.value ?? 'not a date'}`) })),
  };
}

function amountUnder(text: string, convention: NumberConvention): string {
  const result = parseAmount(text, { convention });
  return result.ok ? microsToPlainDecimal(result.micros) : 'not a number';
}

function dateUnder(text: string, format: (typeof SLASHED_FORMATS)[number]): string {
  const result = parseDate(text, format);
  return result.ok ? result.value : 'not a date';
}

const HOW_TO_DECIDE = {
  number_convention: 'Choose the number format (mapping.numberConvention "dot" or "comma", or a profile that sets it)',
  date_format: 'Choose the date format (mapping.dateFormat, or a profile that sets it)',
};

/** The refusal of an import whose file reads two ways where the mapping says 'auto'. Nothing is written. */
export function undecidedFormat(questions: ImportQuestion[]): ApiFailure {
  // The wizard's question, stated: "Which does the file use?" is for the wizard.
  const stated = questions.map((q) => `${q.message.replace(/ Which [^?]*\?$/, '')} ${HOW_TO_DECIDE[q.kind as keyof typeof HOW_TO_DECIDE]}.`);
  return new ApiFailure('validation_error', 'ambiguous_format', `${stated.join(' ')} Nothing was imported.`, {
    issues: questions.map((q) => ({ field: q.kind === 'number_convention' ? 'mapping.numberConvention' : 'mapping.dateFormat', message: q.message })),
    questions,
  });
}

/** A cell met mid-file that reads two ways before any value decided the format. */
export function undecidedCell(ambiguity: Ambiguity, rowNumber: number): ApiFailure {
  const readings =
    ambiguity.kind === 'number_convention'
      ? ambiguity.readings.map((r) => `${r.reading} with ${CONVENTION_NAMES[r.value as NumberConvention]}`)
      : ambiguity.readings.map((r) => `${r.reading} (${r.value})`);
  const question: ImportQuestion = {
    kind: ambiguity.kind,
    column: ambiguity.column,
    message: `Row ${rowNumber}, column ${JSON.stringify(ambiguity.column)}: ${JSON.stringify(ambiguity.text)} reads as ${readings.join(' or ')}, and nothing before it settles which.`,
    choices: ambiguity.readings.map((r) => ({
      value: r.value,
      label: ambiguity.kind === 'number_convention' ? CONVENTION_LABELS[r.value as NumberConvention] : r.value,
      examples: [`${ambiguity.text} → ${r.reading}`],
    })),
  };
  return undecidedFormat([question]);
}
