import type { HandlerSlice } from '../api/registry';
import { findRuleConflicts } from '../payouts/run';
import { listRules } from './list';
import { compareRuleVersion } from './rule-compare';
import { runRuleBatch } from './rule-batch';
import { saveRule } from './rule-save';
import { getRule, ruleVersions } from './rule-store';

export const rulesHandlers: HandlerSlice<'rules.get' | 'rules.list' | 'rules.batch' | 'rules.save' | 'rules.compareVersion' | 'rules.versions' | 'rules.conflicts'> = {
  'rules.get': (input, { workspace }) => getRule(workspace.db, input),
  'rules.list': (input, { workspace }) => listRules(workspace.db, input),
  'rules.batch': (input, { workspace, principal }) => runRuleBatch(workspace.db, input, principal.name),
  'rules.save': (input, { workspace, principal }) => saveRule(workspace.db, input, principal.name),
  'rules.compareVersion': (input, { workspace }) => compareRuleVersion(workspace.db, input.ruleId, input.version),
  'rules.versions': (input, { workspace }) => ruleVersions(workspace.db, input.ruleId),
  'rules.conflicts': (input, { workspace }) => findRuleConflicts(workspace.db, input.orgId, input.period),
};
