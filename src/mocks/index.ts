/**
 * The mock HTTP backend: MSW handlers implementing api/openapi.json on top of the simulated centre,
 * its fault switches, and a one-call service-worker start for the demo, Storybook and tests.
 */
export { MockBackend, createHandlers, type MockBackendOptions } from './handlers.js';
export {
  MockFaults,
  MOCK_ENDPOINTS,
  type HttpFault,
  type HttpFaultKind,
  type MockEndpoint,
  type StreamFaultCounters,
} from './faults.js';
export { EventLog, type LoggedEvent, type ResyncReason } from './event-log.js';
export { startMockWorker, type MockWorker, type MockWorkerOptions } from './browser.js';
