import { decimalToRowMicros, MAX_ROW_MICROS, MONEY_SCALE, MoneyError } from '../../../shared/money';
import type { AmountUnit, NumberConvention } from '../../../shared/contract/file-format';

export interface ParseAmountOptions {
  /** Default 'auto': a value the two conventions read differently is reported as ambiguous. */
  convention?: NumberConvention | 'auto';
  /** (12.50) means -12.50. Default true. */
  parentheses?: boolean;
  /** 12.50- means -12.50. Default true. */
  trailingMinus?: boolean;
  /** Default 'major'. */
  unit?: AmountUnit;
  /** Decimals of the minor unit when unit is 'minor'. Default 2. */
  minorUnitDigits?: number;
}

export type AmountResult =
  | {
      ok: true;
      micros: bigint;
      /** The currency symbol or ISO code written next to the number, if any. */
      currency: string | null;
      /** Which convention read it; null when both read it the same (no separators). */
      convention: NumberConvention | null;
    }
  | { ok: false; ambiguous: false; message: string }
  | { ok: false; ambiguous: true; message: string; readings: { dot: bigint; comma: bigint } };

interface Reading {
  whole: string;
  fraction: string;
}

const MAX_AMOUNT_CHARS = 100;
// Regular, no-break, figure, thin, narrow no-break spaces: all used as digit groupers.
const SPACES = /[\s\u00A0\u2007\u2009\u202F]/g;
const LEADING_CURRENCY = /^([$€£¥]|[A-Z]{3}(?![A-Z]))\s*/;
const TRAILING_CURRENCY = /\s*([$€£¥]|(?<![A-Z])[A-Z]{3})$/;
const MINUS = /^[-\u2212]$/;

