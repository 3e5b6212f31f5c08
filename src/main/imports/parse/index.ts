// The file-parsing layer of imports: bytes on disk to checked rows of strings, and the
// strict readers for the amounts and dates in them. Nothing here touches the database.

export { openCsv, readCsv, type CsvFile, type CsvFileInfo, type CsvProgress, type CsvReadSummary, type ReadCsvOptions } from './read-csv';
export type { CsvSource } from './byte-source';
export type { CsvRow, CsvLimits } from './record-tokenizer';
export { DEFAULT_LIMITS } from './record-tokenizer';
export { CsvParseError, CSV_ERROR_CODES, type CsvErrorCode } from './parse-error';
export { detectEncoding, type EncodingDetection } from './detect-encoding';
export { encodingExamples, type EncodingExample } from './encoding-examples';
export { sniffDialect, type Dialect, type LineBreak } from './sniff-dialect';
export { checkHeader, type CsvHeader } from './header';
export { parseAmount, microsToPlainDecimal, type AmountResult, type ParseAmountOptions } from './parse-number';
export { parseDate, type DateResult } from './parse-date';
export { isYearInRange, yearOutOfRange, MIN_YEAR, MAX_YEAR } from './date-bounds';
export { decideNumberConvention, decideDateFormat, type NumberConventionDecision, type DateFormatDecision, type SampleIssue } from './ambiguity';
export * from '../../../shared/contract/file-format';
