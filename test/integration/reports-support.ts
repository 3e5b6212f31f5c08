import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoWorkspace } from '../../src/main/demo/create';
import { openWorkspace, type Workspace } from '../../src/main/db/workspace';
import { inProcessCore } from '../../src/main/core/in-process';
import type { CoreHost } from '../../src/main/core/host';
import type { ApiError } from '../../src/shared/errors';
import { periodOfDate } from '../../src/shared/period';
import { LOCAL } from '../support/temp-workspace';

export interface ReportsDemo {
  workspace: Workspace;
  core: CoreHost;
  /** The demo's parent org. */
  orgId: string;
  /** Close the workspace and remove its folder (for afterAll: one demo serves a whole file). */
  dispose(): void;
}

/** A small demo workspace ending this month (so its current month is in progress), as the screen sees it. */
export function reportsDemo(): ReportsDemo {
  const dir = mkdtempSync(join(tmpdir(), 'closebook-reports-'));
  const path = join(dir, 'reports.closebook');
  createDemoWorkspace(path, { revenues: 3000, endPeriod: periodOfDate(new Date()) });
  const workspace = openWorkspace(path);
  const orgId = workspace.db.prepare('SELECT id FROM orgs WHERE parent_id IS NULL').pluck().get() as string;
  const dispose = () => {
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { workspace, core: inProcessCore(workspace), orgId, dispose };
}

export async function callError(core: CoreHost, method: string, input: unknown): Promise<ApiError> {
  const result = await core.call(method, input, LOCAL).result;
  if (result.ok) throw new Error(`${method} succeeded where it should fail: ${JSON.stringify(result.value).slice(0, 300)}`);
  return result.error;
}

/** The issue fields of a 400, by field. */
export function issueFields(error: ApiError): string[] {
  return ((error.detail as { issues?: Array<{ field: string }> } | null)?.issues ?? []).map((i) => i.field);
}

/** A report CSV split into its comment lines, header and rows (RFC 4180 quoting). */
export function parseReportCsv(text: string): { comments: string[]; header: string[]; rows: string[][] } {
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV does not start with a byte-order mark');
  const records = parseRecords(text.slice(1));
  const comments = records.filter((r) => r.length === 1 && r[0]!.startsWith('# ')).map((r) => r[0]!);
  const rest = records.slice(comments.length);
  return { comments, header: rest[0]!, rows: rest.slice(1) };
}

function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) throw new Error('the CSV does not end with CRLF');
  return records;
}
