import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import { FIXTURES, ORG, revenuesOf, setup, writeCsv } from './import-files-support';

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function post(method: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${server!.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${server!.token}`, ...headers }, body });
}

const json = (method: string, input: unknown) => post(method, JSON.stringify(input), { 'Content-Type': 'application/json' });
const upload = (method: string, bytes: Buffer, input: unknown) => post(method, bytes, { 'X-Closebook-Input': encodeURIComponent(JSON.stringify(input)) });

describe('importing a file from the browser', () => {
  it('uploads the file, inspects and commits it by the staged path, under the name the user picked', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const bytes = readFileSync(join(FIXTURES, 'paypal-activity.csv'));
    const staged = (await (await upload('imports.upload', bytes, { name: 'C:\\Users\\ada\\Downloads\\Download (3).csv' })).json()) as { value: { path: string } };
    expect(staged).toEqual({ ok: true, value: { path: expect.stringContaining(server.stagingDir), name: 'Download (3).csv', size: bytes.length } });
    const { path } = staged.value;
    const inspection = ((await (await json('imports.inspect', { orgId: ORG, entity: 'revenues', path })).json()) as { value: ImportInspection }).value;
    expect(inspection).toMatchObject({ file: { name: 'Download (3).csv', size: bytes.length }, profile: 'PayPal activity download', questions: [] });
    const committed = await json('imports.commit', { orgId: ORG, entity: 'revenues', path });
    expect(committed.status).toBe(200);
    expect(((await committed.json()) as { value: ImportCommitResult }).value.counts.created).toBe(5);
    expect(revenuesOf(ctx.workspace.db)).toHaveLength(5);
    expect(ctx.workspace.db.prepare('SELECT file_name FROM import_batches').pluck().get()).toBe('Download (3).csv');
  });

  it('refuses a path that was not staged by an upload', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const local = writeCsv(ctx.dir, 'local.csv', ['external_id,kind,occurred_at,amount,currency', 'x,sale,2026-10-05,1.00,USD']);
    for (const method of ['imports.inspect', 'imports.check', 'imports.commit']) {
      const res = await json(method, { orgId: ORG, entity: 'revenues', path: local });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { issues: [{ field: 'path', message: 'not a staged upload' }] } } });
    }
    // A real traversal: out of the staging folder to a file that exists beside it.
    const escapePath = `${server.stagingDir}/../${basename(ctx.dir)}/local.csv`;
    expect(existsSync(escapePath)).toBe(true);
    const escape = await json('imports.inspect', { orgId: ORG, entity: 'revenues', path: escapePath });
    expect(escape.status).toBe(400);
    expect(revenuesOf(ctx.workspace.db)).toEqual([]);
  });

  it('imports a profile file sent as an upload', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const profile = { name: 'Uploaded', entity: 'payees', header: ['Name', 'Mail'], mapping: { columns: { name: 'Name', email: 'Mail' } } };
    const res = await upload('profiles.importFile', Buffer.from(JSON.stringify(profile)), {});
    expect(await res.json()).toEqual({ ok: true, value: { name: 'Uploaded' } });
    const got = (await (await json('profiles.get', { name: 'Uploaded' })).json()) as { value: unknown };
    expect(got.value).toMatchObject({ entity: 'payees', builtIn: false, mapping: { columns: { name: 'Name', email: 'Mail' }, numberConvention: 'auto' } });
  });
});
