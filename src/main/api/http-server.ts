import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { contract, isMethodName, type MethodSpec } from '../../shared/contract';
import { httpStatusOf, type ApiError, type Result } from '../../shared/errors';
import type { CoreHost } from '../core/host';
import type { WirePrincipal } from '../core/protocol';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { apiError } from './http/api-error';
import { sendDownload } from './http/file-download';
import { readJsonBody } from './http/json-body';
import { UploadStaging } from './http/upload-staging';

// Browser mode: the same registry over loopback HTTP. Binds 127.0.0.1 only, needs the
// per-launch bearer token (or a stored API key), and refuses foreign Host headers so a
// web page elsewhere cannot reach it by DNS rebinding.

const LAUNCH_PRINCIPAL: WirePrincipal = { name: 'launch token', permissions: 'all' };

export interface HttpServerOptions {
  core: CoreHost;
  /** Built renderer to serve at "/"; omitted in API-only tests. */
  rendererDir?: string;
  token?: string;
  port?: number;
  /** Where browser uploads are staged (default: a new folder under the system temp folder). */
  stagingDir?: string;
  /** The largest upload accepted (default 2.5 GiB); never more than the free disk space less a margin. */
  maxUploadBytes?: number;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  stagingDir: string;
  close(): Promise<void>;
}

export function newLaunchToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? newLaunchToken();
  const staging = new UploadStaging(options.stagingDir, options.maxUploadBytes);
  const stagingDir = staging.dir;
  let port = options.port ?? 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendError(res, apiError('internal_error', 'internal', `Request failed: ${(error as Error).message}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return sendError(res, apiError('permission_error', 'host_not_allowed', `Host "${req.headers.host ?? ''}" is not this server; use http://127.0.0.1:${port}/`));
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendError(res, apiError('validation_error', 'invalid_url', `The address ${url.pathname} is not valid percent-encoded UTF-8`));
    }
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, apiError('validation_error', 'method_not_allowed', 'API methods are called with POST'));
      return handleApi(req, res, pathname.slice('/api/'.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, apiError('validation_error', 'method_not_allowed', 'Only GET serves files'));
    return serveStatic(res, pathname);
  }

  async function authenticate(req: IncomingMessage): Promise<WirePrincipal | ApiError> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match) return apiError('authentication_error', 'missing_token', 'Send Authorization: Bearer <token> (the token is in the link Closebook printed)');
    if (safeEqual(match[1], token)) return LAUNCH_PRINCIPAL;
    const principal = await options.core.authenticate(match[1]);
    return principal ?? apiError('authentication_error', 'invalid_token', 'The bearer token is not valid for this Closebook session or workspace');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    const principal = await authenticate(req);
    if ('type' in principal) return sendError(res, principal);
    const spec = isMethodName(method) ? contract[method] : undefined;
    // A key that may not call the method is refused before a byte of its body is stored.
    if (spec && !allows(principal, spec)) {
      req.resume();
      return sendError(res, apiError('permission_error', 'missing_permission', `This key lacks the "${spec.permission}" permission that ${method} requires`, { required: spec.permission }));
    }
    let body: unknown;
    try {
      body = spec?.readsUpload ? await stageUpload(req) : await readJsonBody(req);
    } catch (error) {
      return sendError(res, error as ApiError);
    }
    if (!spec?.readsUpload && !spec?.writesFile && body && typeof body === 'object' && typeof (body as { path?: unknown }).path === 'string') {
      // A browser may only name files it uploaded here, never any other file on this machine.
      const path = normalize((body as { path: string }).path);
      if (!path.startsWith(stagingDir + sep)) {
        return sendError(res, apiError('validation_error', 'invalid_input', 'Over HTTP, "path" must be a file staged by imports.upload', { issues: [{ field: 'path', message: 'not a staged upload' }] }));
      }
    }
    let exportPath: string | null = null;
    if (spec?.writesFile && body && typeof body === 'object') {
      if ('path' in body) {
        return sendError(res, apiError('validation_error', 'invalid_input', 'Over HTTP the file is sent back as a download; do not pass "path"', { issues: [{ field: 'path', message: 'not accepted over HTTP' }] }));
      }
      exportPath = staging.newPath(`.${spec.fileType ?? 'csv'}`);
      body = { ...body, path: exportPath };
    }
    // A file-writing method answers with the file itself, so it never streams NDJSON.
    const streaming = !exportPath && (req.headers.accept ?? '').includes('application/x-ndjson');
    const call = options.core.call(method, body, principal, (event) => {
      if (streaming) res.write(JSON.stringify({ progress: event }) + '\n');
    });
    // The request's own 'close' has fired once its body was read; the response's 'close'
    // before it finished is the client going away (a cancelled fetch), so cancel the call.
    res.on('close', () => {
      if (!res.writableFinished) call.cancel();
    });
    if (streaming) res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
    const result = await call.result;
    releaseUploads(method, body, spec, result);
    if (streaming) return res.end(JSON.stringify(result) + '\n');
    if (exportPath) {
      if (result.ok) return sendDownload(res, exportPath, `${method.replace(/\W+/g, '-')}.${spec!.fileType ?? 'csv'}`, (result.value as { rowCount?: number }).rowCount);
      staging.remove(exportPath);
    }
    sendResult(res, result);
  }

  /**
   * A staged upload is removed once the import that used it has ended: a committed (or
   * rejected) import of it, or a method that reads its upload in the same call. An
   * abandoned wizard's file is swept after a day, and with the folder when the server stops.
   */
  function releaseUploads(method: string, body: unknown, spec: MethodSpec | undefined, result: Result<unknown>) {
    const path = body && typeof body === 'object' ? (body as { path?: unknown }).path : undefined;
    if (typeof path !== 'string' || spec?.writesFile) return;
    const importEnded = method === 'imports.commit' && result.ok;
    if (importEnded || (spec?.readsUpload && method !== 'imports.upload')) staging.remove(path);
  }

  /** Stream the request body (the file) into the staging folder; the input comes in a header. */
  async function stageUpload(req: IncomingMessage): Promise<unknown> {
    let input: unknown;
    try {
      input = JSON.parse(decodeURIComponent(String(req.headers['x-closebook-input'] ?? '{}')));
    } catch (error) {
      throw apiError('validation_error', 'invalid_json', `The X-Closebook-Input header is not valid JSON: ${(error as Error).message}`);
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw apiError('validation_error', 'invalid_json', 'X-Closebook-Input must be a JSON object');
    return { ...input, path: await staging.receive(req) };
  }

  function serveStatic(res: ServerResponse, pathname: string) {
    if (!options.rendererDir) return sendError(res, apiError('not_found', 'not_found', 'No user interface is served here'));
    const root = normalize(options.rendererDir);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return sendError(res, apiError('not_found', 'not_found', `No file ${pathname}`));
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    stagingDir,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          staging.close();
          resolve();
        });
        // A browser keeps connections open (keep-alive, a download in flight); end them so
        // closing never waits on a client.
        server.closeAllConnections();
      }),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendResult(res: ServerResponse, result: Result<unknown>) {
  const status = result.ok ? 200 : httpStatusOf(result.error);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}

function sendError(res: ServerResponse, error: ApiError) {
  sendResult(res, { ok: false, error });
}

function allows(principal: WirePrincipal, spec: MethodSpec): boolean {
  return spec.permission === null || principal.permissions === 'all' || principal.permissions.includes(spec.permission);
}
