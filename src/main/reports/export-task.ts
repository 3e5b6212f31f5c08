import { writeSync } from 'node:fs';
import type { ReportExportResult, ReportParamValues } from '../../shared/contract/reports';
import type { TaskNote, TaskProcessingNotes } from '../../shared/contract/tasks';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { writeFileAtomically } from '../export/atomic-file';
import { createTask, updateTask } from '../tasks/task-store';
import { getReport, type GetReportInput } from './get-report';
import { resolveParams } from './parameters';
import { visibleReport } from './visibility';
import { periodOfMonth } from './report-month';

// reports.export: a report's CSV written to a file as a ReportExport task (seed 002), so an
// export is listed with the closes, survives in the history, and one a crash interrupts
// ends Failed (tasks/recovery.ts) instead of staying InProgress. The CSV is reports.get's,
// byte for byte, written to a temporary file and renamed: never half a file.

export interface ExportReportInput {
  orgId: string;
  report_type: string;
  year: number;
  month: number;
  params?: ReportParamValues;
  path: string;
}

export function exportReportAsTask(db: Database.Database, input: ExportReportInput, userId: string): ReportExportResult {
  // A report that is not there, or a bad parameter, is refused before any task is made.
  const report = visibleReport(db, input.orgId, input.report_type);
  resolveParams(report.parameters, input.params);
  const period = periodOfMonth({ year: input.year, month: input.month });
  const lastDay = new Date(Date.UTC(input.year, input.month, 0)).getUTCDate();
  const notes: TaskProcessingNotes = { period, records_to_process: 0, errors: [], warnings: [], checks: [], checks_done: 0, checks_total: 1 };
  const task = db.transaction(() =>
    createTask(db, {
      clientId: input.orgId,
      userId,
      taskType: 'ReportExport',
      template: input.report_type,
      parameters: { type: 'ReportExport', date_from: `${period}-01`, date_to: `${period}-${String(lastDay).padStart(2, '0')}`, client_id: input.orgId },
      notes,
    }),
  )();
  updateTask(db, task.uuid, 'InProgress', notes);
  try {
    const request: GetReportInput = { orgId: input.orgId, report_type: input.report_type, year: input.year, month: input.month, format: 'csv', params: input.params };
    const report = getReport(db, request);
    if (report.format !== 'csv') throw new Error('reports.get answered JSON for a CSV export');
    notes.records_to_process = report.row_count;
    const bytes = writeFileAtomically(input.path, (fd) => writeSync(fd, report.csv));
    notes.checks = [{ id: 'export', label: `${report.title}, ${period}, to a CSV file`, outcome: 'pass', message: `${report.row_count} rows, ${bytes} bytes, inputs_sha256 ${report.inputs_sha256}` }];
    notes.checks_done = 1;
    updateTask(db, task.uuid, 'Completed', notes);
    return { path: input.path, rowCount: report.row_count, bytes, task_uuid: task.uuid, inputs_sha256: report.inputs_sha256 };
  } catch (error) {
    notes.errors = [...notes.errors, failureNote(error)];
    notes.checks_done = 1;
    updateTask(db, task.uuid, 'Failed', notes);
    throw error;
  }
}

/** The task's note for what stopped the export: the API's code and words, or the system's. */
function failureNote(error: unknown): TaskNote {
  if (error instanceof ApiFailure) return { check: 'export', code: error.code, message: error.message };
  return { check: 'export', code: 'export_failed', message: (error as Error).message };
}


