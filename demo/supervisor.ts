/**
 * The Supervisor page: `<supervisor-console>` on its built-in simulated contact centre, with demo
 * controls for the centre's size, event rate, faults and admin switches. The URL keeps the size,
 * rate and theme (`?n=60&cps=5&theme=dark`), so a reload or a shared link shows the same centre.
 */
import '../src/components/supervisor-console/supervisor-console.define.js';
import type { SimulatorOptions, FaultsPatch } from '../src/adapters/index.js';
import type { CommandErrorKind, SupervisorSettings } from '../src/domain/index.js';

const consoleEl = document.querySelector('supervisor-console')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T;

const params = new URLSearchParams(location.search);
const fromUrl = (name: string, fallback: string, allowed: readonly string[]) => {
  const value = params.get(name);
  return value !== null && allowed.includes(value) ? value : fallback;
};
const sizes = [...field<HTMLSelectElement>('size').options].map((o) => o.value);
const rates = [...field<HTMLSelectElement>('rate').options].map((o) => o.value);
field<HTMLSelectElement>('size').value = fromUrl('n', '60', sizes);
field<HTMLSelectElement>('rate').value = fromUrl('cps', '5', rates);
field<HTMLSelectElement>('theme').value = fromUrl('theme', '', ['', 'light', 'dark']);
if (params.has('controls')) document.querySelector('details')!.open = true;

const SWITCHES = ['monitor', 'assign', 'transfer', 'forceClose'] as const;

function settings(): SupervisorSettings {
  const s = {} as Record<(typeof SWITCHES)[number], boolean>;
  for (const name of SWITCHES) s[name] = field<HTMLInputElement>(name).checked;
  return s;
}

function faults(): FaultsPatch {
  const [kind, command] = field<HTMLSelectElement>('commandError').value.split(':');
  const noisy = field<HTMLInputElement>('noisy').checked;
  return {
    latencyMs: Number(field<HTMLSelectElement>('latency').value),
    commandError: kind
      ? {
          kind: kind as CommandErrorKind,
          ...(command ? { commands: [command as 'assign'] } : {}),
        }
      : null,
    duplicateEvents: noisy ? 0.05 : 0,
    reorderEvents: noisy ? 0.05 : 0,
    malformedEvents: noisy ? 0.01 : 0,
  };
}

function options(): SimulatorOptions {
  return {
    seed: 7,
    conversations: Number(field<HTMLSelectElement>('size').value),
    changesPerSecond: Number(field<HTMLSelectElement>('rate').value),
    settings: settings(),
    faults: faults() as SimulatorOptions['faults'],
  };
}

function applyTheme(): void {
  const theme = field<HTMLSelectElement>('theme').value;
  consoleEl.theme = theme === 'light' || theme === 'dark' ? theme : undefined;
  document.documentElement.style.colorScheme = theme || 'light dark';
}

function remember(): void {
  const url = new URL(location.href);
  url.searchParams.set('n', field<HTMLSelectElement>('size').value);
  url.searchParams.set('cps', field<HTMLSelectElement>('rate').value);
  const theme = field<HTMLSelectElement>('theme').value;
  if (theme) url.searchParams.set('theme', theme);
  else url.searchParams.delete('theme');
  history.replaceState(null, '', url);
}

consoleEl.simulatorOptions = options();
applyTheme();

form.addEventListener('change', (event) => {
  const name = (event.target as HTMLInputElement).name;
  const centre = consoleEl.simulator;
  switch (name) {
    case 'size':
      // A new centre of that size (the console rebuilds its simulator).
      consoleEl.simulatorOptions = options();
      break;
    case 'rate':
      centre?.setRate(Number(field<HTMLSelectElement>('rate').value));
      break;
    case 'theme':
      applyTheme();
      break;
    case 'commandError':
    case 'latency':
    case 'noisy':
      centre?.setFaults(faults());
      break;
    default:
      if ((SWITCHES as readonly string[]).includes(name)) centre?.setSettings(settings());
  }
  remember();
});
form.addEventListener('submit', (e) => e.preventDefault());
document.querySelector('#drop')!.addEventListener('click', () => consoleEl.simulator?.dropStream());

// What a host page sees: every public event bubbles out of the console (composed).
const hostEvents = document.querySelector('#host-events')!;
const EVENTS = [
  'sc-action-request',
  'sc-assign-request',
  'sc-assigned',
  'sc-transfer-request',
  'sc-transferred',
  'sc-transfer-resolved',
  'sc-force-close-request',
  'sc-force-closed',
  'sc-join-request',
  'sc-joined',
  'sc-leave-request',
  'sc-left',
  'sc-monitor-close',
  'sc-command-failed',
  'sc-representative-select',
] as const;
for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const detail: { conversationId?: string; representativeId?: string | null } = event.detail;
    const item = document.createElement('li');
    const time = new Date().toLocaleTimeString();
    const about = detail.conversationId ?? detail.representativeId ?? '';
    item.textContent = `${time} ${type}${about ? ` · ${String(about)}` : ''}`;
    hostEvents.prepend(item);
    while (hostEvents.children.length > 12) hostEvents.lastElementChild?.remove();
  });
}

declare global {
  interface Window {
    supervisorConsole: typeof consoleEl;
  }
}
window.supervisorConsole = consoleEl;
