/**
 * Faults × commands on the simulated centre, through SupervisorService, on virtual time. The HTTP layer
 * (500, 503, timeout, 429 + Retry-After, 403, 409, network drop, malformed answer, each × every command)
 * is the table in src/adapters/rest/rest-adapter.test.ts; this file covers the same faults one layer
 * down (the simulator's switches and an adapter that misbehaves around it), the change stream and the
 * transcript stream. For every row: (a) the service ends equal to the simulator's truth, (b) the
 * command is applied at most once (and a retry with the same idempotency key applies nothing more),
 * (c) the optimistic patch shows while pending and is rolled back after a failure, (d) the outcome
 * carries the typed error with a sentence for the supervisor.
 */
import '../setup.js';
import '../../src/components/assign-dialog/assign-dialog.define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Observable } from 'rxjs';
import type {
  AdapterEvent,
  AssignCommand,
  BackendAdapter,
  CommandName,
  CommandResult,
  SimpleCommand,
  TranscriptEvent,
  TransferCommand,
  WhisperCommand,
} from '../../src/adapters/backend-adapter.js';
import { SimulatedCentre, type SimulatorOptions } from '../../src/adapters/simulator/index.js';
import type { AssignDialog } from '../../src/components/assign-dialog/assign-dialog.js';
import {
  canAssign,
  canForceClose,
  canMonitor,
  canTransfer,
  commandError,
  type CommandErrorKind,
  type Conversation,
} from '../../src/domain/index.js';
import { SupervisorService, type CommandOutcome } from '../../src/service/index.js';
import type { TranscriptState } from '../../src/service/supervisor-service.js';
import { smallSnapshot } from '../fixtures/fake-adapter.js';
import { connectedService, settle as settleReal } from '../fixtures/element-harness.js';
import { assignTarget, pick, transferTarget } from '../fixtures/rest.js';
import { VirtualClock } from '../fixtures/simulator.js';
import { reportCases } from './corpus.js';

/** What an interposed adapter does to one command around the simulator. */
type Interpose = (real: () => Promise<CommandResult>) => Promise<CommandResult>;

/** The simulator behind an adapter that can misbehave per command (reject, garble the answer). */
class Interposer implements BackendAdapter {
  readonly around = new Map<CommandName, Interpose>();
  constructor(readonly sim: SimulatedCentre) {}
  connect(): Observable<AdapterEvent> {
    return this.sim.connect();
  }
  transcript(id: string): Observable<TranscriptEvent> {
    return this.sim.transcript(id);
  }
  private call(name: CommandName, real: () => Promise<CommandResult>): Promise<CommandResult> {
    const f = this.around.get(name);
    return f ? f(real) : real();
  }
  assign = (c: AssignCommand) => this.call('assign', () => this.sim.assign(c));
  transfer = (c: TransferCommand) => this.call('transfer', () => this.sim.transfer(c));
  forceClose = (c: SimpleCommand) => this.call('forceClose', () => this.sim.forceClose(c));
  monitor = (c: SimpleCommand) => this.call('monitor', () => this.sim.monitor(c));
  unmonitor = (c: SimpleCommand) => this.call('unmonitor', () => this.sim.unmonitor(c));
  join = (c: SimpleCommand) => this.call('join', () => this.sim.join(c));
  leave = (c: SimpleCommand) => this.call('leave', () => this.sim.leave(c));
  whisper = (c: WhisperCommand) => this.call('whisper', () => this.sim.whisper(c));
}

interface World {
  clock: VirtualClock;
  sim: SimulatedCentre;
  adapter: Interposer;
  service: SupervisorService;
  me: string;
}

function world(options: SimulatorOptions = {}): World {
  const clock = new VirtualClock();
  const sim = new SimulatedCentre({
    changesPerSecond: 0,
    commandLatencyMs: 100,
    transferAnswerDelayMs: 600_000,
    conversations: 60,
    seed: 11,
    ...options,
    scheduler: clock.scheduler,
  });
  const adapter = new Interposer(sim);
  let n = 0;
  const service = new SupervisorService(adapter, {
    frameScheduler: clock.scheduler,
    closingMs: 1000,
    createKey: () => `fault-key-${++n}`,
  });
  service.connect();
  clock.advance(100);
  return { clock, sim, adapter, service, me: sim.supervisor.id };
}

