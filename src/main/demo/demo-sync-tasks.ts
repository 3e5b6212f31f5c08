import type { Database } from '../db/driver';
import type { ListedTasks } from '../sync/sources/report-tasks';
import type { PulledRecord } from '../sync/sources/source-adapter';
import { storeDemoRun } from './demo-sync-run';
import type { SeededRandom } from './random';

// The tasks source (seed 002) of one demo org, synced twice: the server's generated report
// tasks in each of the seed's statuses. The first sync brings them all (one still
// InProgress); the second reads again from just before that open task, as the adapter does:
// it has completed (updated), a new one is there (created), and one created after it is no
// longer listed: deleted on the server, so it is marked (counted updated), not removed.

const MS = 60_000;

interface TaskPlan {
  type: string;
  template: string;
  status: 'Completed' | 'Failed' | 'Cancelled' | 'InProgress' | 'Pending';
  minutes: number;
  notes: Record<string, unknown>;
}

function instant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The first sync now; returns the second, to run in time order with the other sources. */
export function syncDemoTasksSource(
  db: Database.Database,
  random: SeededRandom,
  orgId: string,
  clientNumber: number,
  months: { closing: string; locked: string },
  times: { first: string; second: string },
): () => void {
  const user = 1000 + clientNumber;
  const task = (plan: TaskPlan, createdMs: number, period: string): PulledRecord => {
    const uuid = random.uuid();
    const [year, month] = period.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const open = plan.status === 'InProgress' || plan.status === 'Pending';
    return {
      sourceId: uuid,
      label: `uuid ${uuid}`,
      fields: {
        uuid,
        created_at: instant(createdMs),
        updated_at: instant(createdMs + (open ? 1 : plan.minutes) * MS),
        user_id: user,
        client_id: clientNumber,
        task_type: plan.type,
        template: plan.template,
        status: plan.status,
        processing_notes: plan.notes,
        parameters: {
          type: 'monthly',
          date_from: `${period}-01`,
          date_to: `${period}-${String(last).padStart(2, '0')}`,
          client_id: clientNumber,
        },
      },
    };
  };
  const lockedStart = Date.parse(`${months.locked}-01T00:00:00Z`);
  const first = Date.parse(times.first);
  const done = (records: number, warnings: string[] = []) => ({
    records_to_process: records,
    errors: [],
    warnings,
  });
  const older = [
    task(
      {
        type: 'ClosingPeriod',
        template: 'closing-period-v2',
        status: 'Completed',
        minutes: 14,
        notes: done(18_204),
      },
      lockedStart + 34 * 24 * 60 * MS,
      months.locked,
    ),
    task(
      {
        type: 'InvoiceExport',
        template: 'invoice-export',
        status: 'Completed',
        minutes: 3,
        notes: done(412, ['2 invoices without a tax number']),
      },
      first - 5 * 24 * 60 * MS,
      months.locked,
    ),
    task(
      {
        type: 'UsageReport',
        template: 'usage-monthly',
        status: 'Failed',
        minutes: 1,
        notes: {
          records_to_process: 0,
          errors: ['The billing export for the month was not available yet'],
          warnings: [],
        },
      },
      first - 2 * 24 * 60 * MS,
      months.closing,
    ),
    task(
      {
        type: 'PayoutStatement',
        template: 'payout-statements',
        status: 'Cancelled',
        minutes: 2,
        notes: done(0, ['Cancelled by the user']),
      },
      first - 26 * 60 * MS,
      months.closing,
    ),
  ];
  const open = task(
    {
      type: 'UsageReport',
      template: 'usage-monthly',
      status: 'InProgress',
      minutes: 0,
      notes: done(9_870),
    },
    first - 20 * MS,
    months.closing,
  );
  const afterOpen = task(
    {
      type: 'InvoiceExport',
      template: 'invoice-export',
      status: 'Completed',
      minutes: 4,
      notes: done(398),
    },
    first - 12 * MS,
    months.closing,
  );
  const deleted = task(
    {
      type: 'InvoiceExport',
      template: 'invoice-export-draft',
      status: 'Completed',
      minutes: 1,
      notes: done(12, ['A trial run: deleted on the server']),
    },
    first - 8 * MS,
    months.closing,
  );
  const listed = (records: PulledRecord[], listedFrom: string | null): ListedTasks => ({ entity: 'tasks', records, listedFrom });
  const firstRecords = [...older, open, afterOpen, deleted];
  storeDemoRun(
    db,
    orgId,
    'tasks',
    {
      entities: [listed(firstRecords, null)],
      cursors: {
        created_after: deleted.fields.created_at as string,
        open_since: open.fields.created_at as string,
      },
    },
    times.first,
    times.first.replace(/:\d\dZ$/, ':03Z'),
  );

  return () => {
    // The open task finished; the draft export is gone from the server; a new task started.
    const second = Date.parse(times.second);
    const finished = {
      ...open,
      fields: {
        ...open.fields,
        status: 'Completed',
        updated_at: instant(first + 35 * MS),
        processing_notes: done(9_870, ['31 records estimated']),
      },
    };
    const added = task(
      {
        type: 'ClosingPeriod',
        template: 'closing-period-v2',
        status: 'Completed',
        minutes: 9,
        notes: done(17_552),
      },
      second - 90 * MS,
      months.closing,
    );
    const from = new Date(Date.parse(open.fields.created_at as string) - 1).toISOString();
    storeDemoRun(
      db,
      orgId,
      'tasks',
      {
        entities: [listed([finished, afterOpen, added], from)],
        cursors: { created_after: added.fields.created_at as string },
      },
      times.second,
      times.second.replace(/:\d\dZ$/, ':02Z'),
    );
  };
}
