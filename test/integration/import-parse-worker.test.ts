import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/db/driver';
import { openWorkspace } from '../../src/main/db/workspace';
import { checkFile, commitFile, type FileImportInput } from '../../src/main/imports/files/run-file-import';
import { PARSE_WORKER_LIMITS, parseWorkersStarted, runningParseWorkers } from '../../src/main/imports/parse-worker/parse-worker';
import type { ProgressEvent } from '../../src/shared/progress';
import { tempDir } from '../support/temp-workspace';

// With the parse worker on (CLOSEBOOK_PARSE_WORKER_MIN_BYTES), a file from that size is read
// and mapped on it; a smaller one in the importing thread. These set the threshold so a
// few-megabyte file (4 reader batches of 1 MiB) takes the worker, and compare it with the
// in-thread path on the same file.

const ORG = 'org-a';
const HEADER = 'external_id,kind,occurred_at,amount,currency,description';
const DEFAULTS = { ...PARSE_WORKER_LIMITS };

afterEach(() => {
  Object.assign(PARSE_WORKER_LIMITS, DEFAULTS);
  delete PARSE_WORKER_LIMITS.crashAfterChunks;
});

function workspace(dir: string, name: string): Database.Database {
  const ws = openWorkspace(join(dir, name));
  const db = ws.db;
  const now = '2026-10-01T00:00:00Z';
  db.prepare('INSERT INTO orgs (id, name, parent_id, created_at) VALUES (?, ?, NULL, ?)').run(ORG, 'Org A', now);
  db.prepare("INSERT INTO periods VALUES (?, '2026-09', 'finalized', ?)").run(ORG, now);
  db.prepare("INSERT INTO periods VALUES (?, '2026-10', 'in_progress', NULL)").run(ORG);
  return db;
}

/** Row i of the file (file row i + 2): sales, refunds of the sale before, quoted cells with commas, quotes and newlines, a few rows refused. */
function line(i: number): string {
  const id = `t${((i * 2654435761) >>> 0).toString(36)}_${i}`;
  if (refusedRow(i)) return `${id},sale,2026-10-05,abc,USD,not a number`;
  if (lockedRow(i)) return `${id},sale,2026-09-05,1.00,USD,a locked month`;
  if (i % 20 === 19) return `${id},refund,2026-10-0${(i % 9) + 1},-1.${i % 100},EUR,refund of ${i - 1}`;
  const description = i % 7 === 0 ? `"Bundle ""Pro"", seats ${i % 50}\nsecond line"` : `Order ${i}`;
  return `${id},sale,2026-10-${String((i % 28) + 1).padStart(2, '0')},${i % 1000}.${String(i % 100).padStart(2, '0')},${i % 3 === 0 ? 'EUR' : 'USD'},${description}`;
}

const refusedRow = (i: number) => i % 997 === 500;
const lockedRow = (i: number) => !refusedRow(i) && i % 1499 === 700;
/** How many of the first `rows` rows are refused and blocked. */
function badRows(rows: number): { error: number; blocked: number } {
  let error = 0;
  let blocked = 0;
  for (let i = 0; i < rows; i++) {
    if (refusedRow(i)) error++;
    else if (lockedRow(i)) blocked++;
  }
  return { error, blocked };
}

