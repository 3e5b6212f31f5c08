import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { textCell } from '../../src/main/export/csv-file';
import { startImportBatch } from '../../src/main/imports/records/import-batch';
import { ok, ORG, sale, seedOrg } from './imports-records-support';
import { tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

// A cell a spreadsheet would run as a formula is written with a leading apostrophe, on
// every CSV export; amounts stay plain numbers. One payload of each class.
const PAYLOADS: Record<string, string> = {
  equals: '=HYPERLINK("http://x","y")',
  plus: '+1+cmd|" /C calc"!A0',
  minus: '-2+3',
  at: '@SUM(A1)',
  pipe: '|calc',
  tab: '\t=1',
  cr: '\r=1',
  fullwidthEquals: '＝1+1',
  fullwidthPlus: '＋1',
  fullwidthMinus: '－1',
  fullwidthAt: '＠SUM(A1)',
  leadingSpaces: '   =1+1',
  noBreakSpace: '\u00a0=1+1',
  zeroWidthSpace: '\u200b=1+1',
  byteOrderMark: '\ufeff=1+1',
};
const HARMLESS = ['Müller GmbH', 'a=b', 'total - fees', '12-3', 'mail@example.com'];

/** The cells of a CSV as a spreadsheet would read them (quotes undone). */
function cellsOf(path: string): string[][] {
  return Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true, delimiter: ',' }).data;
}

describe('formula neutralisation', () => {
  it.each(Object.entries(PAYLOADS))('textCell neutralises %s', (_name, payload) => {
    const written = Papa.parse<string[]>(textCell(payload), { delimiter: ',' }).data[0][0];
    expect(written).toBe(`'${payload}`);
  });

  it('leaves harmless text as it is', () => {
    for (const text of HARMLESS) expect(Papa.parse<string[]>(textCell(text), { delimiter: ',' }).data[0][0]).toBe(text);
  });

  it('revenues.export: every payload in a text column is neutralised, amounts stay plain', async () => {
    const { workspace, core, dir } = tempWorkspace();
    const rows = Object.values(PAYLOADS).map((description, i) => ({ externalId: `r${i}`, kind: 'adjustment' as const, occurredAt: '2026-10-01T09:00:00Z', amount: '-5.25', description }));
    seedOrgWithRevenues(workspace.db, rows, 'org-f');
    const path = join(dir, 'revenues.csv');
    await ok(core, 'revenues.export', { orgId: 'org-f', period: null, columns: ['externalId', 'amount', 'description'], sortModel: [{ colId: 'externalId', sort: 'asc' }], path });
    const [, ...body] = cellsOf(path);
    expect(body).toHaveLength(rows.length);
    for (const [externalId, amount, description] of body) {
      const payload = rows.find((r) => r.externalId === externalId)!.description;
      expect(description, JSON.stringify(payload)).toBe(`'${payload}`);
      expect(amount).toBe('-5.25');
    }
  });

  it('imports.exportOutcomes: external ids and messages carrying payloads are neutralised', async () => {
    const { workspace, core, dir } = tempWorkspace();
    seedOrg(workspace.db);
    const batch = startImportBatch(workspace.db, { orgId: ORG, entity: 'revenues', source: 'file', operation: 'create_only', fileName: 'x.csv', fileSize: 1, sha256: 'cd'.repeat(32), profile: null });
    const payloads = Object.values(PAYLOADS);
    batch.write(payloads.map((payload, i) => ({ rowNumber: i + 2, record: sale(payload) })));
    const { batchId } = batch.finish({ onError: 'skip' });
    const path = join(dir, 'outcomes.csv');
    await ok(core, 'imports.exportOutcomes', { batchId, path, sortModel: [{ colId: 'rowNumber', sort: 'asc' }] });
    const [header, ...body] = cellsOf(path);
    const at = header.indexOf('External ID');
    // The import keeps external ids trimmed; what it stored is what must come out neutralised.
    expect(body.map((cells) => cells[at])).toEqual(payloads.map((p) => `'${p.trim()}`));
  });
});
