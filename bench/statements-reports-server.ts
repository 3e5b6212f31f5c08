// The fake seed 004 and seed 000 servers of bench/statements-reports-sync.ts, in a process of
// their own so the CPU time printed is the syncing client's alone. Messages: { nextCycle:
// true } adds a new current statement (the one before it fixed, its total changed);
// { stop: true } ends. Each answers { done: true }.
//   forked by bench/statements-reports-sync.ts with: <statements> <report types> <rows per month>
import { fakeShowbackReport, startFakeAllocationReports } from '../test/support/fake-allocation-reports';
import { startFakeStatements } from '../test/support/fake-statements';

const [statementCount, reportTypes, rowsPerMonth] = process.argv.slice(2).map(Number) as [number, number, number];

async function main() {
  const statements = await startFakeStatements(statementCount);
  // A year of each report type: 12 months, the newest in progress.
  const reports = await startFakeAllocationReports(Array.from({ length: reportTypes }, (_, i) => ({ ...fakeShowbackReport(12, rowsPerMonth), report_type: `report_${i + 1}` })));
  process.send!({ ready: true, statementsUrl: statements.listUrl, reportsUrl: reports.orgRoot, key: statements.key });
  process.on('message', (message: { nextCycle?: boolean; stop?: boolean }) => {
    if (message.nextCycle) {
      statements.change(statements.statements[0]!.sid, { total: '$1,234.56' });
      statements.nextCycle();
    }
    if (message.stop) void Promise.all([statements.close(), reports.close()]).then(() => process.exit(0));
    process.send!({ done: true });
  });
}

void main();
