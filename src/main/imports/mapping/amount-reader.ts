import type { AmountUnit, NumberConvention } from '../../../shared/contract/file-format';
import type { Mapping } from '../../../shared/contract/import-files';
import { decimalToMicros } from '../../../shared/money';
import { microsToPlainDecimal, parseAmount, type ParseAmountOptions } from '../parse';
import { readFailure, type ReadFailure } from './read-failure';

/** An amount as the records layer takes it: a plain decimal string, or exact micro-units. */
export type AmountValue = string | bigint;

// Forms every convention reads alike and readMicros takes as they are: no BigInt, no copy.
const DIGITS_ONLY = /^-?\d{1,15}$/;
const PLAIN_DOT = /^-?\d{1,15}\.\d{1,6}$/;
// No digit grouping has other than three digits after a mark: "12.50" is a decimal point.
const DOT_ONLY = /^-?\d{1,15}\.(?:\d{1,2}|\d{4,6})$/;
const CONVENTION_NAMES: Record<NumberConvention, string> = { dot: 'a decimal point (1,234.56)', comma: 'a decimal comma (1.234,56)' };

export interface AmountEvidence {
  text: string;
  column: string;
}

/**
 * Reads every amount cell of one file under one number convention. With the mapping's
 * convention 'auto', the first value only one convention reads decides it for the whole
 * file; a value the two read differently before that is never read: it comes back as an
 * ambiguity for the wizard to ask about (or the import to refuse).
 */
export class AmountReader {
  /** The convention in force: the mapping's, or the one a value decided; null while open. */
  convention: NumberConvention | null;
  readonly fixed: boolean;
  readonly evidence: Partial<Record<NumberConvention, AmountEvidence>> = {};
  readonly ambiguous: Array<{ column: string; text: string; dot: string; comma: string }> = [];
  private readonly options: ParseAmountOptions;
  private readonly unit: AmountUnit;

  constructor(mapping: Pick<Mapping, 'numberConvention' | 'amountUnit' | 'signs'>) {
    this.fixed = mapping.numberConvention !== 'auto';
    this.convention = mapping.numberConvention === 'auto' ? null : mapping.numberConvention;
    this.unit = mapping.amountUnit;
    this.options = { unit: mapping.amountUnit, parentheses: mapping.signs.parentheses, trailingMinus: mapping.signs.trailingMinus };
  }

  /** Both conventions were seen in the file: it contradicts itself, so nothing is decided. */
  get conflicting(): boolean {
    return !this.fixed && this.evidence.dot !== undefined && this.evidence.comma !== undefined;
  }

  /** A sample value, read only to learn the convention (before any row is mapped). */
  observe(text: string, column: string): void {
    if (this.fixed || text.trim() === '' || DIGITS_ONLY.test(text)) return;
    // Read only with a decimal point, which is already known: nothing to learn.
    if (this.evidence.dot && DOT_ONLY.test(text)) return;
    const result = parseAmount(text, { ...this.options, convention: 'auto' });
    if (result.ok) {
      if (result.convention) this.learn(result.convention, text, column);
    } else if (result.ambiguous) {
      this.noteAmbiguous(column, text, result.readings);
    }
  }

  /** @param unit 'major' for percentages whatever the mapping's unit. */
  read(text: string, column: string, unit: AmountUnit = this.unit): AmountValue | ReadFailure {
    if (unit === 'major') {
      if (DIGITS_ONLY.test(text)) return text;
      if (this.convention === 'dot' && PLAIN_DOT.test(text)) return text;
    }
    const options = unit === this.unit ? this.options : { ...this.options, unit };
    const result = parseAmount(text, { ...options, convention: this.convention ?? 'auto' });
    if (result.ok) {
      if (this.convention === null && result.convention) this.learn(result.convention, text, column);
      return result.micros;
    }
    if (result.ambiguous) {
      this.noteAmbiguous(column, text, result.readings);
      return readFailure(`${column}: ${result.message}`, {
        kind: 'number_convention',
        column,
        text,
        readings: [
          { value: 'dot', reading: microsToPlainDecimal(result.readings.dot) },
          { value: 'comma', reading: microsToPlainDecimal(result.readings.comma) },
        ],
      });
    }
    return readFailure(`${column}: ${result.message}${this.conflictHint(text, options)}`);
  }

  private learn(convention: NumberConvention, text: string, column: string): void {
    this.evidence[convention] ??= { text, column };
    this.convention ??= convention;
  }

  private noteAmbiguous(column: string, text: string, readings: { dot: bigint; comma: bigint }): void {
    if (this.ambiguous.length < 5) this.ambiguous.push({ column, text, dot: microsToPlainDecimal(readings.dot), comma: microsToPlainDecimal(readings.comma) });
  }

  /** When the value reads under the other convention: say the file mixes them. */
  private conflictHint(text: string, options: ParseAmountOptions): string {
    if (this.fixed || this.convention === null) return '';
    const other: NumberConvention = this.convention === 'dot' ? 'comma' : 'dot';
    if (!parseAmount(text, { ...options, convention: other }).ok) return '';
    const seen = this.evidence[this.convention];
    return ` It reads only with ${CONVENTION_NAMES[other]}, but this file's amounts use ${CONVENTION_NAMES[this.convention]}${seen ? ` (${JSON.stringify(seen.text)} in ${seen.column})` : ''}.`;
  }
}

/** Micro-units of a value read by AmountReader. */
export function amountMicros(value: AmountValue): bigint {
  return typeof value === 'bigint' ? value : decimalToMicros(value);
}

export { CONVENTION_NAMES };