/** Lets promises and virtual time run until `ms` virtual milliseconds have passed. */
async function run(w: World, ms = 600): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    for (let i = 0; i < 3; i += 1) await Promise.resolve();
    w.clock.advance(100);
  }
  for (let i = 0; i < 3; i += 1) await Promise.resolve();
}

/** The service's ongoing conversations and representatives equal the simulator's. */
function expectInSync(w: World): void {
  const truth = w.sim.conversations().filter((c) => c.status !== 'closed');
  const held = [...w.service.state.conversations.values()].filter((c) => c.status !== 'closed');
  expect(held.map((c) => c.id).sort(), 'ongoing ids').to.deep.equal(truth.map((c) => c.id).sort());
  for (const c of truth) expect(w.service.state.conversations.get(c.id), c.id).to.deep.equal(c);
  for (const r of w.sim.representatives())
    expect(w.service.state.representatives.get(r.id), r.id).to.deep.equal(r);
  expect(w.service.state.pending.size, 'nothing left pending').to.equal(0);
}

/** One command prepared on a fresh world. */
interface Prepared {
  readonly id: string;
  send(): Promise<CommandOutcome>;
  /** The same command straight to the simulator with this key (a retry). */
  retry(key: string): Promise<CommandResult>;
  /** Is the effect in this conversation (the service's view or the truth)? */
  applied(c: Conversation | undefined): boolean;
}

const truthOf = (w: World, id: string): Conversation => {
  const c = w.sim.getConversation(id);
  if (!c) throw new Error(`no conversation ${id} in the simulator`);
  return c;
};

async function ok(w: World, outcome: Promise<CommandOutcome>): Promise<void> {
  const done = outcome;
  await run(w, 300);
  const o = await done;
  if (o.status !== 'succeeded') throw new Error(`setup ${o.command}: ${o.error?.message}`);
}

const simple = (w: World, id: string, key: string) => ({
  conversationId: id,
  expectedVersion: truthOf(w, id).version,
  idempotencyKey: key,
});

// Whisper changes no conversation (it is a transcript message), so this table of conversation
// states cannot observe it; its idempotency and refusals are tested in the simulator's tests.
const COMMANDS: Record<Exclude<CommandName, 'whisper'>, (w: World) => Promise<Prepared>> = {
  async assign(w) {
    const c = pick(w.sim, canAssign, (x) => assignTarget(w.sim, x) !== undefined);
    const rep = assignTarget(w.sim, c)!;
    const target = { type: 'representative', id: rep.id } as const;
    return {
      id: c.id,
      send: () => w.service.assign(c.id, target, { presence: true, capacity: true }),
      retry: (key) =>
        w.sim.assign({
          ...simple(w, c.id, key),
          target,
          overridePresence: true,
          overrideCapacity: true,
        }),
      applied: (x) => x?.representativeId === rep.id,
    };
  },
  async transfer(w) {
    const c = pick(w.sim, canTransfer, (x) => transferTarget(w.sim, x) !== undefined);
    const rep = transferTarget(w.sim, c)!;
    const target = { type: 'representative', id: rep.id } as const;
    return {
      id: c.id,
      send: () => w.service.transfer(c.id, target),
      retry: (key) => w.sim.transfer({ ...simple(w, c.id, key), target }),
      applied: (x) => x?.pendingTransfer?.toRepresentativeId === rep.id,
    };
  },
  async forceClose(w) {
    const c = pick(w.sim, canForceClose);
    return {
      id: c.id,
      send: () => w.service.forceClose(c.id),
      retry: (key) => w.sim.forceClose(simple(w, c.id, key)),
      applied: (x) => x === undefined || x.status === 'closed',
    };
  },
  async monitor(w) {
    const c = pick(w.sim, canMonitor);
    return {
      id: c.id,
      send: () => w.service.monitor(c.id),
      retry: (key) => w.sim.monitor(simple(w, c.id, key)),
      applied: (x) => !!x?.monitoredBy.includes(w.me),
    };
  },
  async unmonitor(w) {
    const c = pick(w.sim, canMonitor);
    await ok(w, w.service.monitor(c.id));
    return {
      id: c.id,
      send: () => w.service.unmonitor(c.id),
      retry: (key) => w.sim.unmonitor(simple(w, c.id, key)),
      applied: (x) => !x?.monitoredBy.includes(w.me),
    };
  },
  async join(w) {
    const c = pick(w.sim, canMonitor);
    await ok(w, w.service.monitor(c.id));
    return {
      id: c.id,
      send: () => w.service.join(c.id),
      retry: (key) => w.sim.join(simple(w, c.id, key)),
      applied: (x) => !!x?.joinedBy.includes(w.me),
    };
  },
  async leave(w) {
    const c = pick(w.sim, canMonitor);
    await ok(w, w.service.monitor(c.id));
    await ok(w, w.service.join(c.id));
    return {
      id: c.id,
      send: () => w.service.leave(c.id),
      retry: (key) => w.sim.leave(simple(w, c.id, key)),
      applied: (x) => !x?.joinedBy.includes(w.me),
    };
  },
};

