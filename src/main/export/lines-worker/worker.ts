import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/driver';
import { writeState } from '../../db/write-state';
import { threadCpuSeconds } from '../../imports/parse-worker/thread-cpu';
import { revenueExportLines } from '../../revenues/export';
import { lineChunkReader } from '../sql-lines';
import { WORKER_ROWS, claimChunk, toWireError, type FromLinesWorker, type LinesWorkerData } from './wire';

// The lines worker: builds the last chunks of a big export's lines (claimed from the back,
// see claimChunk) on a read-only connection of its own, into a temporary file the
// exporting thread appends to its own part. It reports whether the workspace changed while
// it read (data_version), so the exporting thread can tell both parts saw the same rows.

const port = parentPort!;
const data = workerData as LinesWorkerData;
const send = (message: FromLinesWorker) => port.postMessage(message);

function run(): FromLinesWorker {
  const db = openDatabase(data.database, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    try {
      const lines = revenueExportLines(db, data.job.view);
      // Read inside the transaction, after its first read: the version this snapshot holds.
      const before = writeState(db);
      const shared = new Int32Array(data.shared);
      const lengths: number[] = [];
      let rows = 0;
      try {
        // Other rows than the exporting thread's read: write nothing, it exports again on one thread.
        if (lines.count !== data.count) return { type: 'done', rows: 0, lengths, changed: true, cpuSeconds: threadCpuSeconds() };
        const reader = lineChunkReader(db, lines.lineSql, lines.count, data.chunkRows);
        for (let index = claimChunk(shared, reader.chunks, true, 0); index !== null; index = claimChunk(shared, reader.chunks, true, lengths.length)) {
          if (data.failAfterChunks !== undefined && lengths.length >= data.failAfterChunks) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          const chunk = reader.read(index);
          lengths.push(typeof chunk.text === 'string' ? writeSync(data.fd, chunk.text) : writeSync(data.fd, chunk.text));
          rows += chunk.rows;
          Atomics.store(shared, WORKER_ROWS, rows);
        }
      } finally {
        lines.drop();
      }
      db.exec('COMMIT');
      return { type: 'done', rows, lengths, changed: writeState(db) !== before, cpuSeconds: threadCpuSeconds() };
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}

try {
  send(run());
} catch (error) {
  send({ type: 'error', error: toWireError(error) });
}
port.close();
