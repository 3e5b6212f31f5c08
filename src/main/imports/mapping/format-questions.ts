import type { NumberConvention } from '../../../shared/contract/file-format';
import type { ImportQuestion } from '../../../shared/contract/import-files';
import { ApiFailure } from '../../api/failure';
import { microsToPlainDecimal, parseAmount, parseDate, type EncodingDetection, type EncodingExample } from '../parse';
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

const WINDOWS_1252_LABEL = 'Windows-1252 (Western European, as Excel on Windows saves CSV)';
/** Room for a cell in a choice's example: enough to recognize the text around its first accent. */
const EXAMPLE_CHARS = 40;

/**
 * Asked when the encoding was detected by falling back to Windows-1252 (the first bytes
 * are not valid UTF-8): never for a BOM, a choice, plain ASCII or valid UTF-8. Each
 * choice shows the file's own cells as that encoding reads them.
 * @param header the header names, to name the examples' columns
 */
export function encodingQuestion(detection: EncodingDetection, examples: EncodingExample[], header: readonly string[]): ImportQuestion | null {
  if (detection.source !== 'detected' || detection.encoding !== 'windows-1252') return null;
  const where = (e: EncodingExample) =>
    e.rowNumber === 1 ? `the header, column ${e.column}` : `row ${e.rowNumber}, ${header[e.column - 1] ? JSON.stringify(header[e.column - 1]) : `column ${e.column}`}`;
  const invalid = examples.find((e) => e.utf8 === null);
  const valid = examples.find((e) => e.utf8 !== null);
  const quote = (text: string) => `“${clip(text)}”`;
  let message: string;
  if (invalid && valid) {
    message =
      `The file mixes encodings: ${quote(valid.utf8!)} (${where(valid)}) is valid UTF-8, but ${quote(invalid.windows1252)} (${where(invalid)}) is not. ` +
      `As Windows-1252 every byte reads, but ${quote(valid.utf8!)} becomes ${quote(valid.windows1252)}; as UTF-8 the file cannot be read past row ${invalid.rowNumber}. ` +
      'Fixing the file and saving it as UTF-8 is safest. Which encoding was it saved in?';
  } else if (invalid) {
    message = `The text in ${where(invalid)} is not valid UTF-8, so the file was read as Windows-1252 (Latin-1), where it says ${quote(invalid.windows1252)}. Check both readings against what the file should say. Which encoding was it saved in?`;
  } else {
    message = `The file is not valid UTF-8 (${detection.reason}). Which encoding was it saved in?`;
  }
  // UTF-8 is offered even when it cannot read the file: the user may know better, and then learns which row is broken.
  const utf8Label = invalid ? `UTF-8 (the import would stop at row ${invalid.rowNumber}, which is not valid UTF-8)` : 'UTF-8';
  return {
    kind: 'encoding',
    column: null,
    message,
    choices: [
      { value: 'windows-1252', label: WINDOWS_1252_LABEL, examples: examples.map((e) => `${where(e)}: ${clip(e.windows1252)}`) },
      { value: 'utf-8', label: utf8Label, examples: examples.map((e) => `${where(e)}: ${e.utf8 === null ? `${clip(e.utf8Shown)} (not UTF-8)` : clip(e.utf8)}`) },
    ],
  };
}

/** At most EXAMPLE_CHARS characters, starting a little before the first non-ASCII one. */
function clip(text: string): string {
  const accent = text.search(/[^\x00-\x7F]/);
  const start = accent > EXAMPLE_CHARS / 2 ? accent - 10 : 0;
  const end = start + EXAMPLE_CHARS;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function amountUnder(text: string, convention: NumberConvention): string {
  const result = parseAmount(text, { convention });
  return result.ok ? microsToPlainDecimal(result.micros) : 'not a number';
}

function dateUnder(text: string, format: (typeof SLASHED_FORMATS)[number]): string {
  const result = parseDate(text, format);
  return result.ok ? result.value : 'not a date';
}

const HOW_TO_DECIDE: Record<ImportQuestion['kind'], { field: string; how: string }> = {
  number_convention: { field: 'mapping.numberConvention', how: 'Choose the number format (mapping.numberConvention "dot" or "comma", or a profile that sets it)' },
  date_format: { field: 'mapping.dateFormat', how: 'Choose the date format (mapping.dateFormat, or a profile that sets it)' },
  encoding: { field: 'mapping.encoding', how: 'Choose the encoding (mapping.encoding "windows-1252" or "utf-8", or a profile that sets it)' },
  delimiter: { field: 'mapping.delimiter', how: 'Choose the delimiter (mapping.delimiter, or a profile that sets it)' },
};

/** The refusal of an import whose file reads two ways where the mapping says 'auto'. Nothing is written. */
export function undecidedFormat(questions: ImportQuestion[]): ApiFailure {
  // The wizard's question, stated: "Which does the file use?" is for the wizard.
  const stated = questions.map((q) => `${q.message.replace(/ Which [^?]*\?$/, '')} ${HOW_TO_DECIDE[q.kind].how}.`);
  return new ApiFailure('validation_error', 'ambiguous_format', `${stated.join(' ')} Nothing was imported.`, {
    issues: questions.map((q) => ({ field: HOW_TO_DECIDE[q.kind].field, message: q.message })),
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
