/**
 * Enforced permissions: every action with its admin switch off is refused by the service and by the
 * simulator when called directly (even when everything else would allow it); a conversation assigned to
 * the supervisor themself cannot be monitored (service, simulator, and the table's Monitor action
 * disabled with the reason); and the UI never offers, nor opens, what the rules refuse.
 */
import '../setup.js';
import '../../src/components/supervisor-console/supervisor-console.define.js';
import '../../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import '../../src/components/monitor-panel/monitor-panel.define.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { CommandResult } from '../../src/adapters/backend-adapter.js';
import { SimulatedCentre } from '../../src/adapters/simulator/index.js';
import type { AssignDialog } from '../../src/components/assign-dialog/assign-dialog.js';
import type { MonitorPanel } from '../../src/components/monitor-panel/monitor-panel.js';
import type { ForceCloseDialog } from '../../src/components/force-close-dialog/force-close-dialog.js';
import type { OngoingConversationsTable } from '../../src/components/ongoing-conversations-table/ongoing-conversations-table.js';
import type { SupervisorConsole } from '../../src/components/supervisor-console/supervisor-console.js';
import type { TransferDialog } from '../../src/components/transfer-dialog/transfer-dialog.js';
import {
  canAssign,
  canForceClose,
  canMonitor,
  canTransfer,
  type Conversation,
  type SupervisorAction,
  type SupervisorSettings,
} from '../../src/domain/index.js';
import { ActionRequestEvent, type ConversationAction } from '../../src/events/action-request.js';
import { SupervisorService, type CommandOutcome } from '../../src/service/index.js';
import { openMenu, rowOf, settled } from '../fixtures/conversations-table.js';
import { ALL_ON, SUPERVISOR_ID, conversation } from '../fixtures/domain.js';
import { connectedService, settle } from '../fixtures/element-harness.js';
import { smallSnapshot } from '../fixtures/fake-adapter.js';
import { assignTarget, pick, transferTarget } from '../fixtures/rest.js';
import { VirtualClock } from '../fixtures/simulator.js';
import { reportCases } from './corpus.js';

function world() {
  const clock = new VirtualClock();
  const sim = new SimulatedCentre({
    changesPerSecond: 0,
    commandLatencyMs: 100,
    transferAnswerDelayMs: 600_000,
    conversations: 60,
    seed: 11,
    supervisorTakesConversations: true,
    scheduler: clock.scheduler,
  });
  let n = 0;
  const service = new SupervisorService(sim, {
    frameScheduler: clock.scheduler,
    createKey: () => `perm-key-${++n}`,
  });
  service.connect();
  clock.advance(100);
  return { clock, sim, service, me: sim.supervisor.id };
}
type World = ReturnType<typeof world>;

async function run(w: World, ms = 400): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    for (let i = 0; i < 3; i += 1) await Promise.resolve();
    w.clock.advance(100);
  }
  for (let i = 0; i < 3; i += 1) await Promise.resolve();
}

async function ok(w: World, p: Promise<CommandOutcome>): Promise<void> {
  await run(w);
  const o = await p;
  if (o.status !== 'succeeded') throw new Error(`setup ${o.command}: ${o.error?.message}`);
}

const SWITCH: Record<SupervisorAction, keyof SupervisorSettings> = {
  monitor: 'monitor',
  join: 'monitor',
  leave: 'monitor',
  assign: 'assign',
  transfer: 'transfer',
  forceClose: 'forceClose',
};

/** A conversation on which the action would be allowed with its switch on, and how to ask for it. */
interface Ready {
  readonly c: Conversation;
  viaService(): Promise<CommandOutcome>;
  direct(key: string): Promise<CommandResult>;
}

