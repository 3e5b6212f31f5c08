import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../src/shared/contract/orgs';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-workspace';

describe('closebook orgs', () => {
  it('create makes the workspace file when it does not exist yet and prints the org as JSON', async () => {
    const path = join(tempDir(), 'new', 'books.closebook');
    expect(existsSync(path)).toBe(false);
    const made = await runCli('orgs', 'create', '--name', 'Northwind', '--currency', 'EUR', '--workspace', path);
    expect(made.code).toBe(0);
    const org = JSON.parse(made.stdout) as Org;
    expect(org).toMatchObject({ name: 'Northwind', currency: 'EUR', parentId: null });
    expect(existsSync(path)).toBe(true);

    const child = await runCli('orgs', 'create', '--name', 'Northwind FR', '--currency', 'EUR', '--parent', org.id, '--workspace', path);
    expect(JSON.parse(child.stdout)).toMatchObject({ parentId: org.id });
    const renamed = await runCli('orgs', 'update', '--id', org.id, '--name', 'Northwind Group', '--workspace', path);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ name: 'Northwind Group' });
    // The generic call reaches the same method.
    const listed = await runCli('call', 'orgs.list', '{}', '--workspace', path);
    expect((JSON.parse(listed.stdout) as { orgs: Org[] }).orgs.map((o) => o.name)).toEqual(['Northwind Group', 'Northwind FR']);
  });

  it('prints a refused create as the error, exit 1, and writes nothing', async () => {
    const path = join(tempDir(), 'books.closebook');
    const bad = await runCli('orgs', 'create', '--name', 'Acme', '--currency', 'USX', '--workspace', path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('USX is not an ISO 4217 currency code');
    expect(JSON.parse((await runCli('orgs', 'list', '--workspace', path)).stdout)).toEqual({ orgs: [] });
  });

  it.each([
    [['create', '--currency', 'USD'], '--name NAME'],
    [['create', '--name', 'Acme'], '--currency CODE'],
    [['update', '--name', 'Acme'], '--id ORG_ID'],
    [['rename'], 'Unknown action "rename"'],
  ])('%j is a usage error', async (args, message) => {
    const result = await runCli('orgs', ...args, '--workspace', join(tempDir(), 'w.closebook'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: closebook orgs');
  });
});
