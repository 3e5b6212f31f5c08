import { openByteSource, DEFAULT_CHUNK_BYTES, type ByteSource, type CsvSource } from './byte-source';
import { ChunkDecoder, InvalidBytes } from './decode-stream';
import { decodeWindows1252 } from './windows-1252';
import { detectEncoding, type EncodingDetection } from './detect-encoding';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/contract/file-format';
import { checkHeader, type CsvHeader } from './header';
import { binaryCharIndex, rejectKnownBinary } from './looks-binary';
import { countText, CsvParseError } from './parse-error';
import { DEFAULT_LIMITS, RecordTokenizer, type CsvLimits, type CsvRow } from './record-tokenizer';
import { locateEnd } from './locate-end';
import { sniffDialect, type Dialect } from './sniff-dialect';

export interface CsvProgress {
  bytesRead: number;
  /** null when reading a stream of unknown length. */
  totalBytes: number | null;
  rowsRead: number;
}

export interface ReadCsvOptions extends Partial<CsvLimits> {
  /** 'auto' (default): BOM, else UTF-8 if the start decodes strictly, else Windows-1252. */
  encoding?: CsvEncoding | 'auto';
  /** 'auto' (default): sniffed from the first rows. */
  delimiter?: CsvDelimiter | 'auto';
  /** Default true. Without a header the first row sets the column count. */
  hasHeader?: boolean;
  /** Bytes per read; each read yields one batch of rows. Default 1 MiB (~10,000 rows). */
  chunkBytes?: number;
  /** Checked before every read; an AbortSignal works. */
  signal?: { readonly aborted: boolean };
  /** Called after every read, for a progress bar. */
  onProgress?: (progress: CsvProgress) => void;
}

export interface CsvFileInfo {
  totalBytes: number | null;
  encoding: EncodingDetection;
  dialect: Dialect;
  header: CsvHeader | null;
  /** Cells in every data row. */
  columnCount: number;
}

export interface CsvReadSummary {
  rows: number;
  bytesRead: number;
  /** Rows at the end of the file with no text in any cell, which are not imported. */
  trailingEmptyRows: number;
}

export interface CsvFile {
  readonly info: CsvFileInfo;
  /**
   * Data rows, one batch per read. Iterate once; leaving the loop early closes the file.
   * Errors can come after rows were yielded (a ragged row, 'file_changed' at the very end),
   * so commit an import only once the loop has finished.
   */
  batches(): AsyncGenerator<CsvRow[], CsvReadSummary>;
  rows(): AsyncGenerator<CsvRow, CsvReadSummary>;
  close(): Promise<void>;
}

// Enough text to detect the encoding and sniff the delimiter from.
const MIN_SAMPLE_BYTES = 64 * 1024;

/**
 * Open a CSV file: detect (or apply the chosen) encoding and delimiter, check the header,
 * and make sure there is at least one data row. Rows are then streamed by `batches()`;
 * the file is never held in memory whole.
 */