/** About 70 bytes a row: 60,000 rows cross four 1 MiB reader batches. */
function writeFile(dir: string, rows: number, edit: (i: number, text: string) => string = (_, text) => text): string {
  const path = join(dir, 'big.csv');
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(edit(i, line(i)));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const input = (path: string, extra: Partial<FileImportInput> = {}): FileImportInput => ({
  orgId: ORG,
  entity: 'revenues',
  path,
  profile: null,
  mapping: null,
  operation: 'create_only',
  onError: 'skip',
  ...extra,
});

const ctx = (signal: AbortSignal = new AbortController().signal, progress: (e: ProgressEvent) => void = () => {}) => ({ progress, signal });

/** What a batch stored: its revenues and outcomes, without the clock's timestamps. */
function stored(db: Database.Database) {
  return {
    revenues: db
      .prepare('SELECT id, external_id, kind, occurred_at, period, amount_micros, currency, quantity, description, refund_of, batch_id, source_row FROM revenues ORDER BY id')
      .raw()
      .all(),
    outcomes: db.prepare('SELECT * FROM import_outcomes ORDER BY batch_id, row_number').raw().all(),
    batches: db.prepare('SELECT id, total_rows, created_count, error_count, blocked_locked_period_count, rows_written FROM import_batches').raw().all(),
  };
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

/** The 3rd reader batch starts past 2 MiB: a row in its middle. */
const THIRD_CHUNK_ROW = 46_000;
/** The file's row number of row i: the header is row 1, and quoted cells hold line breaks. */
function rowOf(i: number): number {
  let row = 2;
  for (let j = 0; j < i; j++) row += line(j).split('\n').length;
  return row;
}

it('the chosen row is in the middle of the 3rd reader batch', () => {
  let bytes = Buffer.byteLength(HEADER) + 1;
  for (let i = 0; i < THIRD_CHUNK_ROW; i++) bytes += Buffer.byteLength(line(i)) + 1;
  expect(bytes).toBeGreaterThan(2.25 * (1 << 20));
  expect(bytes).toBeLessThan(2.75 * (1 << 20));
});

describe('the parse worker', () => {
  it('stores the same rows and outcomes as the in-thread path, for a commit and a check, over several reader batches', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 60_000);
    const inThread = workspace(dir, 'a.closebook');
    const inWorker = workspace(dir, 'b.closebook');

    PARSE_WORKER_LIMITS.minBytes = Number.MAX_SAFE_INTEGER;
    const expectedCheck = await checkFile(inThread, input(path), ctx());
    const expected = await commitFile(inThread, input(path), ctx());
    PARSE_WORKER_LIMITS.minBytes = 0;
    const events: ProgressEvent[] = [];
    const check = await checkFile(inWorker, input(path), ctx());
    const result = await commitFile(inWorker, input(path), ctx(undefined, (e) => events.push(e)));

    expect(runningParseWorkers()).toBe(0);
    const bad = badRows(60_000);
    expect(bad.error * bad.blocked).toBeGreaterThan(0);
    expect(expected.counts).toMatchObject({ created: 60_000 - bad.error - bad.blocked, error: bad.error, blocked_locked_period: bad.blocked });
    expect(result).toEqual(expected);
    expect(check).toEqual(expectedCheck);
    expect(stored(inWorker)).toEqual(stored(inThread));
    expect(count(inWorker, 'revenues')).toBe(60_000 - bad.error - bad.blocked);
    // Progress as in-thread: rising row counts, the last exact.
    expect(events.at(-1)).toMatchObject({ done: 60_000, total: 60_000, totalIsEstimate: false });
    expect(events.length).toBeGreaterThan(1);
  });

  it('names a refused row in the middle of the 3rd batch by its row and column, and rejects the file', async () => {
    const dir = tempDir();
    const db = workspace(dir, 'w.closebook');
    // Only this row is bad: the others of the usual file are made good.
    const path = writeFile(dir, 60_000, (i, text) => (i === THIRD_CHUNK_ROW ? text.replace(/,sale,2026-10-\d\d,[^,]+,/, ',sale,2026-10-03,12.5.0,') : refusedRow(i) || lockedRow(i) ? line(i).replace(/^t\w+_\d+,sale,2026-\d\d-\d\d,[^,]+,/, `ok_${i},sale,2026-10-02,1.00,`) : text));
    PARSE_WORKER_LIMITS.minBytes = 0;
    const result = await commitFile(db, input(path, { onError: 'reject' }), ctx());
    expect(result.status).toBe('rejected');
    expect(result.counts.error).toBe(1);
    expect(result.problems).toEqual([{ rowNumber: rowOf(THIRD_CHUNK_ROW), column: 'amount', message: expect.stringContaining('12.5.0') }]);
    expect(count(db, 'revenues')).toBe(0);
    expect(runningParseWorkers()).toBe(0);
  });

  it('fails on a ragged row in the 3rd batch with the same error as in-thread, and stores nothing', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 60_000, (i, text) => (i === THIRD_CHUNK_ROW ? `${text},extra` : text));
    const errors: unknown[] = [];
    for (const minBytes of [Number.MAX_SAFE_INTEGER, 0]) {
      const db = workspace(dir, `w${minBytes}.closebook`);
      PARSE_WORKER_LIMITS.minBytes = minBytes;
      errors.push(await commitFile(db, input(path), ctx()).catch((error: unknown) => error));
      expect(count(db, 'revenues') + count(db, 'import_batches')).toBe(0);
    }
    expect(errors[0]).toMatchObject({ code: 'ragged_row', detail: { row: rowOf(THIRD_CHUNK_ROW) }, message: expect.stringContaining(`Row ${rowOf(THIRD_CHUNK_ROW)} has 7 cells, but the header has 6 columns`) });
    expect(errors[1]).toEqual(errors[0]);
    expect({ ...(errors[1] as object) }).toEqual({ ...(errors[0] as object) });
    expect(runningParseWorkers()).toBe(0);
  });

  it('fails on bytes that are not UTF-8 far into the file with the same message, row and column as in-thread', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 60_000, (i, text) => (i === THIRD_CHUNK_ROW ? text.replace(/,[^,]*$/, ',M\u00fcller') : text));
    // The one non-ASCII cell, as Windows-1252 writes it: one byte 0xFC.
    const bytes = Buffer.from(readFileSync(path, 'utf8').replace('M\u00fcller', 'M\u0000ller'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xfc;
    writeFileSync(path, bytes);
    const errors: Array<{ code: string; message: string; detail: unknown }> = [];
    for (const minBytes of [Number.MAX_SAFE_INTEGER, 0]) {
      const db = workspace(dir, `w${minBytes}.closebook`);
      PARSE_WORKER_LIMITS.minBytes = minBytes;
      errors.push((await commitFile(db, input(path), ctx()).catch((error: unknown) => error)) as (typeof errors)[number]);
      expect(count(db, 'revenues') + count(db, 'import_batches')).toBe(0);
    }
    expect(errors[0]).toMatchObject({ code: 'invalid_encoding', detail: { row: rowOf(THIRD_CHUNK_ROW), column: 6 } });
    expect(errors[0].message).toContain('"M\uFFFDller" as UTF-8 and "M\u00fcller" as Windows-1252');
    expect(errors[1].message).toBe(errors[0].message);
    expect(errors[1].detail).toEqual(errors[0].detail);
    expect(runningParseWorkers()).toBe(0);
  });

  it('a cancel mid-file stores nothing and stops the worker', async () => {
    const dir = tempDir();
    const db = workspace(dir, 'w.closebook');
    const path = writeFile(dir, 60_000);
    PARSE_WORKER_LIMITS.minBytes = 0;
    PARSE_WORKER_LIMITS.window = 1;
    const abort = new AbortController();
    let doneWhenCancelled = 0;
    const error = await commitFile(
      db,
      input(path),
      ctx(abort.signal, (e) => {
        if (e.done > 0 && !abort.signal.aborted) {
          doneWhenCancelled = e.done;
          abort.abort();
        }
      }),
    ).catch((e: unknown) => e);
    expect(doneWhenCancelled).toBeGreaterThan(0);
    expect(doneWhenCancelled).toBeLessThan(60_000);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(count(db, 'revenues') + count(db, 'import_batches') + count(db, 'import_outcomes')).toBe(0);
    expect(runningParseWorkers()).toBe(0);
  });

  it('a worker that dies mid-file fails the import with a clear error, and stores nothing', async () => {
    const dir = tempDir();
    const db = workspace(dir, 'w.closebook');
    const path = writeFile(dir, 60_000);
    PARSE_WORKER_LIMITS.minBytes = 0;
    PARSE_WORKER_LIMITS.crashAfterChunks = 2;
    const error = await commitFile(db, input(path), ctx()).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'internal_error', code: 'file_reader_stopped', message: expect.stringContaining('The file reader stopped before the end of the file (exit code 70); nothing was imported') });
    expect(count(db, 'revenues') + count(db, 'import_batches') + count(db, 'import_outcomes')).toBe(0);
    expect(runningParseWorkers()).toBe(0);
    // The workspace takes the next import.
    delete PARSE_WORKER_LIMITS.crashAfterChunks;
    const result = await commitFile(db, input(path), ctx());
    const bad = badRows(60_000);
    expect(result.counts.created).toBe(60_000 - bad.error - bad.blocked);
    expect(runningParseWorkers()).toBe(0);
  });

  it('is off by default; on, a file under the threshold is read in-thread, with no worker started', async () => {
    expect(DEFAULTS.minBytes).toBe(Infinity);
    const dir = tempDir();
    const db = workspace(dir, 'w.closebook');
    const path = writeFile(dir, 2_000);
    PARSE_WORKER_LIMITS.minBytes = 8 << 20;
    const before = parseWorkersStarted();
    const result = await commitFile(db, input(path), ctx());
    const bad = badRows(2_000);
    expect(result.counts.created).toBe(2_000 - bad.error - bad.blocked);
    expect(parseWorkersStarted()).toBe(before);
    // The same file past a lowered threshold takes the worker.
    PARSE_WORKER_LIMITS.minBytes = 0;
    await checkFile(db, input(path), ctx());
    expect(parseWorkersStarted()).toBe(before + 1);
    expect(runningParseWorkers()).toBe(0);
  });
});

