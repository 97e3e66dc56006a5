import { expect } from '@open-wc/testing';
import { runBulkPlan, type BulkRowResult } from './index.js';
import { smallSnapshot, type FakeAdapter } from '../../test/fixtures/fake-adapter.js';
import { serviceOnFakeAdapter, settle } from '../../test/fixtures/service.js';
import { conversation } from '../../test/fixtures/domain.js';
import { commandError, planBulk, type BulkContext, type Conversation } from '../domain/index.js';

/** Six Active chats (`chat-1` … `chat-6`), three Open chats, a call, a record, on a fake adapter. */
function setup() {
  const chats = Array.from({ length: 6 }, (_, i) =>
    conversation({ id: `chat-${i + 1}`, customerName: `Chat ${i + 1}` }),
  );
  const opens = Array.from({ length: 3 }, (_, i) =>
    conversation({
      id: `open-${i + 1}`,
      customerName: `Open ${i + 1}`,
      status: 'open',
      representativeId: null,
      acceptedAt: null,
    }),
  );
  return serviceOnFakeAdapter(
    smallSnapshot({
      conversations: [
        ...chats,
        ...opens,
        conversation({ id: 'voice-call', channel: 'voice', mode: 'voice' }),
        conversation({ id: 'record', channel: 'record', status: 'wrap-up' }),
      ],
    }),
  );
}

const sentIds = (adapter: FakeAdapter) => adapter.received.map((r) => r.command.conversationId);

describe('bulk interventions on the service', () => {
  it('never sends more than 4 at once, never sends refused rows, and reports every row in order', async () => {
    const { adapter, service } = setup();
    const ids = ['record', 'chat-1', 'chat-2', 'gone', 'chat-3', 'chat-4', 'chat-5', 'chat-6'];
    const done: string[] = [];
    const running = service.bulkForceClose(ids, {
      onRow: (r: BulkRowResult) => done.push(`${r.conversationId}:${r.status}`),
    });
    await settle();
    expect(sentIds(adapter), 'four in flight').to.deep.equal([
      'chat-1',
      'chat-2',
      'chat-3',
      'chat-4',
    ]);
    expect(done, 'refused rows end at once').to.deep.equal(['record:refused', 'gone:refused']);
    // Optimistic: the rows in flight already show as closed.
    expect(service.getConversation('chat-1')?.status).to.equal('closed');

    adapter.received[1]!.answer({ ok: true });
    await settle();
    expect(sentIds(adapter), 'a slot freed, the next one goes').to.have.length(5);
    expect(adapter.received[4]!.command.conversationId).to.equal('chat-5');

    adapter.received[0]!.answer({
      ok: false,
      error: commandError('conflict', undefined, { currentVersion: 3 }),
    });
    adapter.received[2]!.answer({ ok: false, error: commandError('unavailable') });
    await settle();
    expect(sentIds(adapter)).to.have.length(6);
    for (const r of adapter.received.slice(3)) r.answer({ ok: true });
    const result = await running;

    expect(adapter.received.every((r) => r.name === 'forceClose')).to.equal(true);
    expect(
      new Set(adapter.received.map((r) => r.command.idempotencyKey)).size,
      'one key each',
    ).to.equal(6);
    expect(
      result.rows.map((r) => [r.conversationId, r.status, r.sent, r.error?.kind]),
    ).to.deep.equal([
      ['record', 'refused', false, 'invalid'],
      ['chat-1', 'failed', true, 'conflict'],
      ['chat-2', 'succeeded', true, undefined],
      ['gone', 'refused', false, 'not-found'],
      ['chat-3', 'failed', true, 'unavailable'],
      ['chat-4', 'succeeded', true, undefined],
      ['chat-5', 'succeeded', true, undefined],
      ['chat-6', 'succeeded', true, undefined],
    ]);
    expect(result.rows[0]!.error?.reason).to.equal('channel');
    expect(result.rows[0]!.error?.message).to.equal(
      'Only voice and messaging conversations can be force-closed.',
    );
    expect([result.succeeded, result.failed, result.refused]).to.deep.equal([4, 2, 2]);
    expect(result.summary).to.equal('4 of 8 conversations were closed; 2 failed; 2 were refused.');
    expect(done).to.have.length(8);
    // The failed rows were rolled back; the unreachable one can be retried with its own key.
    expect(service.getConversation('chat-1')?.status).to.equal('active');
    expect(service.getConversation('chat-3')?.status).to.equal('active');
    expect(service.canRetry(result.rows[4]!.outcome!)).to.equal(true);
  });

  it('assigns to a queue through the single assign: the queue target, the outcomes', async () => {
    const { adapter, service, outcomes } = setup();
    const plan = service.planBulk({ kind: 'assign-queue', queueId: 'q-billing' }, [
      'open-1',
      'chat-1',
      'open-2',
    ]);
    expect(plan.rows.map((r) => r.verdict.allowed)).to.deep.equal([true, false, true]);
    const running = service.runBulk(plan);
    await settle();
    expect(
      adapter.received.map((r) => [r.name, r.command.conversationId, r.command.target]),
    ).to.deep.equal([
      ['assign', 'open-1', { type: 'queue', id: 'q-billing' }],
      ['assign', 'open-2', { type: 'queue', id: 'q-billing' }],
    ]);
    expect(service.getConversation('open-1')?.queueId, 'optimistic').to.equal('q-billing');
    adapter.received[0]!.answer({ ok: true });
    adapter.received[1]!.answer({ ok: false, error: commandError('forbidden') });
    const result = await running;
    expect(result.rows.map((r) => r.status)).to.deep.equal(['succeeded', 'refused', 'failed']);
    expect(result.rows[2]!.error?.message).to.include('Omnichannel API access');
    expect(service.getConversation('open-2')?.queueId, 'rolled back').to.equal('q-general');
    const final = outcomes.filter((o) => o.status === 'succeeded' || o.status === 'failed');
    expect(final.map((o) => o.conversationId)).to.deep.equal(['open-1', 'open-2']);
    expect(result.summary).to.equal(
      '1 of 3 conversations were assigned to the queue; 1 failed; 1 was refused.',
    );
  });

  it('a row allowed in the preview but refused by the time it runs is refused, not sent', async () => {
    const { adapter, service } = setup();
    const plan = service.planBulk({ kind: 'force-close' }, ['chat-1', 'chat-2']);
    // Meanwhile the admin turns Force Close off.
    adapter.emit({
      type: 'snapshot',
      snapshot: smallSnapshot({
        settings: { monitor: true, assign: true, transfer: true, forceClose: false },
        conversations: [conversation({ id: 'chat-1' }), conversation({ id: 'chat-2' })],
      }),
    });
    const result = await service.runBulk(plan);
    expect(adapter.received).to.have.length(0);
    expect(result.rows.map((r) => [r.status, r.sent, r.error?.reason])).to.deep.equal([
      ['refused', false, 'switch-off'],
      ['refused', false, 'switch-off'],
    ]);
  });

  it('a plan with nothing allowed sends nothing and resolves at once', async () => {
    const { adapter, service } = setup();
    const result = await service.bulkAssignToQueue(['chat-1', 'record'], 'q-billing');
    expect(adapter.received).to.have.length(0);
    expect(result.refused).to.equal(2);
  });
});

