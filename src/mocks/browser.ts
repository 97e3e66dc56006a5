/**
 * Starts MSW's service worker with the mock backend, for the demo, Storybook and browser tests:
 * `RestAdapter` then talks HTTP to a simulated contact centre inside the page.
 *
 * @example
 * const mock = await startMockWorker({ simulator: { seed: 7 } });
 * const service = new SupervisorService(new RestAdapter({ baseUrl: mock.baseUrl }));
 * mock.faults.fail('assign', 'forbidden', { times: 1 });
 * // …
 * mock.stop();
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { SimulatedCentre, type SimulatorOptions } from '../adapters/simulator/index.js';
import { MockFaults } from './faults.js';
import { MockBackend, type MockBackendOptions } from './handlers.js';

/** Options of `startMockWorker`. */
export interface MockWorkerOptions extends MockBackendOptions {
  /** The simulated centre to serve, or options to create one. Default `new SimulatedCentre()`. */
  readonly simulator?: SimulatedCentre | SimulatorOptions;
  /** The fault switchboard. Default a new one (all off). */
  readonly faults?: MockFaults;
  /** Where the worker script is served. Default `/mockServiceWorker.js` (see package.json "msw"). */
  readonly serviceWorkerUrl?: string;
  /** Log every mocked request to the console. Default false. */
  readonly verbose?: boolean;
  /** What to do with requests no handler matches. Default `bypass` (the page's own files). */
  readonly onUnhandledRequest?: 'bypass' | 'warn' | 'error';
}

/** A running mock: the worker, the backend behind it, and its switches. */
export interface MockWorker {
  readonly worker: SetupWorker;
  readonly backend: MockBackend;
  readonly simulator: SimulatedCentre;
  readonly faults: MockFaults;
  /** The base URL to give `RestAdapter`. */
  readonly baseUrl: string;
  /** Stops the worker and the backend's streams (the simulator is disposed when created here). */
  stop(): void;
}

/** Registers the service worker with the mock backend's handlers and waits until it is active. */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  const owned = !(options.simulator instanceof SimulatedCentre);
  const simulator =
    options.simulator instanceof SimulatedCentre
      ? options.simulator
      : new SimulatedCentre(options.simulator);
  const faults = options.faults ?? new MockFaults();
  const backend = new MockBackend(simulator, faults, options);
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    quiet: options.verbose !== true,
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
  });
  return {
    worker,
    backend,
    simulator,
    faults,
    baseUrl: backend.baseUrl,
    stop() {
      worker.stop();
      backend.dispose();
      if (owned) simulator.dispose();
    },
  };
}
