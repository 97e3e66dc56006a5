/**
 * The service's part of issue #11: the centre's supervisors (names, who else is here), whisper, a
 * conflict explained as "changed by NAME: here is what changed", and silent monitoring end to end.
 */
import { expect } from '@open-wc/testing';
import { SupervisorService, describeConflict } from './index.js';
import type { CommandOutcome } from './outcomes.js';
import { smallSnapshot } from '../../test/fixtures/fake-adapter.js';
import { serviceOnFakeAdapter, settle } from '../../test/fixtures/service.js';
import { SUPERVISOR_ID, conversation } from '../../test/fixtures/domain.js';
import { simulator } from '../../test/fixtures/simulator.js';
import { canWhisper, commandError, type Supervisor } from '../domain/index.js';

const PRIYA: Supervisor = { id: 'sup-2', name: 'Priya Lead' };
const MARCUS: Supervisor = { id: 'sup-3', name: 'Marcus Floor' };

const setup = (snapshot = smallSnapshot({ supervisors: [PRIYA, MARCUS] })) =>
  serviceOnFakeAdapter(snapshot);

describe('SupervisorService: supervisors, whisper, conflicts (#11)', () => {
  describe('supervisors', () => {
    it('keeps the snapshot’s supervisors by id, always including the signed-in one', () => {
      const { service } = setup();
      expect([...service.state.supervisors.keys()].sort()).to.deep.equal(
        [SUPERVISOR_ID, 'sup-2', 'sup-3'].sort(),
      );
      expect(service.supervisorName('sup-2')).to.equal('Priya Lead');
      expect(service.supervisorName('sup-unknown'), 'unknown: the id').to.equal('sup-unknown');
      // A backend that does not send them: only the signed-in supervisor, and no problem reported.
      const plain = setup(smallSnapshot()).service;
      expect([...plain.state.supervisors.keys()]).to.deep.equal([SUPERVISOR_ID]);
      expect(plain.state.connection.problems).to.deep.equal([]);
    });

    it('follows supervisor changes; skips malformed ones; never forgets the signed-in one', () => {
      const { adapter, service } = setup();
      adapter.emit({
        type: 'changes',
        changes: [
          { type: 'supervisor', supervisor: { id: 'sup-4', name: 'Ines Quality' } },
          { type: 'supervisor', supervisor: { id: 'sup-2', name: 'Priya Lead-Smith' } },
          { type: 'supervisor-removed', id: 'sup-3' },
          { type: 'supervisor-removed', id: SUPERVISOR_ID },
          { type: 'supervisor', supervisor: { name: 'no id' } as unknown as Supervisor },
        ],
      });
      expect(service.supervisorName('sup-4')).to.equal('Ines Quality');
      expect(service.supervisorName('sup-2')).to.equal('Priya Lead-Smith');
      expect(service.state.supervisors.has('sup-3')).to.equal(false);
      expect(service.state.supervisors.has(SUPERVISOR_ID)).to.equal(true);
      expect(service.state.connection.problems.at(-1)).to.include('Malformed supervisor');
    });

    it('who else is here: the other supervisors on a conversation, named, without me', () => {
      const { adapter, service } = setup();
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: conversation({
              id: 'active-chat',
              version: 2,
              monitoredBy: [SUPERVISOR_ID, 'sup-2', 'sup-3'],
              joinedBy: ['sup-3'],
              lastChange: { by: { type: 'supervisor', id: 'sup-3' }, action: 'join', at: 9 },
            }),
          },
        ],
      });
      expect(
        service.whoElseIsHere('active-chat').map((p) => [p.supervisor.name, p.role]),
      ).to.deep.equal([
        ['Marcus Floor', 'joined'],
        ['Priya Lead', 'monitoring'],
      ]);
      expect(service.whoElseIsHere('nope')).to.deep.equal([]);
    });

    it('rejects a malformed lastChange like any malformed conversation field', () => {
      const { adapter, service } = setup();
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: {
              ...conversation({ id: 'active-chat', version: 5 }),
              lastChange: { by: 'sup-2', action: 3 },
            } as never,
          },
        ],
      });
      expect(service.getConversation('active-chat')?.version).to.equal(1);
      expect(service.state.connection.problems.at(-1)).to.include('lastChange');
    });
  });

  describe('whisper', () => {
    it('sends the trimmed text with the version acted on, once the rules allow it', async () => {
      const { adapter, service, outcomes } = setup(
        smallSnapshot({
          conversations: [conversation({ id: 'active-chat', monitoredBy: [SUPERVISOR_ID] })],
        }),
      );
      const done = service.whisper('active-chat', '  Offer the refund ');
      expect(adapter.last().name).to.equal('whisper');
      expect(adapter.last().command).to.deep.include({
        conversationId: 'active-chat',
        expectedVersion: 1,
        text: 'Offer the refund',
      });
      adapter.last().answer({ ok: true });
      expect((await done).status).to.equal('succeeded');
      expect(outcomes.map((o) => o.status)).to.deep.equal(['pending', 'succeeded']);
    });

    it('refuses without sending: not monitoring, blank, switch off', async () => {
      const { adapter, service } = setup();
      const notMonitoring = await service.whisper('active-chat', 'Hello');
      expect([notMonitoring.status, notMonitoring.error?.reason]).to.deep.equal([
        'refused',
        'not-monitoring',
      ]);
      const blank = await service.whisper('active-chat', '   ');
      expect(blank.error?.reason).to.equal('empty-message');
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'settings',
            settings: { monitor: false, assign: true, transfer: true, forceClose: true },
          },
        ],
      });
      const off = await service.whisper('active-chat', 'Hello');
      expect(off.error?.reason).to.equal('switch-off');
      expect(adapter.received).to.have.length(0);
    });
  });

  describe('a stale command: changed by NAME, here is what changed', () => {
    it('compares the version acted on with the conversation the backend sent back', async () => {
      const { adapter, service, outcomes } = setup();
      const pending = service.assign('open-chat', { type: 'queue', id: 'q-billing' });
      const current = conversation({
        id: 'open-chat',
        version: 4,
        status: 'active',
        representativeId: 'rep-other',
        acceptedAt: 5,
        monitoredBy: ['sup-2'],
        lastChange: { by: { type: 'supervisor', id: 'sup-2' }, action: 'assign', at: 5 },
      });
      adapter.last().answer({
        ok: false,
        error: commandError('conflict', undefined, { currentVersion: 4, current }),
      });
      const outcome: CommandOutcome = await pending;
      expect(outcome.status).to.equal('failed');
      expect(outcome.conflict?.changedBy).to.deep.equal({
        actor: { type: 'supervisor', id: 'sup-2' },
        name: 'Priya Lead',
      });
      expect(outcome.conflict?.actedOn.version).to.equal(1);
      expect(outcome.conflict?.current?.version).to.equal(4);
      expect(describeConflict(outcome.conflict!)).to.equal(
        'Priya Lead changed this conversation since you looked.',
      );
      expect(outcome.conflict?.changes.map((c) => c.text)).to.deep.equal([
        'Status: Open → Active.',
        'Assigned to Omar Other.',
        'Now monitored by Priya Lead.',
      ]);
      // The store shows the conversation as it is now; the command was not applied blindly.
      expect(service.getConversation('open-chat')?.version).to.equal(4);
      expect(service.getConversation('open-chat')?.queueId).to.equal('q-general');
      expect(outcomes.at(-1)).to.equal(outcome);
    });

    it('without a conversation in the answer, uses the newest the stream brought; names a representative', async () => {
      const { adapter, service } = setup();
      const pending = service.forceClose('active-chat');
      adapter.emit({
        type: 'changes',
        changes: [
          {
            type: 'conversation',
            conversation: conversation({
              id: 'active-chat',
              version: 3,
              status: 'waiting',
              lastChange: {
                by: { type: 'representative', id: 'rep-human' },
                action: 'pause',
                at: 2,
              },
            }),
          },
        ],
      });
      adapter
        .last()
        .answer({ ok: false, error: commandError('conflict', undefined, { currentVersion: 3 }) });
      const outcome = await pending;
      expect(outcome.conflict?.changedBy?.name).to.equal('Hana Human');
      expect(outcome.conflict?.changes.map((c) => c.field)).to.deep.equal(['status']);
    });

    it('unknown author: a headline without a name, and the changes from the store', async () => {
      const { adapter, service } = setup();
      const pending = service.monitor('active-chat');
      adapter.last().answer({ ok: false, error: commandError('conflict') });
      const outcome = await pending;
      expect(outcome.conflict?.changedBy).to.equal(null);
      expect(describeConflict(outcome.conflict!)).to.equal(
        'This conversation changed since you looked.',
      );
      expect(outcome.conflict?.changes).to.deep.equal([]);
    });

    it('an adapter without whisper (written before it existed) is answered invalid, not unreachable', async () => {
      const { adapter, service } = setup(
        smallSnapshot({
          conversations: [conversation({ id: 'active-chat', monitoredBy: [SUPERVISOR_ID] })],
        }),
      );
      (adapter as { whisper?: unknown }).whisper = undefined;
      const outcome = await service.whisper('active-chat', 'Hello');
      expect([outcome.status, outcome.error?.kind]).to.deep.equal(['failed', 'invalid']);
      expect(outcome.error?.message).to.include('does not support whispers');
    });

    it('other failures carry no conflict report', async () => {
      const { adapter, service } = setup();
      const pending = service.forceClose('active-chat');
      adapter.last().answer({ ok: false, error: commandError('unavailable') });
      await settle();
      expect((await pending).conflict).to.equal(undefined);
    });
  });

  describe('silent means silent, through the service on the simulated centre', () => {
    it('monitor alone adds no message anyone but representatives see; join does', async () => {
      // No live customer chatter while watching: every new message below is caused by the commands.
      const { sim, clock } = simulator({
        seed: 11,
        conversations: 40,
        transcriptIntervalMs: 3_600_000,
      });
      const service = new SupervisorService(sim, { frameScheduler: clock.scheduler });
      service.connect();
      clock.advance(200);
      const ctx = service.ruleContext;
      const c = [...service.state.conversations.values()].find(
        (x) =>
          x.status === 'active' &&
          x.representativeId !== ctx.supervisorId &&
          canWhisper(ctx, { ...x, monitoredBy: [ctx.supervisorId] }).allowed,
      )!;
      const seen: string[] = [];
      const sub = service.transcript$(c.id).subscribe((t) => {
        for (const m of t.messages) if (!seen.includes(m.id)) seen.push(m.id);
      });
      clock.advance(10);
      const historyLength = seen.length;
      const messagesSince = () =>
        sim
          .transcriptMessages(c.id)
          .slice(historyLength)
          .filter((m) => m.visibility !== 'representatives')
          .map((m) => m.text);

      const monitoring = service.monitor(c.id);
      clock.advance(1000);
      expect((await monitoring).status).to.equal('succeeded');
      expect(messagesSince(), 'monitor').to.deep.equal([]);
      expect(service.getConversation(c.id)?.lastChange ?? null).to.deep.equal(c.lastChange ?? null);

      const whispering = service.whisper(c.id, 'Psst');
      clock.advance(1000);
      expect((await whispering).status).to.equal('succeeded');
      expect(messagesSince(), 'whisper').to.deep.equal([]);

      const joining = service.join(c.id);
      clock.advance(1000);
      expect((await joining).status).to.equal('succeeded');
      expect(messagesSince(), 'join').to.deep.equal(['Sam Supervisor joined the conversation.']);
      sub.unsubscribe();
      service.dispose();
      sim.dispose();
    });
  });
});
