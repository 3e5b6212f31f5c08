import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME, handleAppScheme, registerAppScheme, resolveAppFile, serveAppFile } from '../../../src/main/electron/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';
import { tempDir } from '../../support/temp-workspace';

function rendererFolder(): string {
  const root = tempDir();
  const renderer = join(root, 'out', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Closebook</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  writeFileSync(join(root, 'out', 'renderer-secret.txt'), 'beside the renderer');
  return renderer;
}

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme that can fetch', () => {
    let registered: unknown;
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown) => (registered = schemes) } as unknown as Protocol);
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
  });

  it('serves the app files with the Content-Security-Policy header', async () => {
    const renderer = rendererFolder();
    const page = await serveAppFile(new Request('app://closebook/'), renderer);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Closebook</title>');

    const script = await serveAppFile(new Request('app://closebook/assets/index-abc.js'), renderer);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses paths outside out/renderer, however they are spelled', async () => {
    const renderer = rendererFolder();
    const attempts = [
      'app://closebook/../../secret.txt',
      'app://closebook/%2e%2e/%2e%2e/secret.txt',
      'app://closebook/..%2f..%2fsecret.txt',
      'app://closebook/assets/..%2f..%2frenderer-secret.txt',
      'app://closebook/%2e%2e%2frenderer-secret.txt',
      'app://closebook/..%5c..%5csecret.txt',
      'app://closebook/%2fetc%2fpasswd',
      'app://closebook/index.html%00.js',
      'app://closebook/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await serveAppFile(new Request(url), renderer);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside');
    }
    // Encoded separators survive URL parsing and would climb out once decoded: refused.
    expect(resolveAppFile(renderer, 'app://closebook/..%2f..%2fsecret.txt')).toBeNull();
    // Plain and %2e dot segments are folded by the URL parser itself, so they stay inside.
    expect(resolveAppFile(renderer, 'app://closebook/%2e%2e/%2e%2e/secret.txt')).toBe(join(renderer, 'secret.txt'));
    expect(resolveAppFile(renderer, 'app://closebook/assets/index-abc.js')).toBe(join(renderer, 'assets', 'index-abc.js'));
  });

  it('refuses other hosts, other schemes, missing files, folders and writes', async () => {
    const renderer = rendererFolder();
    expect((await serveAppFile(new Request('app://elsewhere/index.html'), renderer)).status).toBe(404);
    expect(resolveAppFile(renderer, 'file:///index.html')).toBeNull();
    expect((await serveAppFile(new Request('app://closebook/missing.js'), renderer)).status).toBe(404);
    expect((await serveAppFile(new Request('app://closebook/assets'), renderer)).status).toBe(404);
    expect((await serveAppFile(new Request('app://closebook/index.html', { method: 'POST', body: 'x' }), renderer)).status).toBe(405);
  });

  it('is handled by protocol.handle for the app scheme', async () => {
    const renderer = rendererFolder();
    let scheme: string | undefined;
    let handler: ((request: Request) => Promise<Response>) | undefined;
    handleAppScheme({ handle: (s: string, h: typeof handler) => ((scheme = s), (handler = h)) } as unknown as Protocol, renderer);
    expect(scheme).toBe(APP_SCHEME);
    expect((await handler!(new Request('app://closebook/index.html'))).status).toBe(200);
  });
});
