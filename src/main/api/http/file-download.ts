import { createReadStream, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/**
 * Send a file the core wrote as a download, then remove it. Whatever ends the response
 * (done, the client going away, a read error, the server stopping) closes the file and
 * removes it; a read error after the headers ends the response instead of leaving it open.
 */
export function sendDownload(res: ServerResponse, path: string, name: string, rowCount: number | undefined): void {
  const cleanup = () => rmSync(path, { force: true });
  if (res.destroyed) return cleanup();
  const stream = createReadStream(path);
  stream.once('open', () => {
    res.writeHead(200, {
      'Content-Type': name.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Closebook-Row-Count': String(rowCount ?? ''),
      'Cache-Control': 'no-store',
    });
    stream.pipe(res);
  });
  stream.once('error', (error) => {
    cleanup();
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: false, error: { type: 'internal_error', code: 'download_failed', message: `The file could not be read: ${error.message}`, detail: null, timestamp: new Date().toISOString() } }));
    } else res.destroy(error);
  });
  stream.once('close', cleanup);
  // The client went away (or the server is stopping): stop reading; 'close' then removes the file.
  res.once('close', () => {
    if (!res.writableFinished) stream.destroy();
  });
}
