import type { ReopenResult } from '../../shared/contract/close';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';
import { monthInWords } from '../imports/records/period-locks';
import { recordCloseEvent } from './history';
import { periodStatus } from './month-state';

/** close.reopen: a finalized month back in progress, with the reason kept in the history. */
export function reopenMonth(db: Database.Database, input: { orgId: string; period: string; reason: string }, actor: string): ReopenResult {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  assertOrg(db, input.orgId);
  return db.transaction(() => {
    if (periodStatus(db, input.orgId, input.period).status !== 'finalized') {
      throw new ApiFailure('conflict', 'period_not_finalized', `${monthInWords(input.period)} is not closed, so there is nothing to reopen.`, { field: 'period', period: input.period });
    }
    db.prepare("UPDATE periods SET status = 'in_progress', finalized_at = NULL WHERE org_id = ? AND period = ?").run(input.orgId, input.period);
    const at = new Date().toISOString().slice(0, 19) + 'Z';
    const event = recordCloseEvent(db, { orgId: input.orgId, period: input.period, action: 'reopened', taskUuid: null, reason: input.reason, actor, at });
    return { orgId: input.orgId, period: input.period, status: 'in_progress' as const, event };
  }).immediate();
}
