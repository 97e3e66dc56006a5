/**
 * A page with only `<ongoing-conversations-table>` on a simulated contact centre, for looking at the
 * table at scale and for screenshots. Query parameters: `n` (conversations, default 10,000), `cps`
 * (changes per second, default 20), `seed`, `theme` (`light` | `dark`), `off` (comma-separated admin
 * switches to turn off, e.g. `off=transfer,forceClose`).
 */
import { SimulatedCentre } from '../src/adapters/index.js';
import '../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import { SupervisorService } from '../src/service/index.js';

const params = new URLSearchParams(location.search);
const number = (name: string, fallback: number) => {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const off = new Set((params.get('off') ?? '').split(',').filter(Boolean));

const centre = new SimulatedCentre({
  seed: number('seed', 7),
  conversations: number('n', 10_000),
  changesPerSecond: number('cps', 20),
  settings: {
    monitor: !off.has('monitor'),
    assign: !off.has('assign'),
    transfer: !off.has('transfer'),
    forceClose: !off.has('forceClose'),
  },
});
const service = new SupervisorService(centre);
service.connect();

const table = document.querySelector('ongoing-conversations-table')!;
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') table.theme = theme;
table.service = service;

const status = document.querySelector('#last-action')!;
table.addEventListener('sc-action-request', (event) => {
  const { action, conversation } = event.detail;
  status.textContent = `Requested: ${action} on ${conversation.customerName} (the console opens the dialog).`;
});

declare global {
  interface Window {
    centre: SimulatedCentre;
    service: SupervisorService;
  }
}
window.centre = centre;
window.service = service;