const COMMAND_NAMES = Object.keys(COMMANDS) as Exclude<CommandName, 'whisper'>[];

/** One fault, applied to one command. */
interface FaultRow {
  readonly label: string;
  /** Switches the fault on for this command (after setup, before sending). */
  readonly inject: (w: World, name: CommandName) => void;
  /** `succeeded`, or the error kind the supervisor is shown. */
  readonly outcome: 'succeeded' | CommandErrorKind;
  /** Is the command applied in the centre's true state (exactly once)? */
  readonly applied: boolean;
  /** Virtual time to let pass after sending. */
  readonly ms?: number;
  /** The lifecycle runs meanwhile, so other changes move versions too (no exact version count). */
  readonly lifecycle?: boolean;
  /** Extra checks on the outcome. */
  readonly check?: (o: CommandOutcome, w: World, id: string) => void;
}

const FAULTS: readonly FaultRow[] = [
  {
    label: '500/503 unavailable',
    inject: (w, name) =>
      w.sim.setFaults({ commandError: { kind: 'unavailable', commands: [name], remaining: 1 } }),
    outcome: 'unavailable',
    applied: false,
  },
  {
    label: '429 with Retry-After',
    inject: (w, name) =>
      w.sim.setFaults({
        commandError: { kind: 'rate-limited', retryAfterMs: 2500, commands: [name], remaining: 1 },
      }),
    outcome: 'rate-limited',
    applied: false,
    check: (o) => expect(o.error?.retryAfterMs).to.equal(2500),
  },
  {
    label: '403 role error',
    inject: (w, name) =>
      w.sim.setFaults({ commandError: { kind: 'forbidden', commands: [name], remaining: 1 } }),
    outcome: 'forbidden',
    applied: false,
    check: (o) => expect(o.error?.message).to.include('Omnichannel API access'),
  },
  {
    label: '409 conflict',
    inject: (w, name) =>
      w.sim.setFaults({ commandError: { kind: 'conflict', commands: [name], remaining: 1 } }),
    outcome: 'conflict',
    applied: false,
    check: (o, w, id) => expect(o.error?.currentVersion).to.equal(truthOf(w, id).version),
  },
  {
    label: 'timeout: applied, answer lost',
    inject: (w, name) => w.sim.setFaults({ failAfterApply: { commands: [name], remaining: 1 } }),
    outcome: 'unavailable',
    applied: true,
    check: (o) => expect(o.error?.message).to.include('retrying is safe'),
  },
  {
    label: 'network drop before sending',
    inject: (w, name) =>
      w.adapter.around.set(name, () => Promise.reject(new TypeError('Failed to fetch'))),
    outcome: 'unavailable',
    applied: false,
    check: (o) => expect(o.error?.message).to.include('could not be reached'),
  },
  {
    label: 'network drop mid-command (applied, connection reset)',
    inject: (w, name) =>
      w.adapter.around.set(name, async (real) => {
        await real();
        throw new TypeError('network connection was reset');
      }),
    outcome: 'unavailable',
    applied: true,
  },
  {
    label: 'change stream drops mid-command, then resyncs',
    inject: (w, name) =>
      w.adapter.around.set(name, (real) => {
        w.sim.dropStream(1500);
        return real();
      }),
    outcome: 'succeeded',
    applied: true,
    ms: 2500,
    check: (_o, w) => expect(w.service.state.connection.status).to.equal('live'),
  },
  {
    label: 'malformed answer (applied)',
    inject: (w, name) =>
      w.adapter.around.set(name, async (real) => {
        await real();
        return { ok: 'yes' } as unknown as CommandResult;
      }),
    outcome: 'unavailable',
    applied: true,
    check: (o) => expect(o.error?.message).to.include('could not be read'),
  },
  {
    label: 'slow answer (5 s latency)',
    inject: (w) => w.sim.setFaults({ latencyMs: 5000 }),
    outcome: 'succeeded',
    applied: true,
    ms: 5500,
  },
  {
    label: 'duplicated and out-of-order events around the command',
    inject: (w) => {
      w.sim.setRate(50);
      w.sim.setFaults({ duplicateEvents: 1, reorderEvents: 0.5 });
    },
    outcome: 'succeeded',
    applied: true,
    lifecycle: true,
  },
];