function invalid(message: string): AmountResult {
  return { ok: false, ambiguous: false, message };
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Read an amount as written in a CSV cell, exactly, into micro-units. Never throws and
 * never goes through a JS number. Separators, signs and currency marks are accepted in
 * the forms spreadsheets and bank exports write; anything else is an error with a
 * message naming what is wrong.
 */
export function parseAmount(text: string, options: ParseAmountOptions = {}): AmountResult {
  if (options.unit !== 'minor') {
    const plain = plainAmount(text, options.convention ?? 'auto');
    if (plain !== null) return plain;
  }
  const trimmed = text.replace(/^[\s\u00A0\u2007\u2009\u202F]+|[\s\u00A0\u2007\u2009\u202F]+$/g, '');
  if (trimmed === '') return invalid('The amount is empty.');
  if (trimmed.length > MAX_AMOUNT_CHARS) return invalid(`${quoted(trimmed)} is too long to be an amount.`);
  const rejected = rejectedForm(trimmed);
  if (rejected) return invalid(rejected);

  const parts = splitSignAndCurrency(trimmed, options);
  if (typeof parts === 'string') return invalid(parts);
  const core = parts.core.replace(SPACES, ' ');
  if (!/^[\d.,' ]+$/.test(core) || !/\d/.test(core)) return invalid(`${quoted(trimmed)} is not a number.`);
  if (core.includes("'")) return invalid(`${quoted(trimmed)}: apostrophes as digit separators are not accepted.`);

  const convention = options.convention ?? 'auto';
  if (convention !== 'auto') {
    const reading = readNumber(core, convention);
    if (typeof reading === 'string') return invalid(`${quoted(trimmed)}: ${reading}.`);
    const micros = toMicros(reading, parts.negative, trimmed, options);
    return typeof micros === 'string' ? invalid(micros) : { ok: true, micros, currency: parts.currency, convention };
  }
  const dot = readNumber(core, 'dot');
  const comma = readNumber(core, 'comma');
  if (typeof dot === 'string' && typeof comma === 'string') {
    // Explain in the convention the writer likely meant: the last mark is the decimal
    // mark if it appears once, a group separator if it repeats.
    const last = core.lastIndexOf(',') > core.lastIndexOf('.') ? ',' : '.';
    const lastIsDecimal = core.indexOf(last) === core.lastIndexOf(last);
    return invalid(`${quoted(trimmed)}: ${(last === '.') === lastIsDecimal ? dot : comma}.`);
  }
  if (typeof dot !== 'string' && typeof comma !== 'string') {
    const dotMicros = toMicros(dot, parts.negative, trimmed, options);
    const commaMicros = toMicros(comma, parts.negative, trimmed, options);
    if (typeof dotMicros === 'string') return invalid(dotMicros);
    if (typeof commaMicros === 'string') return invalid(commaMicros);
    if (dotMicros === commaMicros) return { ok: true, micros: dotMicros, currency: parts.currency, convention: null };
    return {
      ok: false,
      ambiguous: true,
      message: `${quoted(trimmed)} reads as ${microsToPlainDecimal(dotMicros)} with a decimal point or ${microsToPlainDecimal(commaMicros)} with a decimal comma; choose the number format.`,
      readings: { dot: dotMicros, comma: commaMicros },
    };
  }
  const [reading, readBy] = typeof dot === 'string' ? [comma as Reading, 'comma' as const] : [dot, 'dot' as const];
  const micros = toMicros(reading, parts.negative, trimmed, options);
  return typeof micros === 'string' ? invalid(micros) : { ok: true, micros, currency: parts.currency, convention: readBy };
}

// The forms nearly every cell takes ("-1,234.56", "12.5", "1.234,56"), read with one
// regex each; anything else, and every error, goes through the full reading below.
const PLAIN_DOT = /^(-?)([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d{1,6}))?$/;
const PLAIN_COMMA = /^(-?)([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d{1,6}))?$/;

function plainAmount(text: string, convention: NumberConvention | 'auto'): AmountResult | null {
  const dot = convention === 'comma' ? null : PLAIN_DOT.exec(text);
  const comma = convention === 'dot' ? null : PLAIN_COMMA.exec(text);
  const dotMicros = dot && plainMicros(dot, ',');
  const commaMicros = comma && plainMicros(comma, '.');
  if (dotMicros !== null && commaMicros !== null) {
    // Both read it: fine if alike ("1234"); otherwise the full path explains the ambiguity.
    return dotMicros === commaMicros ? { ok: true, micros: dotMicros, currency: null, convention: null } : null;
  }
  if (dotMicros !== null) return { ok: true, micros: dotMicros, currency: null, convention: convention === 'auto' ? 'dot' : convention };
  if (commaMicros !== null) return { ok: true, micros: commaMicros, currency: null, convention: convention === 'auto' ? 'comma' : convention };
  return null;
}

function plainMicros(match: RegExpExecArray, groupMark: string): bigint | null {
  const [, minus, grouped, fraction = ''] = match;
  const whole = grouped.length > 3 ? grouped.replaceAll(groupMark, '') : grouped;
  // The digits with the fraction padded to the scale are the amount in micro-units.
  const micros = BigInt(whole + fraction.padEnd(MONEY_SCALE, '0'));
  if (micros > MAX_ROW_MICROS) return null; // the full path words the message
  return minus ? -micros : micros;
}

/** Forms that look numeric to some parser but are never amounts here. */
function rejectedForm(text: string): string | null {
  const bare = text.replace(/^[+\-\u2212(]+|[)]+$/g, '');
  if (/^nan$/i.test(bare)) return `${quoted(text)} is not a number.`;
  if (/^(inf|infinity|∞)$/i.test(bare)) return `${quoted(text)} is not a finite amount.`;
  if (/0x[0-9a-f]/i.test(text)) return `${quoted(text)} is hexadecimal; amounts must be written as decimal numbers.`;
  if (text.includes('_')) return `${quoted(text)}: underscores as digit separators (1_000) are not accepted.`;
  if (/\d[eE][+\-\u2212]?\d/.test(text)) return `${quoted(text)} uses exponent notation; write the amount out in full (1e3 as 1000).`;
  return null;
}

interface Parts {
  core: string;
  negative: boolean;
  currency: string | null;
}

/** Peel parentheses, signs and one currency mark off the number; a string is an error. */
function splitSignAndCurrency(text: string, options: ParseAmountOptions): Parts | string {
  let rest = text;
  let signs = 0;
  let negative = false;
  let currency: string | null = null;
  const hasOpen = rest.includes('(');
  const hasClose = rest.includes(')');
  if (hasOpen || hasClose) {
    if (!(rest.startsWith('(') && rest.endsWith(')')) || rest.indexOf('(', 1) !== -1 || rest.lastIndexOf(')', rest.length - 2) !== -1) {
      return `${quoted(text)} has unbalanced parentheses.`;
    }
    if (options.parentheses === false) return `${quoted(text)}: parentheses for negative amounts are off in this profile.`;
    rest = rest.slice(1, -1).trim();
    signs++;
    negative = true;
  }
  const takeCurrency = (mark: string): string | null => {
    if (currency !== null) return `${quoted(text)} has two currency marks.`;
    currency = mark;
    return null;
  };
  for (let moved = true; moved; ) {
    moved = false;
    if (/^[+\-\u2212]/.test(rest)) {
      signs++;
      negative = negative || MINUS.test(rest[0]);
      rest = rest.slice(1).trimStart();
      moved = true;
    }
    const lead = LEADING_CURRENCY.exec(rest);
    if (lead) {
      const error = takeCurrency(lead[1]);
      if (error) return error;
      rest = rest.slice(lead[0].length);
      moved = true;
    }
  }
  for (let moved = true; moved; ) {
    moved = false;
    if (/[-\u2212]$/.test(rest)) {
      if (options.trailingMinus === false) return `${quoted(text)}: a trailing minus sign is off in this profile.`;
      signs++;
      negative = true;
      rest = rest.slice(0, -1).trimEnd();
      moved = true;
    }
    const trail = TRAILING_CURRENCY.exec(rest);
    if (trail) {
      const error = takeCurrency(trail[1]);
      if (error) return error;
      rest = rest.slice(0, trail.index);
      moved = true;
    }
  }
  if (signs > 1) return `${quoted(text)} has more than one sign.`;
  return { core: rest.trim(), negative, currency };
}

/** Digits before and after the decimal mark under one convention, or why it does not read. */
function readNumber(core: string, convention: NumberConvention): Reading | string {
  const decimalMark = convention === 'dot' ? '.' : ',';
  const groupMark = convention === 'dot' ? ',' : '.';
  const pieces = core.split(decimalMark);
  if (pieces.length > 2) return `more than one decimal ${convention === 'dot' ? 'point' : 'comma'}`;
  const [whole, fraction = ''] = pieces;
  if (pieces.length === 2) {
    if (fraction === '') return `nothing follows the decimal ${convention === 'dot' ? 'point' : 'comma'}`;
    if (!/^\d+$/.test(fraction)) return 'separators after the decimal mark';
  }
  if (whole === '') return pieces.length === 2 ? { whole: '0', fraction } : 'no digits';
  if (/^\d+$/.test(whole)) return { whole, fraction };
  const usesGroup = whole.includes(groupMark);
  const usesSpace = whole.includes(' ');
  if (usesGroup && usesSpace) return 'mixed digit-group separators';
  const groups = whole.split(usesGroup ? groupMark : ' ');
  const [first, ...rest] = groups;
  if (!/^[1-9]\d{0,2}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) {
    return `misplaced digit-group separator (${convention === 'dot' ? '1,234.56' : '1.234,56'} style groups three digits)`;
  }
  return { whole: groups.join(''), fraction };
}

function toMicros(reading: Reading, negative: boolean, text: string, options: ParseAmountOptions): bigint | string {
  let { fraction } = reading;
  if (options.unit === 'minor') {
    if (fraction !== '') return `${quoted(text)}: amounts in minor units (cents) must be whole numbers.`;
    const digits = options.minorUnitDigits ?? 2;
    const micros = BigInt(reading.whole) * 10n ** BigInt(MONEY_SCALE - digits);
    if (micros > MAX_ROW_MICROS) return `${quoted(text)} is larger than the largest amount a row can hold.`;
    return negative ? -micros : micros;
  }
  if (fraction.length > MONEY_SCALE) {
    // Trailing zeros past the scale change nothing; any other digit would be lost.
    if (!/^0+$/.test(fraction.slice(MONEY_SCALE))) return `${quoted(text)} has ${fraction.length} decimals; at most ${MONEY_SCALE} can be stored exactly.`;
    fraction = fraction.slice(0, MONEY_SCALE);
  }
  try {
    const micros = decimalToRowMicros(fraction === '' ? reading.whole : `${reading.whole}.${fraction}`);
    return negative ? -micros : micros;
  } catch (error) {
    if (error instanceof MoneyError) return `${quoted(text)} is larger than the largest amount a row can hold.`;
    throw error;
  }
}

/** A plain decimal for messages ("1000", "1.234", "-0.5"), from micro-units without a float. */
export function microsToPlainDecimal(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(MONEY_SCALE, '0').replace(/0+$/, '');
  return sign + whole.toString() + (fraction ? `.${fraction}` : '');
}
