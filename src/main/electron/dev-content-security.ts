import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

// In production the app:// handler sends the CSP with every file. In --dev mode the page
// comes from Vite's dev server, which needs an inline React-refresh preamble and a
// websocket for hot reload; this is the same policy with only those two allowances.

export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

export function applyDevContentSecurityPolicy(session: Pick<Session, 'webRequest'>, devOrigin: string): void {
  const policy = devContentSecurityPolicy(devOrigin);
  session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
