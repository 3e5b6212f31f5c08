import { orgsHandlers } from '../orgs/handlers';
import { revenuesHandlers } from '../revenues/handlers';
import { systemHandlers } from '../system/handlers';
import { createRegistry, type ErrorLogger, type Registry } from './registry';

/** The registry with every area's slice bound; throws if any method is left unbound. */
export function createAppRegistry(logError?: ErrorLogger): Registry {
  const registry = createRegistry(logError);
  registry.register(systemHandlers);
  registry.register(orgsHandlers);
  registry.register(revenuesHandlers);
  registry.assertComplete();
  return registry;
}