describe('the parse worker in the CLI bundle', () => {
  it('imports through the bundled worker exactly as in-thread', () => {
    const dir = tempDir();
    const path = writeFile(dir, 5_000);
    // Inside the checkout: the bundle finds better-sqlite3 in its node_modules from there.
    const cache = join(process.cwd(), '.cache', `cli-parse-worker-${process.pid}`);
    try {
      const outputs = ['0', String(Number.MAX_SAFE_INTEGER)].map((minBytes) => {
        const file = join(dir, `cli-${minBytes.length}.closebook`);
        workspace(dir, `cli-${minBytes.length}.closebook`);
        return execFileSync(process.execPath, [join(process.cwd(), 'bin/closebook.mjs'), 'import', 'revenues', path, '--workspace', file, '--org', ORG, '--on-error', 'skip'], {
          encoding: 'utf8',
          env: { ...process.env, CLOSEBOOK_CLI_CACHE: cache, CLOSEBOOK_PARSE_WORKER_MIN_BYTES: minBytes },
        });
      });
      expect(readdirSync(cache)).toContain('import-parse-worker.js');
      const bad = badRows(5_000);
      expect(JSON.parse(outputs[0])).toMatchObject({ status: 'committed', counts: { created: 5_000 - bad.error - bad.blocked, error: bad.error } });
      expect(outputs[0]).toBe(outputs[1]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
