import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import type { MappingProfile, ProfileNameTakenDetail, ProfileSummary } from '../../src/shared/contract/import-files';
import { fails, ok, setup } from './import-files-support';

// profiles.importFile refuses every kind of bad file with a message naming the problem,
// and never replaces a profile whose name the file's profile shares: the Profiles panel
// shows these messages and offers to import under another name.

const PAYEES = { name: 'Payee list', entity: 'payees', header: ['Name', 'Mail'], mapping: { columns: { name: 'Name', email: 'Mail' } } };
const wrapped = (profile: unknown, extra: Record<string, unknown> = {}) => ({ format: 'closebook-mapping-profile', version: 1, profile, ...extra });

function importText(ctx: ReturnType<typeof setup>, name: string, text: string) {
  const path = join(ctx.dir, name);
  writeFileSync(path, text);
  return fails(ctx.core, 'profiles.importFile', { path });
}

describe('profiles.importFile refuses a bad file, naming the problem', () => {
  it.each([
    ['empty', '', /The file is empty/],
    ['not JSON', '{"name": "x",', /not valid JSON/],
    ['a list', '[1, 2]', /holds a list, not an object/],
    ['some other JSON', '{"rows": [], "columns": ["a"]}', /none of name, entity, description, header, mapping/],
    ['another format', JSON.stringify({ format: 'closebook-grid-view', version: 1 }), /format is "closebook-grid-view"/],
    ['a newer version', JSON.stringify(wrapped(PAYEES, { version: 2 })), /version 2; this Closebook reads version 1/],
  ])('%s', async (_case, text, message) => {
    const ctx = setup();
    expect(await importText(ctx, 'bad.json', text)).toMatchObject({ type: 'validation_error', code: 'invalid_profile_file', message: expect.stringMatching(message) });
  });

  it('unknown fields, in the wrapper and in the profile, each named where the file has it', async () => {
    const ctx = setup();
    const wrapper = await importText(ctx, 'a.json', JSON.stringify(wrapped(PAYEES, { comment: 'hi' })));
    expect(wrapper).toMatchObject({ code: 'invalid_profile_file', message: expect.stringContaining('unknown fields: comment'), detail: { issues: [{ field: 'comment' }] } });
    const inner = await importText(ctx, 'b.json', JSON.stringify(wrapped({ ...PAYEES, colour: 'red', mapping: { ...PAYEES.mapping, sumchek: null } })));
    expect(inner.code).toBe('invalid_profile_file');
    expect(inner.detail).toEqual({
      issues: expect.arrayContaining([
        { field: 'profile.colour', message: 'is not a field of a mapping profile' },
        { field: 'profile.mapping.sumchek', message: 'is not a field of a mapping profile' },
      ]),
    });
    // A bare profile (not the exported form) is named from its own top.
    const bare = await importText(ctx, 'c.json', JSON.stringify({ ...PAYEES, colour: 'red' }));
    expect(bare.detail).toEqual({ issues: [{ field: 'colour', message: 'is not a field of a mapping profile' }] });
  });

  it('the wrong shape: a field of the wrong type, an unknown entity, a sum check without enough columns', async () => {
    const ctx = setup();
    const error = await importText(
      ctx,
      'shape.json',
      JSON.stringify(wrapped({ ...PAYEES, entity: 'invoices', header: 'Name', mapping: { sumCheck: { parts: ['a'], total: 'b' } } })),
    );
    expect(error.code).toBe('invalid_profile_file');
    const fields = (error.detail as { issues: Array<{ field: string }> }).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['profile.entity', 'profile.header', 'profile.mapping.sumCheck']));
    expect(error.message).toMatch(/profile\.mapping\.sumCheck: a sum check needs at least two columns besides the total/);
    expect((await ok<{ profiles: ProfileSummary[] }>(ctx.core, 'profiles.list', {})).profiles.filter((p) => !p.builtIn)).toEqual([]);
  });
});

describe('a name already in use', () => {
  it('a built-in name is refused with the profile read, which profiles.save then stores under another name', async () => {
    const ctx = setup();
    const path = join(ctx.dir, 'stripe.json');
    await ok(ctx.core, 'profiles.exportFile', { name: 'Stripe itemized balance report', path });
    const error = await fails(ctx.core, 'profiles.importFile', { path });
    expect(error).toMatchObject({ type: 'conflict', code: 'profile_name_taken', message: expect.stringContaining('"Stripe itemized balance report", which is already a built-in profile') });
    const detail = error.detail as ProfileNameTakenDetail;
    expect(detail.existing).toEqual({ name: 'Stripe itemized balance report', builtIn: true });
    expect(detail.profile).toEqual(JSON.parse(readFileSync(path, 'utf8')).profile);
    expect(await ok(ctx.core, 'profiles.save', { profile: { ...detail.profile, name: 'Stripe (EU)' } })).toEqual({ name: 'Stripe (EU)' });
    const { profiles } = await ok<{ profiles: ProfileSummary[] }>(ctx.core, 'profiles.list', {});
    expect(profiles.find((p) => p.name === 'Stripe (EU)')).toMatchObject({ builtIn: false, entity: 'revenues', header: detail.profile.header, columnCount: 11 });
  });

  it('a saved name (in any case) is refused and the saved profile is kept as it was', async () => {
    const ctx = setup();
    await ok(ctx.core, 'profiles.save', { profile: { ...PAYEES, description: 'mine' } });
    const error = await importText(ctx, 'p.json', JSON.stringify(wrapped({ ...PAYEES, name: 'PAYEE LIST', description: 'theirs' })));
    expect(error).toMatchObject({ code: 'profile_name_taken', message: expect.stringContaining('or delete the saved one first') });
    expect((error.detail as ProfileNameTakenDetail).existing).toEqual({ name: 'Payee list', builtIn: false });
    expect(await ok<MappingProfile>(ctx.core, 'profiles.get', { name: 'Payee list' })).toMatchObject({ name: 'Payee list', description: 'mine' });
  });
});

describe('over HTTP (browser mode)', () => {
  let server: RunningHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('an uploaded bad file answers 400 with the message, a name clash 409', async () => {
    const ctx = setup();
    server = await startHttpServer({ core: ctx.core });
    const upload = (text: string) =>
      fetch(`http://127.0.0.1:${server!.port}/api/profiles.importFile`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server!.token}`, 'X-Closebook-Input': encodeURIComponent('{}') },
        body: text,
      });
    const bad = await upload('name,entity\nx,payees\n');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_profile_file', message: expect.stringMatching(/not valid JSON/) } });
    expect((await upload(JSON.stringify(PAYEES))).status).toBe(200);
    const clash = await upload(JSON.stringify(PAYEES));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ ok: false, error: { code: 'profile_name_taken', detail: { existing: { name: 'Payee list' }, profile: { name: 'Payee list' } } } });
  });
});