describe('reliability: faults × commands (service on the simulator, virtual time)', () => {
  reportCases('faults');

  for (const f of FAULTS) {
    describe(f.label, () => {
      for (const name of COMMAND_NAMES) {
        it(`${name} → ${f.outcome}, ${f.applied ? 'applied once' : 'nothing applied'}`, async () => {
          const w = world();
          const p = await COMMANDS[name](w);
          await run(w, 200);
          const before = truthOf(w, p.id).version;
          expect(p.applied(w.service.getConversation(p.id)), 'not applied before').to.equal(false);
          f.inject(w, name);

          const sent = p.send();
          // (c) The optimistic change shows at once, while the command is pending.
          expect(w.service.state.pending.size, 'pending').to.equal(1);
          expect(p.applied(w.service.getConversation(p.id)), 'optimistic').to.equal(true);
          await run(w, f.ms ?? 600);
          const outcome = await sent;

          // (d) What the supervisor is told, and why.
          if (f.outcome === 'succeeded') {
            expect(outcome.status, outcome.error?.message).to.equal('succeeded');
          } else {
            expect(outcome.status).to.equal('failed');
            expect(outcome.error?.kind).to.equal(f.outcome);
            expect(outcome.error?.message).to.be.a('string').with.length.greaterThan(20);
          }
          f.check?.(outcome, w, p.id);

          // Quiet the faults, let the stream catch up (a held-back reordered change included).
          w.sim.setRate(0);
          w.sim.setFaults({ duplicateEvents: 0, reorderEvents: 0, latencyMs: 0 });
          w.adapter.around.clear();
          await run(w, 300);

          // (b) Applied exactly once, or not at all, in the truth.
          expect(p.applied(w.sim.getConversation(p.id)), 'applied in truth').to.equal(f.applied);
          if (!f.lifecycle)
            expect(truthOf(w, p.id).version - before, 'versions moved').to.equal(f.applied ? 1 : 0);
          // (c) Rolled back, or confirmed; (a) equal to the truth.
          expect(p.applied(w.service.getConversation(p.id)), 'service view').to.equal(f.applied);
          expectInSync(w);

          // (b) A retry with the same idempotency key applies nothing more.
          if (f.applied) {
            const version = truthOf(w, p.id).version;
            const retried = p.retry(outcome.id);
            await run(w, 300);
            expect((await retried).ok, 'the retry is answered with the first result').to.equal(
              true,
            );
            expect(truthOf(w, p.id).version, 'applied once').to.equal(version);
            expectInSync(w);
          }
          w.service.dispose();
          w.sim.dispose();
        });
      }
    });
  }

  describe('the change stream', () => {
    const STREAM: readonly {
      label: string;
      faults: Parameters<SimulatedCentre['setFaults']>[0];
      drop?: boolean;
      problems?: boolean;
    }[] = [
      { label: 'duplicated events', faults: { duplicateEvents: 0.5 } },
      { label: 'out-of-order events', faults: { reorderEvents: 0.5 } },
      { label: 'malformed events', faults: { malformedEvents: 0.1 }, problems: true },
      { label: 'stream drop and reconnect', faults: {}, drop: true },
      {
        label: 'all of them at once, with drops',
        faults: { duplicateEvents: 0.3, reorderEvents: 0.3, malformedEvents: 0.05 },
        drop: true,
        problems: true,
      },
    ];
    for (const row of STREAM) {
      it(`${row.label}: ends in the true state${row.problems ? ', problems reported' : ''}`, async () => {
        const w = world({ conversations: 300, changesPerSecond: 300, seed: 4 });
        w.sim.setFaults(row.faults);
        const statuses: string[] = [];
        const sub = w.service.connection$.subscribe((c) => statuses.push(c.status));
        for (let i = 0; i < 5; i += 1) {
          w.clock.advance(1000);
          if (row.drop) w.sim.dropStream(700);
        }
        w.sim.setFaults({ duplicateEvents: 0, reorderEvents: 0, malformedEvents: 0 });
        w.sim.setRate(0);
        w.clock.advance(2000);
        sub.unsubscribe();
        expectInSync(w);
        if (row.drop) expect(statuses).to.include.members(['reconnecting', 'live']);
        expect(w.service.state.connection.status).to.equal('live');
        const problems = w.service.state.connection.problems;
        if (row.problems) {
          expect(problems.length).to.be.within(1, 20);
          expect(problems.at(-1)).to.match(/Malformed|unknown|skipped/i);
        } else {
          expect(problems).to.deep.equal([]);
        }
        w.service.dispose();
        w.sim.dispose();
      });
    }
  });

  describe('the transcript stream', () => {
    const msg = (id: string, at: number, text = `message ${id}`) => ({
      id,
      conversationId: 'active-chat',
      at,
      author: 'customer' as const,
      authorName: 'Alice',
      text,
    });
    const ROWS: readonly {
      label: string;
      events: TranscriptEvent[];
      ids: string[];
      status?: TranscriptState['status'];
    }[] = [
      {
        label: 'duplicated messages',
        events: [
          { type: 'snapshot', messages: [msg('m1', 1), msg('m2', 2)] },
          { type: 'message', message: msg('m2', 2) },
          { type: 'message', message: msg('m3', 3) },
          { type: 'message', message: msg('m3', 3) },
        ],
        ids: ['m1', 'm2', 'm3'],
      },
      {
        label: 'out-of-order messages',
        events: [
          { type: 'snapshot', messages: [msg('m1', 1), msg('m4', 4)] },
          { type: 'message', message: msg('m3', 3) },
          { type: 'message', message: msg('m2', 2) },
        ],
        ids: ['m1', 'm2', 'm3', 'm4'],
      },
      {
        label: 'malformed messages',
        events: [
          {
            type: 'snapshot',
            messages: [msg('m1', 1), { id: 7 } as never, null as never, msg('m2', 2)],
          },
          { type: 'message', message: { text: 'no id' } as never },
          { type: 'message', message: 'garbage' as never },
          { type: 'no-such-event' } as never,
          { type: 'message', message: msg('m3', 3) },
        ],
        ids: ['m1', 'm2', 'm3'],
      },
      {
        label: 'drop, then resync with a fresh snapshot',
        events: [
          { type: 'snapshot', messages: [msg('m1', 1)] },
          { type: 'status', status: 'reconnecting', message: 'Lost; reconnecting…' },
          { type: 'snapshot', messages: [msg('m1', 1), msg('m2', 2), msg('m3', 3)] },
          { type: 'message', message: msg('m3', 3) },
        ],
        ids: ['m1', 'm2', 'm3'],
        status: 'live',
      },
      {
        label: 'drop without coming back',
        events: [
          { type: 'snapshot', messages: [msg('m1', 1)] },
          { type: 'status', status: 'reconnecting', message: 'Lost; reconnecting…' },
        ],
        ids: ['m1'],
        status: 'reconnecting',
      },
    ];
    for (const row of ROWS) {
      it(`${row.label}: each message once, in time order${row.status ? `, status ${row.status}` : ''}`, async () => {
        const h = await connectedService();
        const states: TranscriptState[] = [];
        const sub = h.service.transcript$('active-chat').subscribe((s) => states.push(s));
        const subject = h.adapter.transcripts.get('active-chat')!;
        for (const e of row.events) subject.next(e);
        const last = states.at(-1)!;
        expect(last.messages.map((m) => m.id)).to.deep.equal(row.ids);
        expect(last.status).to.equal(row.status ?? 'live');
        if (row.status === 'reconnecting') expect(last.message).to.include('reconnecting');
        sub.unsubscribe();
        expect(h.adapter.transcripts.has('active-chat'), 'stream closed').to.equal(false);
        h.service.dispose();
      });
    }

    it('the simulator: a transcript dropped and reopened (monitor closed and opened) resumes without repeats', () => {
      const w = world({ transcriptIntervalMs: 1000 });
      const c = pick(w.sim, canMonitor);
      let states: TranscriptState[] = [];
      let sub = w.service.transcript$(c.id).subscribe((s) => states.push(s));
      w.clock.advance(5000);
      const seen = states.at(-1)!.messages.length;
      sub.unsubscribe();
      expect(w.sim.transcriptSubscribers(c.id)).to.equal(0);
      w.clock.advance(5000);
      states = [];
      sub = w.service.transcript$(c.id).subscribe((s) => states.push(s));
      w.clock.advance(3000);
      const ids = states.at(-1)!.messages.map((m) => m.id);
      expect(new Set(ids).size, 'no repeats').to.equal(ids.length);
      expect(ids.length).to.be.at.least(seen);
      expect(ids).to.deep.equal(w.sim.transcriptMessages(c.id).map((m) => m.id));
      sub.unsubscribe();
      w.service.dispose();
      w.sim.dispose();
      expect(w.sim.activeWork).to.equal(0);
    });
  });

  describe('what the supervisor sees, through an element', () => {
    it('a dialog closed and shown again at once stays open (the queued close event is ignored)', async () => {
      const h = await connectedService(smallSnapshot());
      const el = await fixture<AssignDialog>(
        html`<assign-dialog .service=${h.service}></assign-dialog>`,
      );
      el.show('open-chat');
      await settleReal();
      el.close();
      await el.updateComplete;
      el.show('open-chat');
      await settleReal(60);
      expect(el.open).to.equal(true);
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
      el.close();
      h.service.dispose();
    });

    it('the assign dialog: pending, then the role guidance on a 403, and the row rolled back', async () => {
      const h = await connectedService(smallSnapshot());
      const el = await fixture<AssignDialog>(
        html`<assign-dialog .service=${h.service}></assign-dialog>`,
      );
      el.show('open-chat');
      await el.updateComplete;
      await settleReal();
      const option = el.shadowRoot!.querySelector<HTMLInputElement>(
        '.option[data-id="rep-human"] input',
      );
      expect(option, 'a representative to choose').to.exist;
      option!.click();
      await settleReal();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.footer button.primary')!.click();
      await settleReal();
      expect(h.service.getConversation('open-chat')?.representativeId, 'optimistic').to.equal(
        'rep-human',
      );
      h.adapter.last().answer({ ok: false, error: commandError('forbidden') });
      await waitUntil(
        () => el.shadowRoot!.textContent!.includes('Omnichannel API access'),
        'role guidance shown',
      );
      expect(h.service.getConversation('open-chat')?.representativeId, 'rolled back').to.equal(
        null,
      );
      expect(h.service.state.pending.size).to.equal(0);
      await expect(el).to.be.accessible();
      h.service.dispose();
    });
  });
});
