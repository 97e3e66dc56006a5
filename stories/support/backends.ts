/**
 * The data behind the stories: a `SupervisorService` on the simulated contact centre (a lively,
 * realistic centre of any size), or on the hand-driven `FakeAdapter` of the tests (an exact state:
 * loading forever, an empty centre, a failed or dropped connection, a command answered with a
 * chosen error). Every backend is owned by the `<sc-story-frame>` it is given to, which disposes it
 * when the story leaves the page.
 */
import type { Subject } from 'rxjs';
import type {
  CentreChange,
  CentreSnapshot,
  CommandResult,
  TranscriptEvent,
} from '../../src/adapters/backend-adapter.js';
import { SimulatedCentre, type SimulatorOptions } from '../../src/adapters/simulator/index.js';
import { commandError, type CommandErrorKind, type Conversation } from '../../src/domain/index.js';
import { SupervisorService } from '../../src/service/supervisor-service.js';
import { FakeAdapter, type ReceivedCommand } from '../../test/fixtures/fake-adapter.js';
import { storySnapshot } from './data.js';

/** A story's service and how to release it. */
export interface StoryBackend {
  readonly service: SupervisorService;
  /** Settles when the backend's first data is in (or at once when it never comes by design). */
  loaded(): Promise<void>;
  dispose(): void;
}

/** Settles once the service has had its first snapshot (or gave up connecting). */
export function firstData(service: SupervisorService): Promise<void> {
  return until(
    () =>
      service.state.connection.lastUpdateAt !== null ||
      service.state.connection.status === 'offline',
    'first snapshot',
    10_000,
  );
}

/** A service on the simulated centre. */
export interface SimulatedBackend extends StoryBackend {
  readonly simulator: SimulatedCentre;
}

/**
 * A connected service on a `SimulatedCentre` (seed 7, 60 conversations, 5 changes/s unless told):
 * the embedded default backend, with its real behaviour, latency and faults.
 */
export function simulatedService(options: SimulatorOptions = {}): SimulatedBackend {
  const simulator = new SimulatedCentre({ seed: 7, commandLatencyMs: 300, ...options });
  const service = new SupervisorService(simulator);
  service.connect();
  return {
    service,
    simulator,
    loaded: () => firstData(service),
    dispose() {
      service.dispose();
      simulator.dispose();
    },
  };
}

/** How a hand-driven backend starts. */
export type Connection =
  /** The snapshot arrives at once: the centre is live. */
  | 'live'
  /** No snapshot ever comes: the elements stay in their loading state. */
  | 'loading'
  /** The connection fails before any data: the elements show their error state. */
  | 'error'
  /** Live, then the stream drops and the service reconnects (data kept, marked as old). */
  | 'reconnecting'
  /** Live, then the stream closes for good (data kept, a Reconnect button offered). */
  | 'offline';

/** Options of `fakeService`. */
export interface FakeServiceOptions {
  readonly connection?: Connection;
  /**
   * How commands are answered: `'hold'` (default) keeps them pending until the story answers one
   * with `answerNext`; a result answers every command at once.
   */
  readonly answer?: 'hold' | CommandResult;
}

/** A service on a hand-driven adapter. */
export interface FakeBackend extends StoryBackend {
  readonly adapter: FakeAdapter;
  /** Sends changes as the backend would. */
  change(...changes: CentreChange[]): void;
  /** Answers the next command the adapter receives (waits for it when none came yet). */
  answerNext(result: CommandResult | ((command: ReceivedCommand) => CommandResult)): Promise<void>;
  /** The transcript stream of a conversation, once an element opened it. */
  transcript(conversationId: string): Promise<Subject<TranscriptEvent>>;
}

/** The message a failed or closed connection shows. */
export const CONNECTION_ERROR = 'HTTP 503: the contact centre is not answering.';

/** A service on the `FakeAdapter`, fed `snapshot` (the story centre by default) as `connection` says. */
export function fakeService(
  snapshot: CentreSnapshot = storySnapshot(),
  options: FakeServiceOptions = {},
): FakeBackend {
  const adapter = new FakeAdapter();
  if (options.answer && options.answer !== 'hold') adapter.autoAnswer = options.answer;
  const service = new SupervisorService(adapter);
  service.connect();
  const connection = options.connection ?? 'live';
  if (connection === 'error') {
    adapter.events.error(new Error(CONNECTION_ERROR));
  } else if (connection !== 'loading') {
    adapter.emit({ type: 'snapshot', snapshot });
    adapter.emit({ type: 'status', status: 'live' });
    if (connection === 'reconnecting') {
      adapter.emit({
        type: 'status',
        status: 'reconnecting',
        message: 'The connection to the contact centre was lost; reconnecting…',
      });
    } else if (connection === 'offline') {
      adapter.emit({ type: 'status', status: 'offline', message: CONNECTION_ERROR });
    }
  }
  let answered = 0;
  return {
    service,
    adapter,
    loaded: () => Promise.resolve(),
    change(...changes) {
      adapter.emit({ type: 'changes', changes });
    },
    async answerNext(result) {
      await until(() => adapter.received.length > answered, 'a command to answer');
      const command = adapter.received[answered++]!;
      command.answer(typeof result === 'function' ? result(command) : result);
    },
    async transcript(id) {
      await until(() => adapter.transcripts.has(id), `transcript stream of ${id}`);
      return adapter.transcripts.get(id)!;
    },
    dispose() {
      service.dispose();
    },
  };
}

/** A failed command's answer with the standard sentence of its kind. */
export function failure(
  kind: CommandErrorKind,
  extra: { retryAfterMs?: number } = {},
): CommandResult {
  return { ok: false, error: commandError(kind, undefined, extra) };
}

/**
 * A stale action's answer: a conflict carrying the conversation as it is now, changed by `patch`
 * (version bumped), its last change made by the supervisor `by` (or not said, when `null`).
 */
export function stale(
  backend: StoryBackend,
  id: string,
  patch: Partial<Conversation>,
  by: string | null,
  action = 'assign',
): CommandResult {
  const c = backend.service.state.conversations.get(id);
  if (!c) throw new Error(`Story setup: no conversation ${id}`);
  const current: Conversation = {
    ...c,
    ...patch,
    version: c.version + 2,
    lastChange: by ? { by: { type: 'supervisor', id: by }, action, at: Date.now() - 20_000 } : null,
  };
  return { ok: false, error: commandError('conflict', undefined, { current }) };
}

/** Polls until `predicate` holds (every animation frame or 10 ms); throws after `timeoutMs`. */
export async function until(
  predicate: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Story setup: no ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A successful answer carrying the conversation as the backend now has it. */
export function answered(
  backend: StoryBackend,
  id: string,
  patch: Partial<Conversation>,
): CommandResult {
  const c = backend.service.state.conversations.get(id);
  return c ? { ok: true, conversation: { ...c, ...patch, version: c.version + 1 } } : { ok: true };
}

/** The conversation as the backend has it, with a change applied and its version bumped. */
export function changed(
  backend: StoryBackend,
  id: string,
  patch: Partial<Conversation>,
): CentreChange {
  const c = backend.service.state.conversations.get(id);
  if (!c) throw new Error(`Story setup: no conversation ${id}`);
  return { type: 'conversation', conversation: { ...c, ...patch, version: c.version + 1 } };
}