const PREPARE: Record<SupervisorAction, (w: World) => Promise<Ready>> = {
  async monitor(w) {
    const c = pick(w.sim, canMonitor);
    return {
      c,
      viaService: () => w.service.monitor(c.id),
      direct: (key) => w.sim.monitor(cmd(w, c.id, key)),
    };
  },
  async join(w) {
    const c = pick(w.sim, canMonitor);
    await ok(w, w.service.monitor(c.id));
    return {
      c,
      viaService: () => w.service.join(c.id),
      direct: (key) => w.sim.join(cmd(w, c.id, key)),
    };
  },
  async leave(w) {
    const c = pick(w.sim, canMonitor);
    await ok(w, w.service.monitor(c.id));
    await ok(w, w.service.join(c.id));
    return {
      c,
      viaService: () => w.service.leave(c.id),
      direct: (key) => w.sim.leave(cmd(w, c.id, key)),
    };
  },
  async assign(w) {
    const c = pick(w.sim, canAssign, (x) => assignTarget(w.sim, x) !== undefined);
    const target = { type: 'representative', id: assignTarget(w.sim, c)!.id } as const;
    return {
      c,
      viaService: () => w.service.assign(c.id, target, { presence: true, capacity: true }),
      direct: (key) =>
        w.sim.assign({
          ...cmd(w, c.id, key),
          target,
          overridePresence: true,
          overrideCapacity: true,
        }),
    };
  },
  async transfer(w) {
    const c = pick(w.sim, canTransfer, (x) => transferTarget(w.sim, x) !== undefined);
    const target = { type: 'representative', id: transferTarget(w.sim, c)!.id } as const;
    return {
      c,
      viaService: () => w.service.transfer(c.id, target),
      direct: (key) => w.sim.transfer({ ...cmd(w, c.id, key), target }),
    };
  },
  async forceClose(w) {
    const c = pick(w.sim, canForceClose);
    return {
      c,
      viaService: () => w.service.forceClose(c.id),
      direct: (key) => w.sim.forceClose(cmd(w, c.id, key)),
    };
  },
};

function cmd(w: World, id: string, key: string) {
  return {
    conversationId: id,
    expectedVersion: w.sim.getConversation(id)!.version,
    idempotencyKey: key,
  };
}

const ACTIONS = Object.keys(PREPARE) as SupervisorAction[];

