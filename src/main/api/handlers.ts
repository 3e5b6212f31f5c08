import { orgsHandlers } from '../orgs/handlers';
import { revenuesHandlers } from '../revenues/handlers';
import { systemHandlers } from '../system/handlers';
import { payeesHandlers } from '../payees/handlers';
import { productsHandlers } from '../products/handlers';
import { importsHandlers } from '../imports/handlers';
import { revenueWriteHandlers } from '../imports/revenue-handlers';
import { importFilesHandlers } from '../imports/file-handlers';
import { demoHandlers } from '../demo/handlers';
import { viewsHandlers } from '../views/handlers';
import { rulesHandlers } from '../rules/handlers';
import { payoutsHandlers } from '../payouts/handlers';
import { statementsHandlers } from '../statements/handlers';
import { consumptionHandlers } from '../consumption/handlers';
import { reconciliationHandlers } from '../reconciliation/handlers';
import { tasksHandlers } from '../tasks/handlers';
import { closeHandlers } from '../close/handlers';
import { showbackHandlers } from '../showback/handlers';
import { reportsHandlers } from '../reports/handlers';
import { syncHandlers } from '../sync/handlers';
import { createRegistry, type ErrorLogger, type Registry } from './registry';

/** The registry with every area's slice bound; throws if any method is left unbound. */
export function createAppRegistry(logError?: ErrorLogger): Registry {
  const registry = createRegistry(logError);
  registry.register(systemHandlers);
  registry.register(orgsHandlers);
  registry.register(revenuesHandlers);
  registry.register(revenueWriteHandlers);
  registry.register(payeesHandlers);
  registry.register(productsHandlers);
  registry.register(importsHandlers);
  registry.register(importFilesHandlers);
  registry.register(demoHandlers);
  registry.register(viewsHandlers);
  registry.register(rulesHandlers);
  registry.register(payoutsHandlers);
  registry.register(statementsHandlers);
  registry.register(consumptionHandlers);
  registry.register(reconciliationHandlers);
  registry.register(tasksHandlers);
  registry.register(closeHandlers);
  registry.register(showbackHandlers);
  registry.register(reportsHandlers);
  registry.register(syncHandlers);
  registry.assertComplete();
  return registry;
}
