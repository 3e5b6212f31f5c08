import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/driver';
import { writeState } from '../../db/write-state';
import { threadCpuSeconds } from '../../imports/parse-worker/thread-cpu';
import { revenueExportLines } from '../../revenues/export';
import { lineChunks } from '../sql-lines';
import { toWireError, type FromLinesWorker, type LinesWorkerData } from './wire';

// The lines worker: builds the second part of a big export's lines (those after `skip`, in
// the export's order) on a read-only connection of its own, into a temporary file the
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
      const lines = revenueExportLines(db, data.job.view, data.skip);
      // Read inside the transaction, after its first read: the version this snapshot holds.
      const before = writeState(db);
      const progress = new Int32Array(data.progress);
      let rows = 0;
      let bytes = 0;
      let chunks = 0;
      try {
        for (const chunk of lineChunks(db, lines.lineSql, lines.count)) {
          if (data.failAfterChunks !== undefined && chunks++ >= data.failAfterChunks) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          bytes += typeof chunk.text === 'string' ? writeSync(data.fd, chunk.text) : writeSync(data.fd, chunk.text);
          rows += chunk.rows;
          Atomics.store(progress, 0, rows);
        }
      } finally {
        lines.drop();
      }
      db.exec('COMMIT');
      return { type: 'done', rows, bytes, changed: writeState(db) !== before, cpuSeconds: threadCpuSeconds() };
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
