/**
 * Stories on the REST adapter: the page talks HTTP (a snapshot, a Server-Sent Events change stream,
 * POST commands) to the MSW mock backend of src/mocks, which serves a simulated centre. Each REST
 * story gets its own mock backend under its own base URL and gives its handlers to
 * `parameters.msw.handlers`; msw-storybook-addon (and the story tests) install them before the story
 * renders. Faults are switched on per story (a 403 role error, a 409 conflict, a failing snapshot…).
 */
import type { HttpHandler } from 'msw';
import { RestAdapter, type RestAdapterOptions } from '../../src/adapters/rest/rest-adapter.js';
import { SimulatedCentre, type SimulatorOptions } from '../../src/adapters/simulator/index.js';
import type { Conversation } from '../../src/domain/index.js';
import { MockBackend, MockFaults } from '../../src/mocks/index.js';
import { SupervisorService } from '../../src/service/supervisor-service.js';
import { firstData, type StoryBackend } from './backends.js';

/** Options of `restMock`. */
export interface RestMockOptions {
  /** The simulated centre behind the mock (seed 7, 60 conversations, 2 changes/s unless told). */
  readonly simulator?: SimulatorOptions;
  /** Switches faults on when the mock is made (they stay on: each visit of the story sees them). */
  readonly faults?: (faults: MockFaults) => void;
  /** Options of the story's `RestAdapter` (short timeouts and backoffs by default). */
  readonly adapter?: Omit<RestAdapterOptions, 'baseUrl'>;
}

/** One REST story's mock backend, its MSW parameters, and services that talk to it. */
export interface RestMock {
  readonly mock: MockBackend;
  readonly simulator: SimulatedCentre;
  /** `parameters` for the story: `{ msw: { handlers } }`. */
  readonly parameters: { readonly msw: { readonly handlers: HttpHandler[] } };
  /** A service on a `RestAdapter` talking to this mock (owned by the story frame). */
  service(): StoryBackend;
  /** The first conversation of the centre now matching `predicate` (stories pick one at render). */
  find(predicate: (c: Conversation) => boolean): Conversation | undefined;
}

/** A mock backend at `/api/stories/<name>` with the given simulator and faults. */
export function restMock(name: string, options: RestMockOptions = {}): RestMock {
  const simulator = new SimulatedCentre({
    seed: 7,
    changesPerSecond: 2,
    commandLatencyMs: 200,
    ...options.simulator,
  });
  const faults = new MockFaults();
  options.faults?.(faults);
  const mock = new MockBackend(simulator, faults, { baseUrl: `/api/stories/${name}` });
  return {
    mock,
    simulator,
    parameters: { msw: { handlers: mock.handlers } },
    find: (predicate) => simulator.conversations().find(predicate),
    service() {
      const adapter = new RestAdapter({
        baseUrl: mock.baseUrl,
        timeoutMs: 4000,
        retries: 1,
        backoff: { initialMs: 200, maxMs: 1000 },
        offlineAfter: 2,
        ...options.adapter,
      });
      const service = new SupervisorService(adapter);
      service.connect();
      return {
        service,
        loaded: () => firstData(service),
        dispose() {
          // The mock backend stays: it is the story's server (its streams close with the service).
          service.dispose();
        },
      };
    },
  };
}
