/**
 * RestAdapter against the MSW mock backend (service worker) on the simulated centre, in Chromium:
 * every command through SupervisorService → RestAdapter → HTTP → MockBackend → SimulatedCentre;
 * every injected fault × every command; reconnect and resume; resync; malformed input.
 * Real time, kept short by small timeouts and backoffs.
 */
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { firstValueFrom, filter } from 'rxjs';
import type { CommandName } from '../backend-adapter.js';
import {
  canAssign,
  canForceClose,
  canMonitor,
  canTransfer,
  type CommandErrorKind,
} from '../../domain/index.js';
import type { HttpFault } from '../../mocks/faults.js';
import { formatSseEvent } from './sse-parser.js';
import type { CommandOutcome } from '../../service/index.js';
import {
  assignTarget,
  differences,
  harness,
  inSync,
  pause,
  pick,
  recorder,
  transferTarget,
  truth,
  until,
  whisperable,
  type Harness,
} from '../../../test/fixtures/rest.js';
import { reportCases } from '../../../test/reliability/corpus.js';

/** One command ready to run on a fresh harness: what to send and how to see it applied. */
interface Prepared {
  readonly id: string;
  run(): Promise<CommandOutcome>;
  /** Is the command's effect in the centre's true state? */
  applied(): boolean;
  /** Versions an applied command adds to the conversation (default 1; a whisper changes none). */
  readonly versionStep?: number;
}

/** How to set up and recognise each command. */
const COMMANDS: Record<CommandName, (h: Harness) => Promise<Prepared>> = {
  async assign(h) {
    const c = pick(h.simulator, canAssign, (x) => assignTarget(h.simulator, x) !== undefined);
    const rep = assignTarget(h.simulator, c)!;
    return {
      id: c.id,
      run: () =>
        h.service.assign(
          c.id,
          { type: 'representative', id: rep.id },
          { presence: true, capacity: true },
        ),
      applied: () => truth(h, c.id).representativeId === rep.id,
    };
  },
  async transfer(h) {
    const c = pick(h.simulator, canTransfer, (x) => transferTarget(h.simulator, x) !== undefined);
    const rep = transferTarget(h.simulator, c)!;
    return {
      id: c.id,
      run: () => h.service.transfer(c.id, { type: 'representative', id: rep.id }),
      applied: () => truth(h, c.id).pendingTransfer?.toRepresentativeId === rep.id,
    };
  },
  async forceClose(h) {
    const c = pick(h.simulator, canForceClose);
    return {
      id: c.id,
      run: () => h.service.forceClose(c.id),
      applied: () => truth(h, c.id).status === 'closed',
    };
  },
  async monitor(h) {
    const c = pick(h.simulator, canMonitor);
    const me = h.simulator.supervisor.id;
    return {
      id: c.id,
      run: () => h.service.monitor(c.id),
      applied: () => truth(h, c.id).monitoredBy.includes(me),
    };
  },
  async join(h) {
    const c = pick(h.simulator, canMonitor);
    const me = h.simulator.supervisor.id;
    await succeed(h, h.service.monitor(c.id));
    return {
      id: c.id,
      run: () => h.service.join(c.id),
      applied: () => truth(h, c.id).joinedBy.includes(me),
    };
  },
  async leave(h) {
    const c = pick(h.simulator, canMonitor);
    const me = h.simulator.supervisor.id;
    await succeed(h, h.service.monitor(c.id));
    await succeed(h, h.service.join(c.id));
    return {
      id: c.id,
      run: () => h.service.leave(c.id),
      applied: () => !truth(h, c.id).joinedBy.includes(me),
    };
  },
  async unmonitor(h) {
    const c = pick(h.simulator, canMonitor);
    const me = h.simulator.supervisor.id;
    await succeed(h, h.service.monitor(c.id));
    return {
      id: c.id,
      run: () => h.service.unmonitor(c.id),
      applied: () => !truth(h, c.id).monitoredBy.includes(me),
    };
  },
  async whisper(h) {
    const c = whisperable(h.simulator);
    await succeed(h, h.service.monitor(c.id));
    const text = `Whisper ${c.id}`;
    return {
      id: c.id,
      run: () => h.service.whisper(c.id, text),
      versionStep: 0,
      applied: () =>
        h.simulator
          .transcriptMessages(c.id)
          .some((m) => m.text === text && m.visibility === 'representatives'),
    };
  },
};

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The URL segment of each command. */
const SEGMENT: Record<CommandName, string> = {
  assign: 'assign',
  transfer: 'transfer',
  forceClose: 'force-close',
  monitor: 'monitor',
  unmonitor: 'unmonitor',
  join: 'join',
  leave: 'leave',
  whisper: 'whisper',
};

