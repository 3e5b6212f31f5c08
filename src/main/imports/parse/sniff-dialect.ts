import { CSV_DELIMITERS, type CsvDelimiter } from '../../../shared/contract/file-format';
import { CsvParseError } from './parse-error';
import { RecordTokenizer, type CsvRow } from './record-tokenizer';

export type LineBreak = '\r\n' | '\n' | '\r';

export interface Dialect {
  delimiter: CsvDelimiter;
  /** The first line break outside quotes; any of CRLF, LF and CR is read as a line end. */
  lineBreak: LineBreak;
  source: 'chosen' | 'detected';
  /** 'low' when another delimiter fits the sample as well, or none fits it cleanly. */
  confidence: 'certain' | 'high' | 'low';
  reason: string;
  /** Other delimiters that read the sample as consistently; the wizard offers them. */
  alternatives: CsvDelimiter[];
}

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function delimiterName(delimiter: CsvDelimiter): string {
  return DELIMITER_NAMES[delimiter];
}

const SNIFF_RECORDS = 50;
const SNIFF_CHARS = 256 * 1024;

interface Reading {
  delimiter: CsvDelimiter;
  /** Cells in the first record. */
  width: number;
  /** Records, after the first, with the first record's width. */
  matching: number;
  records: number;
}

/**
 * Choose the delimiter from the first records of the file: the candidate that splits
 * them, quotes respected, into the same number of cells (more than one). A candidate
 * under which the sample has quoting errors is out.
 * @param isWholeFile the text is the entire file, so its last line is complete.
 */
export function sniffDialect(text: string, chosen: CsvDelimiter | 'auto' = 'auto', isWholeFile = false): Dialect {
  const sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  const lineBreak = firstLineBreak(sample);
  if (chosen !== 'auto') {
    return { delimiter: chosen, lineBreak, source: 'chosen', confidence: 'certain', reason: `${delimiterName(chosen)}, as chosen`, alternatives: [] };
  }
  const readings = CSV_DELIMITERS.map((d) => readSample(sample, d, isWholeFile && sample === text)).filter((r): r is Reading => r !== null);
  const consistent = readings.filter((r) => r.width > 1 && r.matching === r.records - 1);
  if (consistent.length > 0) {
    const widest = Math.max(...consistent.map((r) => r.width));
    const best = consistent.filter((r) => r.width === widest);
    const [first, ...others] = best;
    const rows = first.records === 1 ? 'the first line' : `all of the first ${first.records} rows`;
    return {
      delimiter: first.delimiter,
      lineBreak,
      source: 'detected',
      confidence: others.length > 0 ? 'low' : 'high',
      reason: `${delimiterName(first.delimiter)}: splits ${rows} into ${widest} columns`,
      alternatives: others.map((r) => r.delimiter),
    };
  }
  // Nothing splits cleanly: take the candidate most rows agree with, so the reader's
  // ragged-row error points at a real row instead of at row 2.
  const multi = readings.filter((r) => r.width > 1).sort((a, b) => b.matching - a.matching || b.width - a.width);
  if (multi.length > 0) {
    return {
      delimiter: multi[0].delimiter,
      lineBreak,
      source: 'detected',
      confidence: 'low',
      reason: `${delimiterName(multi[0].delimiter)}: the only delimiter that splits the first line, but the rows do not all have ${multi[0].width} columns`,
      alternatives: multi.slice(1).map((r) => r.delimiter),
    };
  }
  return { delimiter: ',', lineBreak, source: 'detected', confidence: 'low', reason: 'no delimiter found: one column', alternatives: [] };
}

function readSample(text: string, delimiter: CsvDelimiter, final: boolean): Reading | null {
  const rows: CsvRow[] = [];
  try {
    new RecordTokenizer(delimiter).push(text, final, rows);
  } catch (error) {
    if (error instanceof CsvParseError) return null;
    throw error;
  }
  const records = rows.filter((r) => r.cells.length > 0).slice(0, SNIFF_RECORDS);
  if (records.length === 0) return null;
  const width = records[0].cells.length;
  const matching = records.slice(1).filter((r) => r.cells.length === width).length;
  return { delimiter, width, matching, records: records.length };
}

function firstLineBreak(text: string): LineBreak {
  // Good enough to skip quoted line breaks for the report: the reader accepts all three.
  const match = /\r\n|\n|\r/.exec(text.replace(/"[^"]*"/g, '""'));
  return (match?.[0] as LineBreak | undefined) ?? '\n';
}