describe('reliability: permissions', () => {
  reportCases('permissions');

  describe('an action with its switch off is refused', () => {
    for (const action of ACTIONS) {
      for (const layer of ['service', 'simulator (called directly)'] as const) {
        it(`${action} with "${SWITCH[action]}" off: refused by the ${layer}, nothing applied`, async () => {
          const w = world();
          const ready = await PREPARE[action](w);
          w.sim.setSettings({ [SWITCH[action]]: false });
          await run(w, 100);
          expect(w.service.state.settings[SWITCH[action]], 'the service heard').to.equal(false);
          const before = w.sim.getConversation(ready.c.id)!;
          if (layer === 'service') {
            const outcome = await ready.viaService();
            expect(outcome.status).to.equal('refused');
            expect(outcome.error?.reason).to.equal('switch-off');
            expect(outcome.error?.message).to.include('administrator has turned off');
            expect(w.service.state.pending.size, 'nothing sent').to.equal(0);
          } else {
            const answer = ready.direct(`direct-${action}`);
            await run(w);
            const result = await answer;
            expect(result.ok).to.equal(false);
            expect(!result.ok && result.error.reason).to.equal('switch-off');
            expect(!result.ok && result.error.kind).to.equal('invalid');
          }
          await run(w);
          expect(w.sim.getConversation(ready.c.id), 'the truth is unchanged').to.deep.equal(before);
          w.service.dispose();
          w.sim.dispose();
        });
      }
    }
  });

  describe("the supervisor's own conversation cannot be monitored", () => {
    it('the service refuses it with the reason', async () => {
      const w = world();
      const own = pick(
        w.sim,
        () => ({ allowed: true }),
        (c) => c.representativeId === w.me && c.status === 'active',
      );
      const outcome = await w.service.monitor(own.id);
      expect(outcome.status).to.equal('refused');
      expect(outcome.error?.reason).to.equal('own-conversation');
      expect(outcome.error?.message).to.equal('You cannot monitor a conversation assigned to you.');
      w.service.dispose();
      w.sim.dispose();
    });

    it('the simulator refuses it when called directly', async () => {
      const w = world();
      const own = [...w.sim.conversations()].find((c) => c.representativeId === w.me)!;
      expect(own, 'the supervisor holds a conversation').to.exist;
      const answer = w.sim.monitor(cmd(w, own.id, 'own-direct'));
      await run(w);
      const result = await answer;
      expect(result.ok).to.equal(false);
      expect(!result.ok && result.error.reason).to.match(/own-conversation|status/);
      expect(w.sim.getConversation(own.id)!.monitoredBy).to.not.include(w.me);
      w.service.dispose();
      w.sim.dispose();
    });

    it("the table's Monitor action is disabled with the reason", async () => {
      const h = await connectedService(
        smallSnapshot({
          conversations: [
            conversation({
              id: 'mine',
              customerName: 'Mina Mine',
              representativeId: SUPERVISOR_ID,
            }),
          ],
        }),
      );
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table .service=${h.service}></ongoing-conversations-table>`,
      );
      await settled(el);
      const menu = await openMenu(el, rowOf(el, 'Mina Mine'));
      const monitor = menu.find((m) => m.label === 'Monitor');
      expect(monitor?.disabled).to.equal(true);
      expect(monitor?.description).to.equal('You cannot monitor a conversation assigned to you.');
      h.service.dispose();
    });
  });

  describe('the UI never offers or opens what the rules refuse', () => {
    it('the monitor panel stops offering Join when the monitor switch goes off while it is open', async () => {
      const h = await connectedService();
      const panel = await fixture<MonitorPanel>(
        html`<monitor-panel .service=${h.service} conversation-id="active-chat"></monitor-panel>`,
      );
      await settle();
      const sent = h.adapter.last();
      expect(sent.name).to.equal('monitor');
      const c = h.service.state.conversations.get('active-chat')!;
      sent.answer({
        ok: true,
        conversation: { ...c, version: c.version + 1, monitoredBy: [SUPERVISOR_ID] },
      });
      await settle(40);
      const join = () =>
        [...panel.shadowRoot!.querySelectorAll('button')].find(
          (b) => b.textContent!.trim() === 'Join',
        );
      expect(join() !== undefined, 'Join offered while the switch is on').to.equal(true);
      h.adapter.emit({
        type: 'changes',
        changes: [{ type: 'settings', settings: { ...ALL_ON, monitor: false } }],
      });
      await settle(40);
      // Booleans, not elements: a failure report must not have to serialize a DOM node.
      expect(join() !== undefined, 'Join offered with the switch off').to.equal(false);
      expect(h.adapter.received.map((r) => r.name)).to.deep.equal(['monitor']);
      await expect(panel).to.be.accessible();
      h.service.dispose();
    });

    const LABEL: Record<ConversationAction, string> = {
      monitor: 'Monitor',
      assign: 'Assign',
      transfer: 'Transfer',
      forceClose: 'Force close',
    };
    const TARGET: Record<ConversationAction, string> = {
      monitor: 'active-chat',
      assign: 'open-chat',
      transfer: 'active-chat',
      forceClose: 'voice-call',
    };
    for (const action of Object.keys(LABEL) as ConversationAction[]) {
      it(`with "${action}" off: the table does not offer ${LABEL[action]} and the console opens nothing when asked`, async () => {
        const h = await connectedService(
          smallSnapshot({ settings: { ...ALL_ON, [action]: false } }),
        );
        const el = await fixture<SupervisorConsole>(
          html`<supervisor-console .service=${h.service}></supervisor-console>`,
        );
        await settle(50);
        const table = el.shadowRoot!.querySelector<OngoingConversationsTable>(
          'ongoing-conversations-table',
        )!;
        await settled(table);
        const c = h.service.getConversation(TARGET[action])!;
        const menu = await openMenu(table, rowOf(table, c.customerName));
        expect(menu.map((m) => m.label)).to.not.include(LABEL[action]);

        // A request anyway (a stale menu, a host's own button): nothing opens.
        table.shadowRoot!.firstElementChild!.dispatchEvent(
          new ActionRequestEvent({ action, conversationId: c.id, conversation: c }),
        );
        el.open(action, c.id);
        await settle(50);
        const root = el.shadowRoot!;
        const dialogs = [
          root.querySelector<AssignDialog>('assign-dialog'),
          root.querySelector<TransferDialog>('transfer-dialog'),
          root.querySelector<ForceCloseDialog>('force-close-dialog'),
        ];
        expect(
          dialogs.map((d) => d?.open ?? false),
          'dialogs open',
        ).to.deep.equal([false, false, false]);
        expect(root.querySelector('monitor-panel') !== null, 'monitor panel open').to.equal(false);
        expect(h.adapter.received, 'commands sent').to.deep.equal([]);
        await expect(el).to.be.accessible();
        h.service.dispose();
      });
    }
  });
});
