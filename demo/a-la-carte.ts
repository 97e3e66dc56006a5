/**
 * À-la-carte use: the table, the board, the three dialogs and the monitor panel, each registered on
 * its own, laid out by the page and wired by hand. One service feeds them all through context.
 */
import { ContextProvider } from '@lit/context';
import { SimulatedCentre } from '../src/adapters/index.js';
import { supervisorServiceContext } from '../src/context/supervisor-context.js';
import { SupervisorService } from '../src/service/index.js';

const centre = new SimulatedCentre({ seed: 21, conversations: 40, changesPerSecond: 3 });
const service = new SupervisorService(centre).connect();

// One provider for every element inside #desk (and the dialogs beside it, below <main>).
const main = document.querySelector<HTMLElement>('#main')!;
new ContextProvider(main, { context: supervisorServiceContext, initialValue: service });

// Register the elements after the provider exists, so they find it when they connect.
await Promise.all([
  import('../src/components/assign-dialog/assign-dialog.define.js'),
  import('../src/components/force-close-dialog/force-close-dialog.define.js'),
  import('../src/components/monitor-panel/monitor-panel.define.js'),
  import('../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js'),
  import('../src/components/representatives-board/representatives-board.define.js'),
  import('../src/components/transfer-dialog/transfer-dialog.define.js'),
]);

const table = document.querySelector('ongoing-conversations-table')!;
const board = document.querySelector('representatives-board')!;
const panel = document.querySelector('monitor-panel')!;
const side = document.querySelector<HTMLElement>('#side')!;
const status = document.querySelector('#desk-status')!;
const dialogs = {
  assign: document.querySelector('assign-dialog')!,
  transfer: document.querySelector('transfer-dialog')!,
  forceClose: document.querySelector('force-close-dialog')!,
};

panel.notice = 'Customers are told at the start of every chat that it may be monitored.';

// Row actions open our dialogs or the panel (no console involved).
table.addEventListener('sc-action-request', (event) => {
  const { action, conversationId } = event.detail;
  if (action === 'monitor') {
    side.hidden = false;
    panel.conversationId = conversationId;
    return;
  }
  dialogs[action].show(conversationId);
});

panel.addEventListener('sc-monitor-close', () => {
  side.hidden = true;
});

board.addEventListener('sc-representative-select', (event) => {
  const id = event.detail.representativeId;
  const { representativeIds: _ignored, ...rest } = table.filter;
  void _ignored;
  table.filter = id ? { ...rest, representativeIds: [id] } : rest;
});

// The page's own messages, from the past-tense events.
const say = (text: string) => (status.textContent = text);
const nameOf = (id: string) => service.getConversation(id)?.customerName ?? 'the conversation';
main.addEventListener('sc-assigned', (e) => say(`Assigned ${nameOf(e.detail.conversationId)}.`));
main.addEventListener('sc-transferred', (e) =>
  say(`Transfer of ${nameOf(e.detail.conversationId)} sent; waiting for an answer.`),
);
main.addEventListener('sc-transfer-resolved', (e) =>
  say(`Transfer of ${nameOf(e.detail.conversationId)} ${e.detail.outcome}.`),
);
main.addEventListener('sc-force-closed', () => say('Conversation closed.'));
main.addEventListener('sc-command-failed', (e) => say(e.detail.message));

declare global {
  interface Window {
    centre: SimulatedCentre;
    service: SupervisorService;
  }
}
window.centre = centre;
window.service = service;
