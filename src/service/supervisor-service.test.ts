import { expect } from '@open-wc/testing';
import { VirtualTimeScheduler, firstValueFrom } from 'rxjs';
import { SupervisorService, type ConversationView } from './index.js';
import { FakeAdapter, smallSnapshot } from '../../test/fixtures/fake-adapter.js';
import { serviceOnFakeAdapter, settle } from '../../test/fixtures/service.js';
import { ALL_ON, SUPERVISOR_ID, conversation, representative } from '../../test/fixtures/domain.js';
import { commandError, type Conversation } from '../domain/index.js';

const setup = serviceOnFakeAdapter;

function conv(service: SupervisorService, id: string): Conversation {
  const c = service.getConversation(id);
  if (!c) throw new Error(`no conversation ${id}`);
  return c;
}

describe('SupervisorService', () => {
  describe('store', () => {
    it('loads the snapshot and reports the connection live', () => {
      const { service } = setup();
      expect(service.state.conversations.size).to.equal(4);
      expect(service.state.representatives.size).to.equal(3);
      expect(service.state.supervisor?.id).to.equal(SUPERVISOR_ID);
      expect(service.state.connection.status).to.equal('live');
    });

    it('coalesces a burst of a thousand changes into one emission per frame', () => {
      const { scheduler, adapter, service } = setup();
      const seen: number[] = [];
      const sub = service.state$.subscribe((s) =>
        seen.push(s.conversations.get('active-chat')!.version),
      );
      expect(seen).to.deep.equal([1]); // the current state at subscription
      for (let v = 2; v <= 1001; v += 1) {
        adapter.emit({
          type: 'changes',
          changes: [
            { type: 'conversation', conversation: conversation({ id: 'active-chat', version: v }) },
          ],
        });
      }
      expect(seen, 'nothing before the frame').to.deep.equal([1]);
      scheduler.flush();
      expect(seen).to.deep.equal([1, 1001]);
      sub.unsubscribe();
    });

    it('applies the batches of a frame to the store once, yet a read in between sees them all', () => {
      const { scheduler, adapter, service } = setup();
      const sub = service.state$.subscribe();
      const before = service.state.conversations;
      const emitVersion = (version: number) =>
        adapter.emit({
          type: 'changes',
          changes: [
            { type: 'conversation', conversation: conversation({ id: 'active-chat', version }) },
          ],
        });
      for (let v = 2; v <= 50; v += 1) emitVersion(v);
      expect(
        (service as unknown as { store: { value: { conversations: unknown } } }).store.value
          .conversations,
        'not applied batch by batch',
      ).to.equal(before);
      expect(service.getConversation('active-chat')!.version, 'a read applies them').to.equal(50);
      emitVersion(51);
      scheduler.flush();
      expect(service.state.conversations.get('active-chat')!.version).to.equal(51);
      service.dispose();
      emitVersion(52);
      scheduler.flush();
      sub.unsubscribe();
    });

    it('ignores duplicate and out-of-order events by version', () => {
      const { adapter, service } = setup();
      const v3 = conversation({ id: 'active-chat', version: 3, sentiment: 'negative' });
      const v2 = conversation({ id: 'active-chat', version: 2, sentiment: 'positive' });
      adapter.emit({ type: 'changes', changes: [{ type: 'conversation', conversation: v3 }] });
      const held = service.state.conversations;
      adapter.emit({
        type: 'changes',
        changes: [
          { type: 'conversation', conversation: v3 },
          { type: 'conversation', conversation: v2 },
        ],
      });
      expect(conv(service, 'active-chat').sentiment).to.equal('negative');
      expect(service.state.conversations, 'nothing changed, nothing copied').to.equal(held);
      // Representatives too.
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'representative',
            representative: representative({ version: 5, presence: 'away' }),
          },
        ],
      });
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'representative',
            representative: representative({ version: 4, presence: 'busy' }),
          },
        ],
      });
      expect(service.state.representatives.get('rep-human')!.presence).to.equal('away');
    });

    it('skips malformed items, reports them, and keeps the earlier state', () => {
      const { adapter, service } = setup();
      const before = conv(service, 'active-chat');
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: { id: 'active-chat', version: 9 } as unknown as Conversation,
          },
          { type: 'conversation', conversation: null as unknown as Conversation },
          { type: 'bogus' } as never,
          { type: 'conversation', conversation: conversation({ id: 'new-one', version: 1 }) },
        ],
      });
      expect(conv(service, 'active-chat')).to.equal(before);
      expect(service.getConversation('new-one')).to.exist;
      expect(service.state.connection.problems).to.have.length(3);
      expect(service.state.connection.problems[0]).to.contain(
        'Malformed conversation "active-chat"',
      );
      adapter.emit({ type: 'changes', changes: 'nope' as never });
      expect(service.state.connection.problems.at(-1)).to.contain('not a list');
      expect(service.state.conversations.size).to.equal(5);
    });

    it('keeps a closed conversation briefly (leaving transition), then removes it for good', () => {
      const { scheduler, adapter, service } = setup();
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: conversation({ id: 'active-chat', version: 2, status: 'closed' }),
          },
        ],
      });
      const view = service.computeView(service.state, {});
      expect(view.rows.find((c) => c.id === 'active-chat')?.status).to.equal('closed');
      expect(view.total).to.equal(3);
      scheduler.flush();
      expect(service.getConversation('active-chat')).to.equal(undefined);
      // A late, older event cannot bring it back.
      adapter.emit({
        type: 'changes',
        changes: [
          { type: 'conversation', conversation: conversation({ id: 'active-chat', version: 1 }) },
        ],
      });
      expect(service.getConversation('active-chat')).to.equal(undefined);
    });

    it('replaces everything on a resync snapshot', () => {
      const { adapter, service } = setup();
      adapter.emit({
        type: 'snapshot',
        snapshot: smallSnapshot({ conversations: [conversation({ id: 'only' })] }),
      });
      expect([...service.state.conversations.keys()]).to.deep.equal(['only']);
    });

    it('counts as live once a snapshot arrived, even before the adapter says so', () => {
      const adapter = new FakeAdapter();
      const service = new SupervisorService(adapter, {
        frameScheduler: new VirtualTimeScheduler(),
      });
      service.connect();
      expect(service.state.connection.status).to.equal('connecting');
      adapter.emit({ type: 'snapshot', snapshot: smallSnapshot() });
      expect(service.state.connection.status).to.equal('live');
      service.dispose();
    });

    it('reports reconnecting and offline', () => {
      const { adapter, service } = setup();
      adapter.emit({ type: 'status', status: 'reconnecting', message: 'Stream dropped' });
      expect(service.state.connection).to.include({
        status: 'reconnecting',
        message: 'Stream dropped',
      });
      adapter.events.complete();
      expect(service.state.connection.status).to.equal('offline');
    });
  });

  describe('views', () => {
    it('filters and sorts with the domain query', async () => {
      const { scheduler, service } = setup();
      const views: ConversationView[] = [];
      const sub = service
        .view$({
          filter: { statuses: ['active', 'wrap-up'] },
          sort: { key: 'customer', direction: 'asc' },
        })
        .subscribe((v) => views.push(v));
      scheduler.flush();
      sub.unsubscribe();
      expect(views.at(-1)!.rows.map((c) => c.customerName)).to.deep.equal([
        'Alice Active',
        'Rita Record',
        'Victor Voice',
      ]);
      expect(views.at(-1)!.total).to.equal(4);
      await Promise.resolve();
    });

    it('keeps a live view equal to a fresh query as conversations change, arrive and leave', () => {
      const { scheduler, adapter, service } = setup();
      const queries = [
        {
          filter: { statuses: ['open', 'active', 'waiting'] as const },
          sort: { key: 'customer', direction: 'desc' } as const,
        },
        { filter: { text: 'e' }, sort: { key: 'customer', direction: 'asc' } as const },
      ];
      const views = queries.map(() => [] as ConversationView[]);
      const subs = queries.map((q, i) => service.view$(q).subscribe((v) => views[i]!.push(v)));
      const names = ['Zed', 'Amy', 'Émile', 'Bob'];
      const statuses = ['open', 'active', 'waiting', 'wrap-up', 'closed'] as const;
      for (let frame = 0; frame < 30; frame += 1) {
        const changes = [0, 1, 2].map((k) => {
          const id = `extra-${(frame * 7 + k * 3) % 11}`;
          const version = (service.state.conversations.get(id)?.version ?? 0) + 1;
          const status = statuses[(frame + k) % 5]!;
          return {
            type: 'conversation' as const,
            conversation: conversation({
              id,
              version,
              customerName: names[(frame + k) % 4]!,
              status,
              representativeId: status === 'open' ? null : 'rep-available',
            }),
          };
        });
        adapter.emit({ type: 'changes', changes });
        if (frame % 5 === 4) {
          const id = `extra-${frame % 11}`;
          const held = service.state.conversations.get(id);
          if (held) {
            adapter.emit({
              type: 'changes',
              changes: [{ type: 'conversation-removed', id, version: held.version + 1 }],
            });
          }
        }
        scheduler.flush();
        queries.forEach((query, i) => {
          const fresh = service.computeView(service.state, query);
          const live = views[i]!.at(-1)!;
          expect(
            live.rows.map((c) => c.id),
            `query ${i}, frame ${frame}`,
          ).to.deep.equal(fresh.rows.map((c) => c.id));
          expect(live.closed, `closed rows, query ${i}, frame ${frame}`).to.equal(fresh.closed);
        });
      }
      expect(
        views[1]!.some((v) => v.closed > 0),
        'closed rows were on their way out at some point',
      ).to.equal(true);
      subs.forEach((sub) => sub.unsubscribe());
    });
  });

  describe('commands', () => {
    it('refuses by the rules before calling the backend, with the typed reason', async () => {
      const { adapter, service, outcomes } = setup();
      const outcome = await service.transfer('voice-call', {
        type: 'representative',
        id: 'rep-other',
      });
      expect(outcome.status).to.equal('refused');
      expect(outcome.error?.reason).to.equal('channel');
      expect(adapter.received).to.have.length(0);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['refused']);
    });

    const switches = [
      ['monitor', (s: SupervisorService) => s.monitor('active-chat')],
      [
        'assign',
        (s: SupervisorService) => s.assign('open-chat', { type: 'queue', id: 'q-billing' }),
      ],
      [
        'transfer',
        (s: SupervisorService) =>
          s.transfer('active-chat', { type: 'representative', id: 'rep-other' }),
      ],
      ['forceClose', (s: SupervisorService) => s.forceClose('active-chat')],
    ] as const;
    for (const [key, call] of switches) {
      it(`refuses ${key} with its admin switch off, never calling the backend`, async () => {
        const { adapter, service } = setup(
          smallSnapshot({ settings: { ...ALL_ON, [key]: false } }),
        );
        const outcome = await call(service);
        expect(outcome.status).to.equal('refused');
        expect(outcome.error?.reason).to.equal('switch-off');
        expect(adapter.received).to.have.length(0);
        expect(service.isEnabled(key)).to.equal(false);
      });
    }

    it('refuses join and leave with the monitor switch off', async () => {
      const snapshot = smallSnapshot({
        settings: { ...ALL_ON, monitor: false },
        conversations: [
          conversation({ id: 'm', monitoredBy: [SUPERVISOR_ID], joinedBy: [SUPERVISOR_ID] }),
        ],
      });
      const { adapter, service } = setup(snapshot);
      expect((await service.join('m')).error?.reason).to.equal('switch-off');
      expect((await service.leave('m')).error?.reason).to.equal('switch-off');
      expect(adapter.received).to.have.length(0);
    });

    it('applies optimistically, then keeps the backend’s answer', async () => {
      const { adapter, service, outcomes } = setup();
      const done = service.assign('open-chat', { type: 'representative', id: 'rep-other' });
      await settle();
      expect(conv(service, 'open-chat')).to.include({
        representativeId: 'rep-other',
        status: 'active',
      });
      expect(
        service.state.conversations.get('open-chat')!.representativeId,
        'confirmed state untouched',
      ).to.equal(null);
      const sent = adapter.last();
      expect(sent.name).to.equal('assign');
      expect(sent.command).to.include({
        conversationId: 'open-chat',
        expectedVersion: 1,
        idempotencyKey: 'key-1',
      });
      const confirmed = conversation({
        id: 'open-chat',
        version: 2,
        representativeId: 'rep-other',
        status: 'active',
      });
      sent.answer({ ok: true, conversation: confirmed });
      const outcome = await done;
      expect(outcome.status).to.equal('succeeded');
      expect(conv(service, 'open-chat')).to.deep.equal(confirmed);
      expect(service.state.pending.size).to.equal(0);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['pending', 'succeeded']);
    });

    it('rolls back on failure and reports why (a role error carries the guidance)', async () => {
      const { adapter, service } = setup();
      const done = service.assign('open-chat', { type: 'queue', id: 'q-billing' });
      await settle();
      expect(conv(service, 'open-chat').queueId).to.equal('q-billing');
      adapter.last().answer({ ok: false, error: commandError('forbidden') });
      const outcome = await done;
      expect(outcome.status).to.equal('failed');
      expect(outcome.error?.message).to.contain('Omnichannel API access');
      expect(conv(service, 'open-chat').queueId, 'rolled back').to.equal('q-general');
    });

    it('reports a conflict from the backend and rolls back', async () => {
      const { adapter, service } = setup();
      const done = service.forceClose('active-chat');
      await settle();
      expect(conv(service, 'active-chat').status).to.equal('closed');
      const pendingView = service.computeView(service.state, {});
      expect(pendingView.closed, 'the optimistic close counts as leaving').to.equal(1);
      expect(pendingView.rows.find((c) => c.id === 'active-chat')?.status).to.equal('closed');
      adapter
        .last()
        .answer({ ok: false, error: commandError('conflict', undefined, { currentVersion: 4 }) });
      const outcome = await done;
      expect(outcome.error).to.include({ kind: 'conflict', currentVersion: 4 });
      expect(conv(service, 'active-chat').status).to.equal('active');
      expect(service.computeView(service.state, {}).closed, 'rolled back').to.equal(0);
    });

    it('turns a throwing or garbled adapter into an unavailable error, losing nothing', async () => {
      const { adapter, service } = setup();
      adapter.monitor = () => Promise.reject(new Error('socket closed'));
      const thrown = await service.monitor('active-chat');
      expect(thrown.error?.kind).to.equal('unavailable');
      expect(thrown.error?.message).to.contain('socket closed');
      adapter.monitor = () => Promise.resolve({ nonsense: true } as never);
      expect((await service.monitor('active-chat')).error?.kind).to.equal('unavailable');
      expect(conv(service, 'active-chat').monitoredBy).to.deep.equal([]);
    });

    it('assign with a capacity override sends the overrides', async () => {
      const snapshot = smallSnapshot({
        representatives: [
          representative({
            id: 'full',
            name: 'Fay Full',
            presence: 'away',
            capacity: { used: 9, total: 10 },
          }),
        ],
      });
      const { adapter, service } = setup(snapshot);
      const refused = await service.assign(
        'open-chat',
        { type: 'representative', id: 'full' },
        { presence: true },
      );
      expect(refused.error?.reason).to.equal('capacity');
      expect(refused.error?.message).to.contain('by 1 unit');
      adapter.autoAnswer = { ok: true };
      const ok = await service.assign(
        'open-chat',
        { type: 'representative', id: 'full' },
        { presence: true, capacity: true },
      );
      expect(ok.status).to.equal('succeeded');
      expect(adapter.received).to.have.length(0); // autoAnswer does not record
    });

    it('monitor, join, leave and unmonitor patch the supervisor in and out', async () => {
      const { adapter, service } = setup();
      adapter.autoAnswer = { ok: true };
      await service.monitor('active-chat');
      // Without a returned conversation the optimistic patch is dropped: the change stream confirms.
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: conversation({
              id: 'active-chat',
              version: 2,
              monitoredBy: [SUPERVISOR_ID],
            }),
          },
        ],
      });
      expect((await service.join('active-chat')).status).to.equal('succeeded');
      expect((await service.leave('active-chat')).error?.reason).to.equal('not-joined');
      expect((await service.unmonitor('active-chat')).status).to.equal('succeeded');
      expect((await service.monitor('record')).status).to.equal('succeeded');
      const own = await service.monitor('nope');
      expect(own.error?.kind).to.equal('not-found');
    });

    it('retries an unreachable command with the same key and expected version, and only that kind', async () => {
      const { adapter, service } = setup();
      const first = service.forceClose('active-chat');
      await settle();
      adapter.last().answer({ ok: false, error: commandError('unavailable') });
      const failed = await first;
      expect(service.canRetry(failed)).to.equal(true);
      const again = service.retry(failed);
      await settle();
      expect(adapter.received).to.have.length(2);
      expect(adapter.last().command).to.include({ idempotencyKey: failed.id, expectedVersion: 1 });
      expect(service.getConversation('active-chat')?.status, 'optimistic again').to.equal('closed');
      adapter.last().answer({ ok: true });
      expect((await again).status).to.equal('succeeded');
      expect(service.canRetry(failed), 'done: nothing left to retry').to.equal(false);

      const conflict = service.monitor('record');
      await settle();
      adapter.last().answer({ ok: false, error: commandError('conflict') });
      const refusedRetry = await service.retry(await conflict);
      expect(refusedRetry.status).to.equal('refused');
      expect(adapter.received, 'a conflict is not resent as it was').to.have.length(3);
    });

    it('follows a transfer: pending, then accepted', async () => {
      const { adapter, service, outcomes } = setup();
      const done = service.transfer('active-chat', { type: 'representative', id: 'rep-other' });
      await settle();
      expect(conv(service, 'active-chat').pendingTransfer?.toRepresentativeId).to.equal(
        'rep-other',
      );
      adapter.last().answer({ ok: true });
      await done;
      const tracked = await firstValueFrom(service.transfers$);
      expect(tracked.map((t) => t.outcome)).to.deep.equal(['pending']);
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: conversation({
              id: 'active-chat',
              version: 3,
              representativeId: 'rep-other',
              consultantIds: ['rep-human'],
            }),
          },
          {
            type: 'transfer-resolved',
            conversationId: 'active-chat',
            outcome: 'accepted',
            toRepresentativeId: 'rep-other',
            at: 0,
          },
        ],
      });
      expect(service.state.transfers.get('active-chat')?.outcome).to.equal('accepted');
      expect(conv(service, 'active-chat').consultantIds).to.deep.equal(['rep-human']);
      expect(outcomes.at(-1)).to.include({ command: 'transfer', status: 'accepted' });
    });

    it('follows a transfer: pending, then rejected (old representative stays primary)', async () => {
      const { adapter, service, outcomes } = setup();
      adapter.autoAnswer = { ok: true };
      await service.transfer('active-chat', { type: 'representative', id: 'rep-other' });
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'transfer-resolved',
            conversationId: 'active-chat',
            outcome: 'rejected',
            toRepresentativeId: 'rep-other',
            at: 0,
          },
        ],
      });
      expect(service.state.transfers.get('active-chat')?.outcome).to.equal('rejected');
      expect(conv(service, 'active-chat').representativeId).to.equal('rep-human');
      expect(outcomes.at(-1)).to.include({ status: 'rejected' });
    });

    it('a resync after missing the answer still resolves the transfer', async () => {
      const { adapter, service } = setup();
      adapter.autoAnswer = { ok: true };
      await service.transfer('active-chat', { type: 'representative', id: 'rep-other' });
      adapter.emit({
        type: 'snapshot',
        snapshot: smallSnapshot({
          conversations: [
            conversation({ id: 'active-chat', version: 5, representativeId: 'rep-other' }),
          ],
        }),
      });
      expect(service.state.transfers.get('active-chat')?.outcome).to.equal('accepted');
    });
  });

  describe('lifecycle', () => {
    it('shares one transcript stream per conversation and closes it with the last subscriber', () => {
      const { adapter, service } = setup();
      const a: number[] = [];
      const s1 = service.transcript$('active-chat').subscribe((t) => a.push(t.messages.length));
      const s2 = service.transcript$('active-chat').subscribe(() => undefined);
      const message = {
        id: 'm1',
        conversationId: 'active-chat',
        at: 1,
        author: 'customer',
        authorName: 'A',
        text: 'hi',
      } as const;
      adapter.transcripts.get('active-chat')!.next({ type: 'snapshot', messages: [message] });
      adapter.transcripts.get('active-chat')!.next({ type: 'message', message }); // duplicate
      expect(a).to.deep.equal([0, 1]);
      s1.unsubscribe();
      expect(adapter.transcripts.has('active-chat')).to.equal(true);
      s2.unsubscribe();
      expect(adapter.transcripts.has('active-chat')).to.equal(false);
    });

    it('disconnect and dispose close the adapter stream', () => {
      const { adapter, service, subs } = setup();
      expect(adapter.connections).to.equal(1);
      service.disconnect();
      expect(adapter.connections).to.equal(0);
      expect(service.state.connection.status).to.equal('offline');
      service.connect();
      expect(adapter.connections).to.equal(1);
      service.dispose();
      expect(adapter.connections).to.equal(0);
      subs.forEach((s) => s.unsubscribe());
    });
  });
});
