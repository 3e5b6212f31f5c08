/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract } from '../../src/shared/contract';

// Every area's slice: the exports named "...Methods" of the contract files.
const modules = import.meta.glob<Record<string, unknown>>('../../src/shared/contract/*.ts', { eager: true });
const slices = Object.values(modules).flatMap((m) => Object.entries(m).filter(([k]) => k.endsWith('Methods')).map(([, v]) => v as object));
import { PERMISSIONS } from '../../src/shared/permissions';
import { APP_VERSION } from '../../src/main/app-version';

describe('the API contract', () => {
  it('names methods area.verb (ping excepted)', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^(ping|[a-z]+\.[a-z][A-Za-z]*)$/);
  });

  it('declares each method in exactly one slice', () => {
    const all = slices.flatMap(Object.keys);
    expect(new Set(all).size).toBe(all.length);
    for (const name of Object.keys(contract)) expect(all).toContain(name);
  });

  it('gives every method a summary and a known permission', () => {
    for (const name of METHOD_NAMES) {
      expect(contract[name].summary.length).toBeGreaterThan(10);
      if (contract[name].permission) expect(PERMISSIONS).toContain(contract[name].permission);
    }
  });

  it('keeps the app version in step with package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('the page Content-Security-Policy', () => {
  it('is the same in index.html as in the header, less what a meta tag cannot carry', async () => {
    const { CONTENT_SECURITY_POLICY_META } = await import('../../src/main/security/csp');
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY_META}"`);
  });
});
