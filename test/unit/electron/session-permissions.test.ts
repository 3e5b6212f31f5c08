import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { applyDevContentSecurityPolicy, devContentSecurityPolicy } from '../../../src/main/electron/dev-content-security';
import { denyAllPermissions } from '../../../src/main/electron/session-permissions';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';

type Handler = (...args: unknown[]) => unknown;

describe('session permissions', () => {
  it('answers no to every permission request, check and device', () => {
    const handlers: Record<string, Handler> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
      setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
      setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
    } as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      handlers.request({}, permission, (answer: boolean) => (granted = answer), {});
      expect(granted, permission).toBe(false);
      expect(handlers.check({}, permission, 'app://closebook', {})).toBe(false);
    }
    expect(handlers.device({ deviceType: 'usb' })).toBe(false);
  });
});

describe('the dev-mode content security policy', () => {
  it('adds only the inline preamble and the HMR websocket to the strict policy', () => {
    const policy = devContentSecurityPolicy('http://localhost:5173');
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).toContain("object-src 'none'");
    // Nothing else differs from the production policy.
    expect(policy.replace("script-src 'self' 'unsafe-inline'", "script-src 'self'").replace(' ws://localhost:5173', '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('sets the header on the dev server responses', () => {
    let filter: unknown;
    let listener: Handler | undefined;
    applyDevContentSecurityPolicy({ webRequest: { onHeadersReceived: (f: unknown, l: Handler) => ((filter = f), (listener = l)) } } as unknown as Session, 'http://localhost:5173');
    expect(filter).toEqual({ urls: ['http://localhost:5173/*'] });
    let response: { responseHeaders: Record<string, string[]> } | undefined;
    listener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: typeof response) => (response = r));
    expect(response!.responseHeaders['Content-Type']).toEqual(['text/html']);
    expect(response!.responseHeaders['Content-Security-Policy'][0]).toContain("default-src 'self'");
  });
});
