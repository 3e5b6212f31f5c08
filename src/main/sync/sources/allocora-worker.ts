import { parentPort, workerData } from 'node:worker_threads';
import { setRetryPolicy, type RetryPolicy } from '../http-client';
import { SyncFault } from '../sync-fault';
import { pageThrough, type AllocoraRecord, type Paging } from './allocora-pages';
import type { FromPuller, ToPuller } from './allocora-thread';

// The worker thread of a first sync of seed 001 (allocora-thread.ts starts it): carries on
// the paging it is given, and posts the records checked and hashed, RECORDS_PER_MESSAGE at a
// time; it stops between pages when the `cancel` flag is set. It waits while MAX_IN_FLIGHT
// messages are not yet stored, so a slow store holds only that many records here (the
// memory stays bounded).

const RECORDS_PER_MESSAGE = 1000;
const MAX_IN_FLIGHT = 8;

const port = parentPort!;
const { baseUrl, key, pagings, policy, cancel } = workerData as { baseUrl: string; key: string; pagings: Paging[]; policy: RetryPolicy; cancel: Int32Array };
setRetryPolicy(policy);
const send = (message: FromPuller) => port.postMessage(message);

let sent = 0;
let stored = 0;
let wake: (() => void) | null = null;
port.on('message', (message: ToPuller) => {
  stored = message.stored;
  wake?.();
});

let ids: string[] = [];
let hashes: string[] = [];
let fields: Array<Record<string, unknown>> = [];

async function flush(paging: Paging): Promise<void> {
  if (ids.length > 0) {
    send({ type: 'records', entity: paging.entity, read: paging.read, ids, hashes, fields });
    sent++;
    ids = [];
    hashes = [];
    fields = [];
  }
  while (sent - stored >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
}

async function main(): Promise<void> {
  for (const paging of pagings) {
    const sink = async (_: string, records: AllocoraRecord[]) => {
      for (const record of records) {
        ids.push(record.sourceId);
        hashes.push(record.serverHash);
        fields.push(record.fields);
      }
      if (ids.length >= RECORDS_PER_MESSAGE) await flush(paging);
    };
    await pageThrough(baseUrl, key, paging, sink, { page: () => {}, cancelled: () => Atomics.load(cancel, 0) === 1 });
    await flush(paging);
    send({ type: 'entity', paging });
  }
  send({ type: 'done' });
}

main().catch((error: unknown) => {
  if (error instanceof SyncFault) send({ type: 'fault', message: error.message, status: error.status });
  else send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
