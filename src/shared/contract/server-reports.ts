import { z } from 'zod';
import { method } from './define';
import { orgIdSchema } from './orgs';
import type { ReportCellValue, ReportColumnInfo, ReportParamValues, ReportPeriodStatus } from './reports';

// What the org's online system computed for an allocation report and month (seed 000),
// pulled by sync.run (source `reports`) and kept beside the local computation, so the
// Reports screen can show where the two disagree.

export interface ServerReportResult {
  report_type: string;
  title: string;
  year: number;
  month: number;
  /** The server's status of the month when it was read. */
  status: ReportPeriodStatus;
  /** The parameters the server says it applied (its defaults: a sync asks for none). */
  parameters: ReportParamValues;
  columns: ReportColumnInfo[];
  rows: Array<Record<string, ReportCellValue>>;
  row_count: number;
  /** Provenance: when and by which sync run it was read (source `reports`, source id `<report_type>/<YYYY-MM>`). */
  synced_at: string;
  run_id: number;
  /** When a sync found the month no longer listed by the server (it is kept here, marked); null while listed. */
  deleted_on_server_at: string | null;
}

export const serverReportsMethods = {
  'sync.serverReport': method<{ result: ServerReportResult | null }>()({
    summary: "The server's figures for one allocation report and month as the last sync of the reports source (seed 000) read them, or null when none was synced.",
    permission: 'read:reports',
    input: z
      .object({
        orgId: orgIdSchema,
        report_type: z.string().trim().min(1, 'name a report type').max(100),
        year: z.number().int().min(1).max(9999),
        month: z.number().int().min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
      })
      .strict(),
  }),
};
