import { decimalToMicros } from '../../shared/money';
import type { HandlerSlice } from '../api/registry';
import { listCompensationItems } from './compensation-items';
import { recordHistory } from './history';
import { approveRecords, holdRecords, reverseRecord } from './review';
import { runReconciliation } from './run';
import { saveTolerance, toleranceSetting } from './settings';

const nowText = () => new Date().toISOString().slice(0, 19) + 'Z';

type ReconciliationMethods =
  | 'reconciliation.run'
  | 'reconciliation.approve'
  | 'reconciliation.hold'
  | 'reconciliation.reverse'
  | 'reconciliation.history'
  | 'reconciliation.compensationItems'
  | 'reconciliation.settings'
  | 'reconciliation.setTolerance';

export const reconciliationHandlers: HandlerSlice<ReconciliationMethods> = {
  'reconciliation.run': (input, { workspace, principal }) => runReconciliation(workspace.db, input, principal.name, nowText()),
  'reconciliation.approve': (input, { workspace, principal }) => approveRecords(workspace.db, input, principal.name, nowText()),
  'reconciliation.hold': (input, { workspace, principal }) => holdRecords(workspace.db, input, principal.name, nowText()),
  'reconciliation.reverse': (input, { workspace, principal }) => reverseRecord(workspace.db, input, principal.name, nowText()),
  'reconciliation.history': (input, { workspace }) => recordHistory(workspace.db, input.uuid),
  'reconciliation.compensationItems': (input, { workspace }) => listCompensationItems(workspace.db, input),
  'reconciliation.settings': (_input, { workspace }) => toleranceSetting(workspace.db),
  'reconciliation.setTolerance': (input, { workspace }) =>
    saveTolerance(workspace.db, { micros: decimalToMicros(input.tolerance_amount), percentMicros: decimalToMicros(input.tolerance_percent) }, nowText()),
};
