import type { z } from 'zod';
import type { MethodSpec } from './define';
import { systemMethods } from './system';
import { orgsMethods } from './orgs';
import { revenuesMethods } from './revenues';
import { payeesMethods } from './payees';
import { productsMethods } from './products';
import { importsMethods } from './imports';
import { importFilesMethods } from './import-files';
import { demoMethods } from './demo';
import { viewsMethods } from './views';
import { rulesMethods } from './rules';
import { payoutsMethods } from './payouts';
import { statementsMethods } from './statements';
import { consumptionMethods } from './consumption';
import { reconciliationMethods } from './reconciliation';
import { tasksMethods } from './tasks';
import { closeMethods } from './close';
import { showbackMethods } from './showback';
import { reportsMethods } from './reports';
import { syncMethods } from './sync';
import { serverReportsMethods } from './server-reports';

/** Every API method, by name ("area.verb"). Each area declares its slice in its own file. */
export const contract = {
  ...systemMethods,
  ...orgsMethods,
  ...revenuesMethods,
  ...payeesMethods,
  ...productsMethods,
  ...importsMethods,
  ...importFilesMethods,
  ...demoMethods,
  ...viewsMethods,
  ...rulesMethods,
  ...payoutsMethods,
  ...statementsMethods,
  ...consumptionMethods,
  ...reconciliationMethods,
  ...tasksMethods,
  ...closeMethods,
  ...showbackMethods,
  ...reportsMethods,
  ...syncMethods,
  ...serverReportsMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends MethodName> = NonNullable<Contract[K]['result']>;

export const METHOD_NAMES = Object.keys(contract).sort() as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { MethodSpec } from './define';
