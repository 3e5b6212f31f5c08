import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVENUE_COLUMNS } from '../../src/shared/contract/revenues';
import { openWorkspace } from '../../src/main/db/workspace';
import { tempDir } from '../support/temp-workspace';

// The CLI bundle (bin/closebook.mjs) carries the export's second thread as
// export-lines-worker.js beside core-worker.js; a big export there must find and run it.

const TEXTS = ['plain', 'a,b', 'say "hi"', '=1+1', '＋1', ' lead', 'Müller', 'two\nlines', ''];

function workspaceWithRevenues(path: string, rows: number): void {
  const workspace = openWorkspace(path);
  const now = '2026-11-01T00:00:00Z';
  workspace.db.prepare("INSERT INTO orgs (id, name, parent_id, created_at, time_zone) VALUES ('org-b', 'Bundle Org', NULL, ?, 'Europe/London')").run(now);
  const insert = workspace.db.prepare(`INSERT INTO revenues (org_id, external_id, kind, occurred_at, period, amount_micros, currency, description, created_at, updated_at)
    VALUES ('org-b', ?, 'sale', ?, ?, ?, 'EUR', ?, ?, ?)`);
  workspace.db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const instant = new Date(Date.parse('2026-03-28T00:00:00Z') + ((i * 7919) % rows) * 97_000).toISOString().replace(/\.000Z$/, 'Z');
      insert.run(`b_${i}`, instant, instant.slice(0, 7), (i * 104_729) % 90_000_000, TEXTS[i % TEXTS.length] || null, now, now);
    }
  })();
  workspace.close();
}

describe('the export lines worker in the CLI bundle', () => {
  it('exports through the bundled worker the same bytes as on one thread', () => {
    const dir = tempDir();
    const file = join(dir, 'w.closebook');
    workspaceWithRevenues(file, 9_000);
    // Inside the checkout: the bundle finds better-sqlite3 in its node_modules from there.
    const cache = join(process.cwd(), '.cache', `cli-export-worker-${process.pid}`);
    try {
      const outputs = ['1', String(Number.MAX_SAFE_INTEGER)].map((minRows, i) => {
        const input = { orgId: 'org-b', period: null, sortModel: [{ colId: 'occurredAt', sort: 'desc' }], filterModel: {}, columns: [...REVENUE_COLUMNS], path: join(dir, `out-${i}.csv`) };
        return execFileSync(process.execPath, [join(process.cwd(), 'bin/closebook.mjs'), 'call', 'revenues.export', JSON.stringify(input), '--workspace', file], {
          encoding: 'utf8',
          env: { ...process.env, CLOSEBOOK_CLI_CACHE: cache, CLOSEBOOK_EXPORT_TWO_THREAD_MIN_ROWS: minRows, CLOSEBOOK_EXPORT_TWO_THREAD_MAX_LOAD: '1000' },
        });
      });
      expect(readdirSync(cache)).toContain('export-lines-worker.js');
      expect(outputs[0]).toContain('9000');
      const [two, one] = [readFileSync(join(dir, 'out-0.csv')), readFileSync(join(dir, 'out-1.csv'))];
      expect(two.toString('utf8').split('\r\n').length).toBe(9_002);
      expect(Buffer.compare(two, one)).toBe(0);
      expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);
});
