import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/shared/progress';
import type { Org } from '../../src/shared/contract/orgs';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { digestWorkspaceData } from '../../src/main/demo/digest';
import { openWorkspace } from '../../src/main/db/workspace';
import { callOk, LOCAL, tempDir, tempWorkspace } from '../support/temp-workspace';

// demo.load fills the open, empty workspace with what `closebook demo` writes to a new file.

const OPTIONS = { revenues: 3_000, seed: 7, endPeriod: '2026-11' };

describe('demo.load', () => {
  it('writes the same data as `closebook demo` with the same options, streaming progress', async () => {
    const { workspace, core } = tempWorkspace();
    const events: ProgressEvent[] = [];
    const result = await core.call('demo.load', OPTIONS, LOCAL, (event) => events.push(event)).result;
    expect(result.ok && result.value).toMatchObject({ orgs: 3, payees: 60, products: 300, revenues: 3_000 });
    expect(events.at(0)).toMatchObject({ task: 'demo.load', done: 0, total: 3_000 });
    expect(events.at(-1)).toMatchObject({ task: 'demo.load', done: 3_000, total: 3_000 });

    const file = join(tempDir(), 'cli.closebook');
    createDemoWorkspace(file, OPTIONS);
    const made = openWorkspace(file, { create: false });
    made.db.prepare("DELETE FROM workspace_meta WHERE key = 'name'").run(); // a new file is named after the demo; an open one keeps its name
    expect(digestWorkspaceData(workspace.db)).toBe(digestWorkspaceData(made.db));
    made.close();

    const orgs = (await callOk<{ orgs: Org[] }>(core, 'orgs.list', {})).orgs;
    expect(orgs.map((o) => o.currency)).toEqual(expect.arrayContaining(['USD', 'EUR']));
  });

  it('is refused once the workspace holds an organization, and changes nothing', async () => {
    const { workspace, core } = tempWorkspace();
    await callOk(core, 'orgs.create', { name: 'Mine', currency: 'CHF' });
    const before = digestWorkspaceData(workspace.db);
    const result = await core.call('demo.load', OPTIONS, LOCAL).result;
    expect(result.ok === false && result.error).toMatchObject({ type: 'conflict', code: 'workspace_not_empty' });
    expect(result.ok === false && result.error.message).toContain('only into an empty workspace');
    expect(digestWorkspaceData(workspace.db)).toBe(before);
  });

  it('cancelled half-way, leaves the workspace empty', async () => {
    const { workspace, core } = tempWorkspace();
    const call = core.call('demo.load', { ...OPTIONS, revenues: 50_000 }, LOCAL, (event) => {
      if (event.done >= 20_000) call.cancel();
    });
    const result = await call.result;
    expect(result.ok === false && result.error).toMatchObject({ code: 'cancelled' });
    for (const table of ['orgs', 'periods', 'payees', 'products', 'revenues']) {
      expect(workspace.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    // The indexes dropped for the bulk insert are back.
    const indexes = workspace.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'revenues' AND sql IS NOT NULL").pluck().get();
    expect(indexes).toBeGreaterThan(0);
  });

  it('refuses bad options naming them, and needs write:workspace', async () => {
    const { core } = tempWorkspace();
    const bad = await core.call('demo.load', { revenues: -1 }, LOCAL).result;
    expect(bad.ok === false && bad.error.message).toContain('revenues');
    const early = await core.call('demo.load', { endPeriod: '1960-01' }, LOCAL).result;
    expect(early.ok === false && early.error).toMatchObject({ code: 'invalid_input', detail: { issues: [{ field: 'endPeriod' }] } });
    const reader = await core.call('demo.load', {}, { name: 'r', permissions: ['read:workspace'] }).result;
    expect(reader.ok === false && reader.error).toMatchObject({ type: 'permission_error', detail: { required: 'write:workspace' } });
  });
});
