import { createContext } from '@lit/context';
import type { SupervisorService } from '../service/supervisor-service.js';

/**
 * The context key through which elements receive the `SupervisorService`. A string key (not a symbol),
 * so two copies of this package on one page still find each other's provider.
 */
export const supervisorServiceContext = createContext<SupervisorService | undefined>(
  'supervisor-console/service',
);