describe('runBulkPlan', () => {
  const byId = new Map<string, Conversation>(
    Array.from({ length: 10 }, (_, i) => [`c${i}`, conversation({ id: `c${i}` })]),
  );
  const ctx: BulkContext = {
    settings: { monitor: true, assign: true, transfer: true, forceClose: true },
    supervisorId: 'sup-1',
    representatives: new Map(),
    queues: new Map(),
    getConversation: (id) => byId.get(id),
  };
  const plan = planBulk({ kind: 'force-close' }, [...byId.keys()], ctx);

  for (const [concurrency, expected] of [
    [undefined, 4],
    [1, 1],
    [3, 3],
    [0, 1],
    [Number.NaN, 1],
    [50, 10],
  ] as const) {
    it(`concurrency ${String(concurrency)} → at most ${expected} at once`, async () => {
      let running = 0;
      let peak = 0;
      const result = await runBulkPlan(
        plan,
        async (row) => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 1));
          running -= 1;
          return {
            id: row.conversationId,
            command: 'forceClose',
            conversationId: row.conversationId,
            status: 'succeeded',
            at: 0,
          };
        },
        concurrency === undefined ? {} : { concurrency },
      );
      expect(peak).to.equal(expected);
      expect(result.succeeded).to.equal(10);
    });
  }

  it('a command that throws fails its row only; a progress callback that throws loses nothing', async () => {
    const result = await runBulkPlan(
      plan,
      (row) => {
        if (row.conversationId === 'c3') return Promise.reject(new Error('socket hang up'));
        return Promise.resolve({
          id: row.conversationId,
          command: 'forceClose' as const,
          conversationId: row.conversationId,
          status: 'succeeded' as const,
          at: 0,
        });
      },
      {
        onRow: () => {
          throw new Error('listener bug');
        },
      },
    );
    expect(result.rows).to.have.length(10);
    expect(result.rows[3]).to.deep.include({ status: 'failed', sent: true });
    expect(result.rows[3]!.error?.kind).to.equal('unavailable');
    expect(result.succeeded).to.equal(9);
  });
});