async function succeed(h: Harness, outcome: Promise<CommandOutcome>): Promise<void> {
  const o = await outcome;
  if (o.status !== 'succeeded') throw new Error(`Setup failed: ${o.command} ${o.error?.message}`);
  await inSync(h);
}

describe('RestAdapter over MSW', function () {
  this.timeout(15_000);
  let h: Harness | null = null;
  afterEach(() => {
    h?.dispose();
    h = null;
  });

  describe('connecting', () => {
    it('loads the snapshot, reports connecting then live, and matches the centre', async () => {
      h = await harness();
      expect(h.adapter.statuses.slice(0, 2)).to.deep.equal(['connecting', 'live']);
      expect(h.adapter.count('snapshot')).to.equal(1);
      expect(differences(h)).to.deep.equal([]);
      expect(h.service.state.supervisor?.id).to.equal(h.simulator.supervisor.id);
      expect(h.service.state.queues.size).to.equal(h.simulator.queues().length);
    });

    it('opens the stream from the snapshot position and follows live changes', async () => {
      h = await harness();
      const events = h.requests('/events');
      expect(events).to.have.length(1);
      expect(events[0]!.headers.get('Last-Event-ID')).to.equal(String(h.backend.log.lastId));
      h.simulator.setSettings({ forceClose: false });
      await until(() => h!.service.state.settings.forceClose === false, 'the settings change');
      await inSync(h);
    });

    it("sends the host's auth headers on every request, streams included", async () => {
      const seen: Request[] = [];
      let token = 0;
      h = await harness({
        handlers: [recorder(seen)],
        adapter: { headers: async () => ({ Authorization: `Bearer t${++token}` }) },
      });
      const c = pick(h.simulator, canMonitor);
      await succeed(h, h.service.monitor(c.id));
      const paths = seen.map((r) => new URL(r.url).pathname);
      expect(paths).to.include.members([
        '/api/snapshot',
        '/api/events',
        `/api/conversations/${c.id}/monitor`,
      ]);
      for (const r of seen) expect(r.headers.get('Authorization')).to.match(/^Bearer t\d+$/);
      expect(
        new Set(seen.map((r) => r.headers.get('Authorization'))).size,
        'asked per request',
      ).to.be.greaterThan(1);
    });
  });

  describe('every command, happy path (service → REST → MSW → simulator)', () => {
    for (const name of COMMAND_NAMES) {
      it(`${name}: applied once, confirmed, and in step with the centre`, async () => {
        h = await harness({ simulator: { transferAnswerDelayMs: 60_000 } });
        const prepared = await COMMANDS[name](h);
        const before = truth(h, prepared.id).version;
        const outcome = await prepared.run();
        expect(outcome.status, outcome.error?.message).to.equal('succeeded');
        expect(prepared.applied()).to.equal(true);
        expect(truth(h, prepared.id).version).to.equal(before + (prepared.versionStep ?? 1));
        const posts = h.requests(`/${SEGMENT[name]}`, 'POST');
        expect(posts).to.have.length(1);
        expect(posts[0]!.headers.get('Idempotency-Key')).to.equal(outcome.id);
        expect(h.service.state.pending.size).to.equal(0);
        await inSync(h);
      });
    }

    it('whisper: POSTs the trimmed text with the expected version and lands for representatives only', async () => {
      h = await harness();
      const c = whisperable(h.simulator);
      await succeed(h, h.service.monitor(c.id));
      const outcome = await h.service.whisper(c.id, '  Offer the <b>refund</b>  ');
      expect(outcome.status, outcome.error?.message).to.equal('succeeded');
      const [post] = h.requests('/whisper', 'POST');
      expect(JSON.parse(post!.body ?? 'null')).to.deep.equal({
        expectedVersion: truth(h, c.id).version,
        text: 'Offer the <b>refund</b>',
      });
      const whisper = h.simulator.transcriptMessages(c.id).find((m) => m.author === 'supervisor');
      expect(whisper?.visibility).to.equal('representatives');
      expect(whisper?.text).to.equal('Offer the <b>refund</b>');
    });

    it('a stale command: 409 with the conversation now; the service says who changed it and what', async () => {
      h = await harness();
      const c = pick(h.simulator, canAssign);
      const other = h.simulator.queues().find((q) => q.id !== c.queueId)!;
      // Someone else moves it (straight to the centre) before the supervisor's command arrives.
      const moved = await h.simulator.assign({
        conversationId: c.id,
        expectedVersion: c.version,
        idempotencyKey: 'someone-else',
        target: { type: 'queue', id: other.id },
        overridePresence: false,
        overrideCapacity: false,
      });
      expect(moved.ok).to.equal(true);
      // The service still holds the old version: send straight through the adapter as it would.
      const result = await h.adapter.assign({
        conversationId: c.id,
        expectedVersion: c.version,
        idempotencyKey: 'stale',
        target: { type: 'queue', id: other.id },
        overridePresence: false,
        overrideCapacity: false,
      });
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.error.kind).to.equal('conflict');
      expect(result.error.current?.queueId).to.equal(other.id);
      expect(result.error.current?.lastChange?.by).to.deep.equal({
        type: 'supervisor',
        id: h.simulator.supervisor.id,
      });
      expect(result.error.currentVersion).to.equal(truth(h, c.id).version);
    });

    it('transfer: the target accepts and the supervisor sees it without refreshing', async () => {
      h = await harness();
      const c = pick(
        h.simulator,
        canTransfer,
        (x) => transferTarget(h!.simulator, x) !== undefined,
      );
      const rep = transferTarget(h.simulator, c)!;
      const answered = firstValueFrom(
        h.service.outcomes$.pipe(filter((o) => o.status === 'accepted' || o.status === 'rejected')),
      );
      const outcome = await h.service.transfer(c.id, { type: 'representative', id: rep.id });
      expect(outcome.status).to.equal('succeeded');
      const answer = await answered;
      expect(answer.status).to.equal('accepted');
      expect(truth(h, c.id).representativeId).to.equal(rep.id);
      await inSync(h);
    });

    it('a refusal by the centre (rule) comes back as invalid with its reason, not retried', async () => {
      h = await harness();
      const c = pick(h.simulator, canMonitor);
      // The centre switches monitoring off; the service has not heard yet.
      const seen = h.service.state.settings;
      h.simulator.setSettings({ monitor: false });
      expect(seen.monitor).to.equal(true);
      const outcome = await h.rest.monitor({
        conversationId: c.id,
        expectedVersion: c.version,
        idempotencyKey: 'refused-1',
      });
      expect(outcome.ok).to.equal(false);
      if (!outcome.ok) {
        expect(outcome.error.kind).to.equal('invalid');
        expect(outcome.error.reason).to.equal('switch-off');
      }
      expect(h.requests(`/monitor`, 'POST')).to.have.length(1);
    });
  });

  describe('faults × commands', () => {
    // The HTTP half of the reliability suite's fault table (test/reliability/faults.test.ts has the
    // simulator, stream and transcript half): print how many fault × command cases ran.
    reportCases('faults (HTTP, REST over MSW)');
    interface FaultCase {
      readonly label: string;
      readonly fault: Omit<HttpFault, 'on'>;
      /** `succeeded`, or the error kind the supervisor is shown. */
      readonly outcome: 'succeeded' | CommandErrorKind;
      readonly applied: boolean;
      /** POSTs the adapter makes (all with the same Idempotency-Key). */
      readonly attempts: number;
      /** A problem is reported (malformed answer). */
      readonly problem?: boolean;
    }
    const RETRIES = 2;
    const FAULTS: readonly FaultCase[] = [
      {
        label: '500 server error',
        fault: { kind: 'server-error' },
        outcome: 'unavailable',
        applied: false,
        attempts: 1,
      },
      {
        label: '503 once',
        fault: { kind: 'unavailable', times: 1 },
        outcome: 'succeeded',
        applied: true,
        attempts: 2,
      },
      {
        label: '503 always',
        fault: { kind: 'unavailable' },
        outcome: 'unavailable',
        applied: false,
        attempts: 1 + RETRIES,
      },
      {
        label: '429 + Retry-After once',
        fault: { kind: 'rate-limited', times: 1, retryAfterMs: 60 },
        outcome: 'succeeded',
        applied: true,
        attempts: 2,
      },
      {
        label: '429 always',
        fault: { kind: 'rate-limited', retryAfterMs: 10 },
        outcome: 'rate-limited',
        applied: false,
        attempts: 1 + RETRIES,
      },
      {
        label: 'timeout (applied, answer lost) once',
        fault: { kind: 'timeout', times: 1, hangMs: 2000 },
        outcome: 'succeeded',
        applied: true,
        attempts: 2,
      },
      {
        label: 'network error once',
        fault: { kind: 'network-error', times: 1 },
        outcome: 'succeeded',
        applied: true,
        attempts: 2,
      },
      {
        label: 'network error always',
        fault: { kind: 'network-error' },
        outcome: 'unavailable',
        applied: false,
        attempts: 1 + RETRIES,
      },
      {
        label: '403 role error',
        fault: { kind: 'forbidden' },
        outcome: 'forbidden',
        applied: false,
        attempts: 1,
      },
      {
        label: '409 conflict',
        fault: { kind: 'conflict' },
        outcome: 'conflict',
        applied: false,
        attempts: 1,
      },
      {
        label: 'malformed answer (applied)',
        fault: { kind: 'malformed', times: 1 },
        outcome: 'succeeded',
        applied: true,
        attempts: 1,
        problem: true,
      },
    ];

    for (const f of FAULTS) {
      describe(f.label, () => {
        for (const name of COMMAND_NAMES) {
          it(`${name} → ${f.outcome}${f.applied ? ', applied once' : ', nothing applied'}`, async () => {
            h = await harness({
              simulator: { transferAnswerDelayMs: 60_000 },
              adapter: { retries: RETRIES, timeoutMs: 500 },
            });
            const prepared = await COMMANDS[name](h);
            const before = truth(h, prepared.id).version;
            const problemsBefore = h.service.state.connection.problems.length;
            h.faults.inject({ ...f.fault, on: [name] });

            const outcome = await prepared.run();

            // The outcome and its reason, as the supervisor is shown it.
            if (f.outcome === 'succeeded') {
              expect(outcome.status, outcome.error?.message).to.equal('succeeded');
            } else {
              expect(outcome.status).to.equal('failed');
              expect(outcome.error?.kind).to.equal(f.outcome);
              expect(outcome.error?.message).to.be.a('string').and.not.equal('');
            }
            if (f.outcome === 'forbidden') {
              expect(outcome.error?.message).to.include('Omnichannel API access');
            }
            if (f.outcome === 'conflict') {
              expect(outcome.error?.currentVersion).to.equal(truth(h, prepared.id).version);
            }
            if (f.outcome === 'rate-limited') expect(outcome.error?.retryAfterMs).to.equal(10);

            // The centre's true state: applied exactly once, or not at all.
            expect(prepared.applied()).to.equal(f.applied);
            expect(truth(h, prepared.id).version).to.equal(
              before + (f.applied ? (prepared.versionStep ?? 1) : 0),
            );

            // Retries only where safe, always with the same key.
            const posts = h.requests(`/${SEGMENT[name]}`, 'POST');
            expect(posts.length, 'attempts').to.equal(f.attempts);
            expect(new Set(posts.map((p) => p.headers.get('Idempotency-Key')))).to.have.property(
              'size',
              1,
            );
            expect(posts[0]!.headers.get('Idempotency-Key')).to.equal(outcome.id);

            // Reconciled: nothing pending, the optimistic change rolled back or confirmed.
            expect(h.service.state.pending.size).to.equal(0);
            await inSync(h);
            expect(h.service.getConversation(prepared.id)?.version).to.equal(
              truth(h, prepared.id).version,
            );
            if (f.problem) {
              expect(h.service.state.connection.problems.length).to.be.greaterThan(problemsBefore);
              expect(h.service.state.connection.problems.at(-1)).to.include(
                `Malformed answer to ${name}`,
              );
            }
          });
        }
      });
    }

    it('a Retry-After longer than maxRetryAfterMs is not waited for', async () => {
      h = await harness({ adapter: { maxRetryAfterMs: 100 } });
      const c = pick(h.simulator, canMonitor);
      h.faults.fail('monitor', 'rate-limited', { retryAfterMs: 5000 });
      const started = performance.now();
      const outcome = await h.service.monitor(c.id);
      expect(performance.now() - started).to.be.lessThan(1000);
      expect(outcome.error?.kind).to.equal('rate-limited');
      expect(outcome.error?.retryAfterMs).to.equal(5000);
      expect(h.requests('/monitor', 'POST')).to.have.length(1);
    });
  });

  describe('the change stream', () => {
    it('reconnects after a drop and resumes by Last-Event-ID: nothing lost, nothing twice', async () => {
      h = await harness();
      const position = h.backend.log.lastId;
      const changesBefore = h.adapter.count('changes');
      // The next two reconnects fail, so changes pile up while the client is away.
      h.faults.fail('events', 'unavailable', { times: 2 });
      h.faults.dropStreams();
      await until(() => h!.adapter.statuses.includes('reconnecting'), 'reconnecting');
      const me = h.simulator.supervisor.id;
      const monitored = h.simulator
        .conversations()
        .filter((c) => canMonitor(centreCtx(h!), c).allowed)
        .slice(0, 4);
      for (const [i, c] of monitored.entries()) {
        await h.simulator.monitor({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: `away-${i}`,
        });
      }
      const missed = h.backend.log.lastId - position;
      expect(missed).to.be.greaterThan(3);
      await until(() => h!.adapter.statuses.at(-1) === 'live', 'live again');
      await inSync(h);
      for (const c of monitored)
        expect(h.service.state.conversations.get(c.id)?.monitoredBy).to.include(me);
      // Resumed, not reloaded: one snapshot; the reconnect asked for exactly what it missed.
      expect(h.adapter.count('snapshot')).to.equal(1);
      const streams = h.requests('/events');
      expect(streams.at(-1)!.headers.get('Last-Event-ID')).to.equal(String(position));
      // Every missed event delivered exactly once.
      expect(h.adapter.count('changes') - changesBefore).to.equal(missed);
      const statuses = h.adapter.statuses;
      expect(statuses.slice(statuses.indexOf('reconnecting'))).to.deep.equal([
        'reconnecting',
        'reconnecting',
        'reconnecting',
        'live',
      ]);
    });

    it('resyncs with a fresh snapshot when the gap is older than the server keeps', async () => {
      h = await harness({ backend: { logSize: 3 } });
      h.faults.fail('events', 'network-error', { times: 1 });
      h.faults.dropStreams();
      const candidates = h.simulator
        .conversations()
        .filter((c) => canMonitor(centreCtx(h!), c).allowed)
        .slice(0, 5);
      for (const [i, c] of candidates.entries()) {
        await h.simulator.monitor({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: `gap-${i}`,
        });
      }
      await until(() => h!.adapter.count('snapshot') === 2, 'a second snapshot');
      await until(() => h!.adapter.statuses.at(-1) === 'live', 'live again');
      await inSync(h);
      expect(h.requests('/snapshot')).to.have.length(2);
      const streams = h.requests('/events');
      expect(streams.at(-1)!.headers.get('Last-Event-ID')).to.equal(String(h.backend.log.lastId));
    });

    it('resyncs when the centre itself restarted (its own stream dropped)', async () => {
      h = await harness();
      h.simulator.dropStream(20);
      const c = pick(h.simulator, canMonitor);
      await h.simulator.monitor({
        conversationId: c.id,
        expectedVersion: c.version,
        idempotencyKey: 'restart-1',
      });
      await until(() => h!.adapter.count('snapshot') === 2, 'a resync snapshot');
      await inSync(h);
    });

    it('drops duplicated events and copes with out-of-order ones', async () => {
      h = await harness({ backend: { reorderWindowMs: 200 } });
      const changesBefore = h.adapter.count('changes');
      const position = h.backend.log.lastId;
      h.faults.duplicateEvents(3).reorderEvents(2);
      const candidates = h.simulator
        .conversations()
        .filter((c) => canMonitor(centreCtx(h!), c).allowed)
        .slice(0, 6);
      for (const [i, c] of candidates.entries()) {
        await h.simulator.monitor({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: `dup-${i}`,
        });
      }
      await inSync(h);
      await pause(250);
      const sent = h.backend.log.lastId - position;
      expect(h.adapter.count('changes') - changesBefore, 'one delivery per event').to.equal(sent);
      expect(h.faults.stream).to.deep.equal({ duplicate: 0, reorder: 0, malformed: 0 });
      expect(h.service.state.connection.problems).to.deep.equal([]);
    });

    it('reports malformed events, skips them and keeps the earlier state', async () => {
      h = await harness();
      const size = h.service.state.conversations.size;
      h.faults.malformEvents(3);
      const candidates = h.simulator
        .conversations()
        .filter((c) => canMonitor(centreCtx(h!), c).allowed)
        .slice(0, 3);
      for (const [i, c] of candidates.entries()) {
        await h.simulator.monitor({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: `bad-${i}`,
        });
      }
      await inSync(h);
      const problems = h.service.state.connection.problems;
      expect(
        problems.some((p) => p.startsWith('Malformed change event') && p.includes('not JSON')),
      ).to.equal(true);
      expect(problems.some((p) => p.includes('no list of changes'))).to.equal(true);
      expect(problems.some((p) => p.includes('Malformed conversation "broken-1"'))).to.equal(true);
      expect(h.service.state.conversations.size).to.equal(size);
      expect(h.service.state.connection.status).to.equal('live');
    });

    it('reports a malformed snapshot on resync and keeps the last good state until a good one', async () => {
      h = await harness({ backend: { logSize: 1 } });
      const size = h.service.state.conversations.size;
      h.faults.fail('snapshot', 'malformed', { times: 2 });
      h.faults.fail('events', 'network-error', { times: 1 });
      h.faults.dropStreams();
      const candidates = h.simulator
        .conversations()
        .filter((c) => canMonitor(centreCtx(h!), c).allowed)
        .slice(0, 3);
      for (const [i, c] of candidates.entries()) {
        await h.simulator.monitor({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: `snap-${i}`,
        });
      }
      await until(
        () => h!.service.state.connection.problems.some((p) => p.startsWith('Malformed snapshot')),
        'the problem',
      );
      expect(h.service.state.conversations.size, 'earlier state kept').to.equal(size);
      await until(() => h!.adapter.count('snapshot') === 2, 'a good snapshot');
      await inSync(h);
      expect(h.requests('/snapshot')).to.have.length(4);
    });

    it('a first snapshot that fails is retried with backoff until it loads', async () => {
      h = await harness({
        connect: false,
        faults: (f) =>
          f
            .fail('snapshot', 'unavailable', { times: 2 })
            .fail('snapshot', 'malformed', { times: 1 }),
      });
      h.service.connect();
      await until(() => h!.service.state.connection.status === 'live', 'live');
      await inSync(h);
      expect(h.requests('/snapshot')).to.have.length(4);
      expect(h.adapter.statuses).to.deep.equal([
        'connecting',
        'reconnecting',
        'reconnecting',
        'reconnecting',
        'live',
      ]);
      expect(
        h.service.state.connection.problems.filter((p) => p.startsWith('Malformed snapshot')),
      ).to.have.length(1);
    });

    it('a silent stream (no heartbeat) is reconnected after idleTimeoutMs', async () => {
      h = await harness({ backend: { heartbeatMs: 40 }, adapter: { idleTimeoutMs: 400 } });
      await pause(600);
      expect(h.adapter.statuses, 'heartbeats keep it live').to.deep.equal(['connecting', 'live']);
      h.faults.stallStreams();
      await until(() => h!.adapter.statuses.length === 4, 'a reconnect');
      expect(h.adapter.statuses.slice(2)).to.deep.equal(['reconnecting', 'live']);
      const reconnecting = h.adapter.events.find(
        (e) => e.type === 'status' && e.status === 'reconnecting',
      );
      expect(reconnecting && 'message' in reconnecting ? reconnecting.message : '').to.include(
        'fell silent',
      );
    });

    it('says offline after offlineAfter failures, keeps trying, and comes back live', async () => {
      h = await harness({ adapter: { offlineAfter: 2 } });
      h.faults.fail('events', 'unavailable');
      h.faults.dropStreams();
      await until(() => h!.service.state.connection.status === 'offline', 'offline');
      expect(h.service.state.connection.message).to.include('Still trying');
      expect(h.service.state.conversations.size, 'state kept while offline').to.be.greaterThan(0);
      h.faults.reset();
      await until(() => h!.service.state.connection.status === 'live', 'live again');
      await inSync(h);
    });

    it('a server that asks for resync again and again is slowed down, not hammered', async () => {
      h = await harness({ adapter: { backoff: { initialMs: 20, maxMs: 200, jitter: false } } });
      const snapshots = h.requests('/snapshot').length;
      // Every stream connection is answered with resync.
      h.worker.use(
        http.get('/api/events', () => {
          const body = formatSseEvent({
            event: 'resync',
            data: '{"reason":"restarted","version":0}',
          });
          return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
        }),
      );
      h.faults.dropStreams();
      await pause(400);
      const reloads = h.requests('/snapshot').length - snapshots;
      expect(reloads).to.be.within(2, 7);
      expect(
        h.adapter.events.some((e) => e.type === 'status' && e.message?.includes('keeps asking')),
      ).to.equal(true);
      h.worker.resetHandlers(...h.backend.handlers);
      await until(() => h!.service.state.connection.status === 'live', 'live again');
      await inSync(h);
    });

    it('closing the connection stops all streams on the server', async () => {
      h = await harness();
      expect(h.backend.openStreams.events).to.equal(1);
      h.service.disconnect();
      await until(() => h!.backend.openStreams.events === 0, 'the server to see the stream close');
    });
  });

  describe('transcripts', () => {
    it('loads the transcript, then follows new messages live', async () => {
      h = await harness();
      const c = pick(h.simulator, canMonitor);
      const states: string[] = [];
      const sub = h.service
        .transcript$(c.id)
        .subscribe((t) => states.push(`${t.status}:${t.messages.length}`));
      await until(() => states.some((s) => s.startsWith('live')), 'the transcript live');
      const initial = h.simulator.transcriptMessages(c.id).length;
      expect(initial).to.be.greaterThan(0);
      await succeed(h, h.service.monitor(c.id));
      await succeed(h, h.service.join(c.id));
      await until(() => states.at(-1) === `live:${initial + 1}`, 'the join message');
      expect(h.simulator.transcriptMessages(c.id)).to.have.length(initial + 1);
      sub.unsubscribe();
      await until(() => h!.backend.openStreams.transcripts === 0, 'the transcript stream closed');
    });

    it('resumes a dropped transcript stream by Last-Event-ID without losing or repeating messages', async () => {
      h = await harness();
      const c = pick(h.simulator, canMonitor);
      let last: string[] = [];
      const sub = h.service
        .transcript$(c.id)
        .subscribe((t) => (last = t.messages.map((m) => m.id)));
      await until(
        () => last.length > 0 && h!.backend.openStreams.transcripts === 1,
        'the transcript',
      );
      h.faults.fail('transcript-events', 'unavailable', { times: 1 });
      h.faults.dropStreams();
      await succeed(h, h.service.monitor(c.id));
      await succeed(h, h.service.join(c.id));
      await succeed(h, h.service.leave(c.id));
      const expected = h.simulator.transcriptMessages(c.id).map((m) => m.id);
      await until(() => last.length === expected.length, 'the missed messages');
      expect(last).to.deep.equal(expected);
      const streams = h.requests('/transcript/events');
      expect(Number(streams.at(-1)!.headers.get('Last-Event-ID'))).to.equal(expected.length - 2);
      sub.unsubscribe();
    });

    it('an unknown conversation ends offline with the reason', async () => {
      h = await harness();
      const state = await firstValueFrom(
        h.service.transcript$('no-such-conversation').pipe(filter((t) => t.status === 'offline')),
      );
      expect(state.message).to.include('does not exist');
      expect(h.requests('/transcript')).to.have.length(1);
    });
  });
});

function centreCtx(h: Harness) {
  return {
    settings: h.simulator.settings,
    supervisorId: h.simulator.supervisor.id,
    representatives: new Map(h.simulator.representatives().map((r) => [r.id, r])),
  };
}
