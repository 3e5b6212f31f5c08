import type { HandlerSlice } from '../api/registry';
import { findRuleConflicts } from '../payouts/run';
import { listRules } from './list';
import { runRuleBatch } from './rule-batch';
import { getRule, ruleVersions } from './rule-store';

export const rulesHandlers: HandlerSlice<'rules.get' | 'rules.list' | 'rules.batch' | 'rules.versions' | 'rules.conflicts'> = {
  'rules.get': (input, { workspace }) => getRule(workspace.db, input),
  'rules.list': (input, { workspace }) => listRules(workspace.db, input),
  'rules.batch': (input, { workspace, principal }) => runRuleBatch(workspace.db, input, principal.name),
  'rules.versions': (input, { workspace }) => ruleVersions(workspace.db, input.ruleId),
  'rules.conflicts': (input, { workspace }) => findRuleConflicts(workspace.db, input.orgId, input.period),
};
