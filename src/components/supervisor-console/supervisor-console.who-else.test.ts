/**
 * <supervisor-console> and #11: the intervention log explains a stale action ("changed by NAME: here
 * is what changed"), and on the simulated centre, with other supervisors at work, the monitor panel
 * shows who else is here and the whisper composer, and the table names them.
 */
import '../../../test/setup.js';
import './supervisor-console.define.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { asyncScheduler } from 'rxjs';
import type { SupervisorConsole } from './supervisor-console.js';
import { SimulatedCentre } from '../../adapters/index.js';
import { canMonitor, canWhisper, commandError } from '../../domain/index.js';
import { ActionRequestEvent } from '../../events/action-request.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import type { MonitorPanel } from '../monitor-panel/monitor-panel.js';
import type { OngoingConversationsTable } from '../ongoing-conversations-table/ongoing-conversations-table.js';
import { SUPERVISOR_ID } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { connectedService, settle } from '../../../test/fixtures/element-harness.js';

const inner = <T extends Element>(el: SupervisorConsole, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

describe('<supervisor-console> who else is here, stale actions, whisper', () => {
  it('logs a stale action with who changed the conversation and what changed', async () => {
    const h = await connectedService(
      smallSnapshot({
        supervisors: [
          { id: SUPERVISOR_ID, name: 'Sam Supervisor' },
          { id: 'sup-priya', name: 'Priya Lead' },
        ],
      }),
    );
    const el = await fixture<SupervisorConsole>(
      html`<supervisor-console .service=${h.service}></supervisor-console>`,
    );
    await settle(50);
    void h.service.assign('open-chat', { type: 'representative', id: 'rep-human' });
    await settle();
    const c = h.service.state.conversations.get('open-chat')!;
    h.adapter.last().answer({
      ok: false,
      error: commandError('conflict', undefined, {
        current: {
          ...c,
          version: c.version + 1,
          queueId: 'q-billing',
          lastChange: { by: { type: 'supervisor', id: 'sup-priya' }, action: 'transfer', at: 1 },
        },
      }),
    });
    await settle();
    const log = inner(el, '[part="log"] li').textContent!.replace(/\s+/g, ' ');
    expect(log).to.include(
      'Assign to Hana Human: not applied. Priya Lead changed this conversation since you looked. Moved to Billing.',
    );
    await expect(el).to.be.accessible();
  });

  it('on the simulator: the panel shows who else is here and whispers; the table names others', async () => {
    const centre = new SimulatedCentre({
      seed: 7,
      conversations: 8,
      // Any lifecycle rate above 0: a centre at rate 0 is frozen, its other supervisors too.
      changesPerSecond: 0.2,
      commandLatencyMs: 5,
      transcriptIntervalMs: 10_000,
      otherSupervisors: 3,
      supervisorActionsPerSecond: 25,
    });
    const service = new SupervisorService(centre, { frameScheduler: asyncScheduler });
    const el = await fixture<SupervisorConsole>(
      html`<supervisor-console .service=${service}></supervisor-console>`,
    );
    await waitUntil(() => service.state.conversations.size > 0, 'snapshot');
    const ctx = service.ruleContext;
    const target = [...service.state.conversations.values()].find(
      (c) =>
        canMonitor(ctx, c).allowed &&
        canWhisper(ctx, { ...c, monitoredBy: [ctx.supervisorId] }).allowed,
    )!;
    table(el).shadowRoot!.firstElementChild!.dispatchEvent(
      new ActionRequestEvent({
        action: 'monitor',
        conversationId: target.id,
        conversation: target,
      }),
    );
    await waitUntil(() => el.shadowRoot!.querySelector('monitor-panel'), 'panel opened');
    const panel = inner<MonitorPanel>(el, 'monitor-panel');
    const $ = (s: string) => panel.shadowRoot!.querySelector(s);
    await waitUntil(() => $('#whisper-text'), 'whisper composer', { timeout: 4000 });
    expect($('.who-else')).to.exist;

    ($('#whisper-text') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Ask for the order number.' });
    const sent = oneEvent(el, 'sc-whisper-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    await waitUntil(() => $('.message.whisper'), 'the whisper in the transcript');
    // Other supervisors act on their own: the table names them (by name, not id).
    const names = new Set(
      [...service.state.supervisors.values()]
        .filter((s) => s.id !== SUPERVISOR_ID)
        .map((s) => s.name),
    );
    const cells = () =>
      [...table(el).shadowRoot!.querySelectorAll('.c-monitoring .visually-hidden')].map(
        (n) => n.textContent!,
      );
    await waitUntil(() => cells().some((t) => [...names].some((n) => t.includes(n))), 'named', {
      timeout: 5000,
    });

    await expect(el).to.be.accessible();
    el.remove();
    service.dispose();
    centre.dispose();
  });
});

function table(el: SupervisorConsole): OngoingConversationsTable {
  return inner<OngoingConversationsTable>(el, 'ongoing-conversations-table');
}
