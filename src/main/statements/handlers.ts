import type { HandlerSlice } from '../api/registry';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { billingSettings, setAnchorDay } from './billing-settings';
import { creditLedger, grantCredits } from './credit-store';
import { ensureStatements } from './generate';
import { getStatement, listStatements } from './list';
import { listPlans, savePlans } from './plan-store';
import { listUsage, saveUsage } from './usage-store';

/** A write and the statements it changes land together or not at all. */
function writeThenRegenerate<T>(db: Database.Database, orgId: string, write: () => T): T {
  return db.transaction(() => {
    const result = write();
    ensureStatements(db, orgId, 'after-write');
    return result;
  })();
}

type StatementMethods =
  | 'statements.list'
  | 'statements.get'
  | 'statements.create'
  | 'billing.get'
  | 'billing.update'
  | 'plans.list'
  | 'plans.batch'
  | 'usage.list'
  | 'usage.batch'
  | 'credits.list'
  | 'credits.batch';

export const statementsHandlers: HandlerSlice<StatementMethods> = {
  'statements.list': (input, { workspace }) => listStatements(workspace.db, input),
  'statements.get': (input, { workspace }) => getStatement(workspace.db, input.sid),
  'statements.create': () => {
    throw new ApiFailure(
      'validation_error',
      'statements_are_generated',
      'Statements are generated automatically from price plans, usage and credits; they are never posted. Change the usage (usage.batch), plans (plans.batch) or credits (credits.batch) instead.',
    );
  },
  'billing.get': (input, { workspace }) => billingSettings(workspace.db, input.orgId),
  'billing.update': (input, { workspace }) =>
    writeThenRegenerate(workspace.db, input.orgId, () => {
      setAnchorDay(workspace.db, input.orgId, input.anchor_day);
      return billingSettings(workspace.db, input.orgId);
    }),
  'plans.list': (input, { workspace }) => listPlans(workspace.db, input.orgId),
  'plans.batch': (input, { workspace }) => writeThenRegenerate(workspace.db, input.orgId, () => savePlans(workspace.db, input.orgId, input.records)),
  'usage.list': (input, { workspace }) => listUsage(workspace.db, input.orgId),
  'usage.batch': (input, { workspace }) => writeThenRegenerate(workspace.db, input.orgId, () => saveUsage(workspace.db, input.orgId, input.records)),
  'credits.list': (input, { workspace }) => creditLedger(workspace.db, input.orgId),
  'credits.batch': (input, { workspace }) => writeThenRegenerate(workspace.db, input.orgId, () => grantCredits(workspace.db, input.orgId, input.records)),
};