export async function openCsv(source: CsvSource, options: ReadCsvOptions = {}): Promise<CsvFile> {
  const bytes = await openByteSource(source, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const reader = new CsvReader(bytes, options);
  try {
    await reader.start();
  } catch (error) {
    await bytes.close();
    throw error;
  }
  return reader;
}

/** Every data row of a CSV file, streamed. */
export async function* readCsv(source: CsvSource, options: ReadCsvOptions = {}): AsyncGenerator<CsvRow, CsvReadSummary> {
  const file = await openCsv(source, options);
  return yield* file.rows();
}

class CsvReader implements CsvFile {
  info!: CsvFileInfo;
  private readonly limits: CsvLimits;
  private decoder!: ChunkDecoder;
  private tokenizer!: RecordTokenizer;
  private bytesRead = 0;
  private rowsRead = 0;
  private ended = false;
  private started = false;
  /** Rows accepted but not yet handed out. */
  private ready: CsvRow[] = [];
  /** Row number and cell count of empty rows not yet known to be trailing, as pairs. */
  private emptyRows: number[] = [];
  private needHeader: boolean;
  private encodingDetected = false;

  constructor(
    private readonly source: ByteSource,
    private readonly options: ReadCsvOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...pickLimits(options) };
    this.needHeader = options.hasHeader ?? true;
  }

  async start(): Promise<void> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (size < MIN_SAMPLE_BYTES) {
      const chunk = await this.readBytes();
      if (chunk === null) break;
      chunks.push(chunk);
      size += chunk.length;
    }
    const sample = Buffer.concat(chunks);
    if (sample.length === 0) throw new CsvParseError('empty_file', 'The file is empty.', { row: null });
    rejectKnownBinary(sample);
    const encoding = detectEncoding(sample, this.options.encoding ?? 'auto', this.ended);
    this.encodingDetected = encoding.source === 'detected';
    if (this.ended && sample.length === encoding.bomLength) throw new CsvParseError('empty_file', 'The file is empty.', { row: null });
    this.decoder = new ChunkDecoder(encoding.encoding, encoding.bomLength);
    // The sample is decoded and tokenized read by read, exactly as the rest of the file.
    let skip = encoding.bomLength;
    const texts: string[] = [];
    for (const chunk of chunks) {
      const drop = Math.min(skip, chunk.length);
      skip -= drop;
      texts.push(this.decodeChunk(chunk.subarray(drop), false, texts));
    }
    if (this.ended) texts.push(this.decodeChunk(new Uint8Array(0), true, texts));
    const text = texts.join('');
    this.rejectBinary(text, true);
    const dialect = sniffDialect(text, this.options.delimiter ?? 'auto', this.ended);
    this.tokenizer = new RecordTokenizer(dialect.delimiter, this.limits);
    this.info = { totalBytes: this.source.totalBytes, encoding, dialect, header: null, columnCount: 0 };
    texts.forEach((piece, i) => this.tokenize(piece, this.ended && i === texts.length - 1));
    // The wizard should learn of a header-only or empty file when it opens it.
    while (this.ready.length === 0 && !this.ended) this.tokenize(await this.readText(), this.ended);
    if (this.ready.length === 0) {
      if (this.info.header) throw new CsvParseError('header_only', 'The file has a header row but no data rows.', { row: null });
      throw new CsvParseError('empty_file', 'The file has no rows, only empty lines.', { row: null });
    }
    this.started = true;
  }

  async *batches(): AsyncGenerator<CsvRow[], CsvReadSummary> {
    if (!this.started) throw new Error('batches() can be iterated only once');
    this.started = false;
    try {
      for (;;) {
        if (this.ready.length > 0) {
          const batch = this.ready;
          this.ready = [];
          this.rowsRead += batch.length;
          yield batch;
        }
        if (this.ended) break;
        if (this.options.signal?.aborted) throw new CsvParseError('cancelled', 'The import was cancelled.', { row: null });
        this.tokenize(await this.readText(), this.ended);
      }
      await this.source.checkUnchanged(this.bytesRead);
      return { rows: this.rowsRead, bytesRead: this.bytesRead, trailingEmptyRows: this.emptyRows.length / 2 };
    } finally {
      await this.close();
    }
  }

  async *rows(): AsyncGenerator<CsvRow, CsvReadSummary> {
    const batches = this.batches();
    let finished = false;
    try {
      for (;;) {
        const next = await batches.next();
        if (next.done) {
          finished = true;
          return next.value;
        }
        yield* next.value;
      }
    } finally {
      // Leaving the loop early must still close the file.
      if (!finished) await batches.return(undefined as never);
    }
  }

  async close(): Promise<void> {
    await this.source.close();
  }

  private async readBytes(): Promise<Uint8Array | null> {
    let chunk: Uint8Array | null;
    try {
      chunk = await this.source.read();
    } catch (error) {
      if (error instanceof CsvParseError) throw error;
      throw new CsvParseError('unreadable_file', `The file could not be read: ${(error as Error).message}`, { row: null });
    }
    if (chunk === null) this.ended = true;
    else this.bytesRead += chunk.length;
    this.options.onProgress?.({ bytesRead: this.bytesRead, totalBytes: this.source.totalBytes, rowsRead: this.rowsRead + this.ready.length });
    return chunk;
  }

  private async readText(): Promise<string> {
    const chunk = await this.readBytes();
    const text = this.decodeChunk(chunk ?? new Uint8Array(0), chunk === null);
    this.rejectBinary(text, false);
    return text;
  }

  /** @param before text decoded earlier but not yet tokenized, to place errors */
  private decodeChunk(bytes: Uint8Array, final: boolean, before: string[] = []): string {
    try {
      return this.decoder.decode(bytes, final);
    } catch (error) {
      if (!(error instanceof InvalidBytes)) throw error;
      throw this.invalidBytes(error, before.join('') + error.textBefore);
    }
  }

  /** Bytes the encoding cannot read: an error naming the row and column they are in, never a U+FFFD in the data. */
  private invalidBytes(error: InvalidBytes, textBefore: string): CsvParseError {
    const place = this.placeAfter(textBefore);
    const { encoding } = this.decoder;
    const hint =
      encoding === 'utf-8'
        ? this.encodingDetected
          ? ' The start of the file read as UTF-8; if it was saved by Excel on Windows, choose Windows-1252 (Latin-1).'
          : ' If it was saved by Excel on Windows, choose Windows-1252 (Latin-1).'
        : '';
    const name = place.name ? ` ("${place.name}")` : '';
    const line = place.line !== place.row ? ` (on line ${countText(place.line)})` : '';
    const where = place.column === undefined ? `Line ${countText(place.row)}` : `Row ${countText(place.row)}, column ${place.column}${name}${line}`;
    const placeFacts = { row: place.row, column: place.column, byteOffset: error.byteOffset };
    const readings = encoding === 'utf-8' && error.cellBytes.length > 0 ? this.cellReadings(textBefore, error.cellBytes) : null;
    if (!readings) return new CsvParseError('invalid_encoding', `${where}: ${error.problem}.${hint}`, placeFacts, { technical: error.problem });
    // The cell both ways, in words; the byte and its offset go to the details line.
    return new CsvParseError(
      'invalid_encoding',
      `${where} is not valid UTF-8: it reads "${readings['utf-8']}" as UTF-8 and "${readings['windows-1252']}" as Windows-1252 (Latin-1).${hint}`,
      placeFacts,
      { technical: error.problem, readings, suggestedEncoding: 'windows-1252' },
    );
  }

  /** The cell holding bad bytes as UTF-8 (a U+FFFD for each bad one) and as Windows-1252 read it. */
  private cellReadings(textBefore: string, cellBytes: Uint8Array): Record<'utf-8' | 'windows-1252', string> {
    const delimiter = this.tokenizer ? this.info.dialect.delimiter : (this.sampleDelimiter(textBefore) ?? ',');
    const start = Math.max(textBefore.lastIndexOf(delimiter), textBefore.lastIndexOf('\n'), textBefore.lastIndexOf('\r'));
    const before = textBefore.slice(start + 1).replace(/^"/, '');
    return {
      'utf-8': before + new TextDecoder('utf-8').decode(cellBytes),
      'windows-1252': before + decodeWindows1252(cellBytes),
    };
  }

  /** The row and column that the text read so far plus `text` ends in, with the column's name when the header is known. */
  private placeAfter(text: string): { row: number; line: number; column?: number; name?: string } {
    if (this.tokenizer) {
      const place = locateEnd(this.tokenizer.pendingText + text, this.info.dialect.delimiter, this.tokenizer.nextLine);
      return { ...place, name: this.info.header && place.row > 1 ? this.info.header.names[place.column - 1] : undefined };
    }
    // Still in the sample: the delimiter and header are not known yet, so find them in the text so far.
    const delimiter = this.sampleDelimiter(text);
    if (delimiter === null) {
      const line = this.lineAfter(text);
      return { row: line, line };
    }
    const place = locateEnd(text, delimiter, 1);
    const records: CsvRow[] = [];
    try {
      new RecordTokenizer(delimiter, this.limits).push(text.slice(0, MIN_SAMPLE_BYTES), false, records);
    } catch {
      // A quoting error in the header: the message goes without the column's name.
    }
    const header = (this.options.hasHeader ?? true) && place.row > 1 ? records.find((r) => r.cells.length > 0) : undefined;
    return { ...place, name: header?.cells[place.column - 1]?.trim() || undefined };
  }

  private sampleDelimiter(text: string): CsvDelimiter | null {
    const chosen = this.options.delimiter ?? 'auto';
    if (chosen !== 'auto') return chosen;
    try {
      return sniffDialect(text, 'auto', false).delimiter;
    } catch {
      return null;
    }
  }

  /** NULs anywhere, or many control characters in the first chunk: not a text file. */
  private rejectBinary(text: string, isSample: boolean): void {
    const at = binaryCharIndex(text, isSample);
    if (at === -1) return;
    const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(2, '0');
    const row = this.lineAfter(text.slice(0, at));
    throw new CsvParseError('binary_file', `The file looks like a binary file, not CSV: it holds control character 0x${code} on line ${countText(row)}.`, { row });
  }

  /** Physical line reached after the text read so far plus `text`. */
  private lineAfter(text: string): number {
    const pending = this.tokenizer ? this.tokenizer.pendingText : '';
    const start = this.tokenizer ? this.tokenizer.nextLine : 1;
    return start + ((pending + text).match(/\r\n|\r|\n/g)?.length ?? 0);
  }

  private tokenize(text: string, final: boolean): void {
    const records: CsvRow[] = [];
    try {
      this.tokenizer.push(text, final, records);
    } catch (error) {
      // Rows before the broken one come first: their errors (a bad header) are reported instead.
      for (const record of records) this.accept(record);
      throw error;
    }
    for (const record of records) this.accept(record);
  }

  private accept(record: CsvRow): void {
    const { cells } = record;
    if (cells.length === 0 || (cells[0] === '' && cells.every((cell) => cell === ''))) {
      // Empty rows are held until a row with text follows: trailing ones are not rows.
      this.emptyRows.push(record.rowNumber, cells.length);
      return;
    }
    if (this.needHeader) {
      this.needHeader = false;
      if (this.emptyRows.length > 0) {
        throw new CsvParseError('empty_header', `Row ${this.emptyRows[0]} is empty; the header row must be the first line of the file.`, { row: this.emptyRows[0] });
      }
      this.info.header = checkHeader(cells, record.rowNumber);
      this.info.columnCount = cells.length;
      return;
    }
    if (this.info.columnCount === 0) this.info.columnCount = cells.length;
    if (this.emptyRows.length > 0) this.flushEmptyRows();
    if (cells.length !== this.info.columnCount) throw this.ragged(record.rowNumber, cells.length);
    this.ready.push(record);
  }

  private flushEmptyRows(): void {
    const expected = this.info.columnCount;
    for (let i = 0; i < this.emptyRows.length; i += 2) {
      const rowNumber = this.emptyRows[i];
      const width = this.emptyRows[i + 1];
      // A blank line in a one-column file is one empty cell.
      if (width === 0 && expected === 1) this.ready.push({ rowNumber, cells: [''] });
      else if (width !== expected) throw this.ragged(rowNumber, width);
      else this.ready.push({ rowNumber, cells: new Array<string>(width).fill('') });
    }
    this.emptyRows = [];
  }

  private ragged(rowNumber: number, width: number): CsvParseError {
    const expected = this.info.columnCount;
    const reference = this.info.header ? `the header has ${expected} columns` : `the first row has ${expected} cells`;
    const message =
      width === 0
        ? `Row ${rowNumber} is blank, but ${reference}; remove the empty line.`
        : `Row ${rowNumber} has ${width} cells, but ${reference}${width > expected ? ' (is a delimiter inside a value that should be quoted?)' : ''}.`;
    return new CsvParseError('ragged_row', message, { row: rowNumber });
  }
}

function pickLimits(options: ReadCsvOptions): Partial<CsvLimits> {
  const limits: Partial<CsvLimits> = {};
  if (options.maxFieldChars !== undefined) limits.maxFieldChars = options.maxFieldChars;
  if (options.maxRowChars !== undefined) limits.maxRowChars = options.maxRowChars;
  return limits;
}
