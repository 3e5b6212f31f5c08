import type { ProgressEvent } from '../../../shared/progress';

const EVERY_MS = 250;

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Progress of a file import, in rows: `done` rows so far, `total` the rows the file will
 * have at this rate (from the bytes read of its size, so marked totalIsEstimate; exact in
 * the last event; null for a stream of unknown length). The message carries bytes and rows
 * per second. At most four events a second, plus the last.
 */
export class ImportProgress {
  private readonly started = performance.now();
  private last = 0;
  private bytesRead = 0;

  constructor(
    private readonly task: string,
    private readonly totalBytes: number | null,
    private readonly emit: (event: ProgressEvent) => void,
  ) {}

  /** The reader's position; rows are reported once mapped and checked. */
  read(bytesRead: number): void {
    this.bytesRead = bytesRead;
  }

  rows(done: number, final = false): void {
    const now = performance.now();
    if (!final && now - this.last < EVERY_MS) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const { totalBytes, bytesRead } = this;
    const total = final ? done : totalBytes !== null && bytesRead > 0 ? Math.max(done, Math.round((done * totalBytes) / bytesRead)) : null;
    const bytes = totalBytes !== null ? `${megabytes(bytesRead)} of ${megabytes(totalBytes)}` : megabytes(bytesRead);
    this.emit({ task: this.task, done, total, totalIsEstimate: !final && total !== null, message: `${count(done)} rows (${bytes}), ${count(rate)} rows/s` });
  }
}
