import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

// The UI is served from the app's own files under app://closebook/, never file://: a
// standard, secure scheme gives the page a real origin (for the CSP's 'self' and the IPC
// sender check) without granting it the whole file system.

export const APP_SCHEME = 'app';
export const APP_HOST = 'closebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app's ready event (Electron refuses it afterwards). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request, rendererDir));
}

/**
 * The file an app:// URL names inside rendererDir, or null when the URL is for another
 * host or would leave the folder (`..`, encoded separators, absolute paths).
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, pathname === '/' ? 'index.html' : pathname));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

export async function serveAppFile(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET serves files');
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return refuse(404, 'Not an app file');
  try {
    if (!(await stat(file)).isFile()) return refuse(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: appHeaders(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream') });
  } catch {
    return refuse(404, 'Not found');
  }
}

function appHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: appHeaders('text/plain; charset=utf-8') });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
