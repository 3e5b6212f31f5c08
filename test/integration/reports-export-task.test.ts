import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCsv, ReportExportResult, ReportPeriod } from '../../src/shared/contract/reports';
import type { Task, TaskList } from '../../src/shared/contract/tasks';
import { LOCAL, callOk } from '../support/temp-workspace';
import { reportsDemo, type ReportsDemo } from './reports-support';

// reports.export: a report's CSV written to a file as a ReportExport task (issue 12, item 5).
// The file holds reports.get's CSV byte for byte; the task is listed with the closes and
// says how it ended; a refused export leaves no file and a Failed task naming why.

let demo: ReportsDemo;
let dir: string;
beforeAll(() => {
  demo = reportsDemo();
  dir = mkdtempSync(join(tmpdir(), 'closebook-report-export-'));
}, 120_000);
afterAll(() => {
  demo?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('reports.export as a task', () => {
  it('writes the same bytes as reports.get, and a Completed ReportExport task names the report, month and rows', async () => {
    const { periods } = await callOk<{ periods: ReportPeriod[] }>(demo.core, 'reports.periods', { orgId: demo.orgId, report_type: 'payouts_by_payee' });
    const month = periods.find((p) => p.status === 'finalized')!;
    const ask = { orgId: demo.orgId, report_type: 'payouts_by_payee', year: month.year, month: month.month };
    const path = join(dir, 'payouts.csv');
    const result = await callOk<ReportExportResult>(demo.core, 'reports.export', { ...ask, path });
    const csv = await callOk<ReportCsv>(demo.core, 'reports.get', { ...ask, format: 'csv' });
    expect(readFileSync(path, 'utf8')).toBe(csv.csv);
    expect(result).toMatchObject({ path, rowCount: csv.row_count, inputs_sha256: csv.inputs_sha256, bytes: Buffer.byteLength(csv.csv) });

    const task = await callOk<Task>(demo.core, 'tasks.get', { uuid: result.task_uuid });
    const period = `${month.year}-${String(month.month).padStart(2, '0')}`;
    expect(task).toMatchObject({ task_type: 'ReportExport', template: 'payouts_by_payee', status: 'Completed', client_id: demo.orgId });
    expect(task.parameters).toMatchObject({ type: 'ReportExport', date_from: `${period}-01`, client_id: demo.orgId });
    expect(task.processing_notes).toMatchObject({ period, records_to_process: csv.row_count, errors: [] });
    const listed = await callOk<TaskList>(demo.core, 'tasks.list', { task_type: 'ReportExport' });
    expect(listed.results.map((t) => t.uuid)).toContain(result.task_uuid);
  });

  it('a month outside the report’s periods: refused as reports.get refuses it, no file, and the task ends Failed saying why', async () => {
    const path = join(dir, 'none.csv');
    const result = await demo.core.call('reports.export', { orgId: demo.orgId, report_type: 'payouts_by_payee', year: 1999, month: 1, path }, LOCAL).result;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('period_not_available');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('none'))).toEqual([]);
    const failed = await callOk<TaskList>(demo.core, 'tasks.list', { task_type: 'ReportExport', status: ['Failed'] });
    expect(failed.results[0]?.processing_notes.errors).toEqual([expect.objectContaining({ code: 'period_not_available' })]);
  });

  it('an unknown report is a 404 before any task is made', async () => {
    const before = (await callOk<TaskList>(demo.core, 'tasks.list', { task_type: 'ReportExport' })).count;
    const result = await demo.core.call('reports.export', { orgId: demo.orgId, report_type: 'no_such_report', year: 2026, month: 1, path: join(dir, 'x.csv') }, LOCAL).result;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.type).toBe('not_found');
    expect((await callOk<TaskList>(demo.core, 'tasks.list', { task_type: 'ReportExport' })).count).toBe(before);
  });
});
