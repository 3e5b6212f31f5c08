import { parentPort, workerData } from 'node:worker_threads';
import { compileMapping } from '../mapping/compile-mapping';
import { RowMapper } from '../mapping/row-mapper';
import { openCsv } from '../parse';
import { threadCpuSeconds } from './thread-cpu';
import { ChunkPacker, toWireError, type FromParseWorker, type MappedRow, type ParseWorkerData, type ToParseWorker } from './wire';

// The parse worker: reads, decodes, tokenizes and maps a file on a thread of its own, so
// the importing thread only checks and writes. It reads the file from its start, as the
// importing thread opened it, and learns the number and date formats from the same first
// batch, so every row maps exactly as it would have there.

const port = parentPort!;
const data = workerData as ParseWorkerData;
const send = (message: FromParseWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// Back-pressure: at most `window` chunks sent and not taken, so memory stays bounded whatever the file's size.
let credit = data.window;
let wake: (() => void) | null = null;
port.on('message', (message: ToParseWorker) => {
  if (message.type !== 'take') return;
  credit++;
  wake?.();
  wake = null;
});
const hasCredit = () => (credit > 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));

async function run(): Promise<void> {
  const mapper = new RowMapper(compileMapping(data.entity, data.mapping, data.header));
  const packer = new ChunkPacker();
  let sent = 0;
  let rows = 0;
  let observed = false;
  let bytesRead = 0;
  // The reader's position is known after each read; sent with the rows of that read.
  const csv = await openCsv(data.path, { encoding: data.encoding, delimiter: data.delimiter, onProgress: (p) => (bytesRead = p.bytesRead) });
  const batches = csv.batches();
  for (;;) {
    const next = await batches.next();
    if (next.done) break;
    const batch = next.value;
    if (!observed) {
      mapper.observe(batch);
      observed = true;
    }
    const mapped: MappedRow[] = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const record = mapper.map(row.cells);
      mapped[i] = record === null ? { rowNumber: row.rowNumber, record: null, failure: mapper.failure! } : { rowNumber: row.rowNumber, record, failure: null };
    }
    rows += batch.length;
    await hasCredit();
    credit--;
    const chunk = packer.pack(mapped, bytesRead);
    send({ type: 'chunk', chunk }, [chunk.rowNumbers.buffer as ArrayBuffer, chunk.tags.buffer as ArrayBuffer, chunk.ends.buffer as ArrayBuffer]);
    if (data.crashAfterChunks !== undefined && ++sent >= data.crashAfterChunks) process.exit(70);
  }
  send({ type: 'done', rows, cpuSeconds: threadCpuSeconds() });
}

run().then(
  () => port.close(),
  (error: unknown) => {
    send({ type: 'error', error: toWireError(error) });
    port.close();
  },
);
