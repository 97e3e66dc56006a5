/**
 * The Supervisor page: `<supervisor-console>` on a simulated contact centre, with demo controls for
 * the centre's size, event rate, faults and admin switches, and the backend: the in-memory simulator
 * itself, or the REST + SSE adapter talking HTTP to the same simulator through MSW's service worker.
 * The URL keeps the size, rate, backend, theme, language and direction
 * (`?n=60&cps=5&backend=rest&theme=dark&lang=de&dir=rtl`), so a reload or a shared link shows the same
 * centre.
 */
import '../src/components/supervisor-console/supervisor-console.define.js';
import { RestAdapter } from '../src/adapters/index.js';
import type { SimulatedCentre, SimulatorOptions, FaultsPatch } from '../src/adapters/index.js';
import type { CommandErrorKind, SupervisorSettings } from '../src/domain/index.js';
import { startMockWorker, type MockWorker } from '../src/mocks/browser.js';
import { setSupervisorLocale } from '../src/i18n/index.js';

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
field<HTMLSelectElement>('backend').value = fromUrl('backend', 'memory', ['memory', 'rest']);
field<HTMLSelectElement>('lang').value = fromUrl('lang', 'en', ['en', 'de']);
field<HTMLSelectElement>('dir').value = fromUrl('dir', 'ltr', ['ltr', 'rtl']);
if (params.has('controls')) document.querySelector('details')!.open = true;

/**
 * The simulator's seed (`?seed=`): the same seed gives the same centre. The default one starts with
 * a few representatives away or offline while customers wait on them, so the stuck-conversation
 * alerts (`alert-thresholds` in index.html) show within the first minute.
 */
const SEED = /^\d{1,6}$/.test(params.get('seed') ?? '') ? Number(params.get('seed')) : 31;

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
    seed: SEED,
    conversations: Number(field<HTMLSelectElement>('size').value),
    changesPerSecond: Number(field<HTMLSelectElement>('rate').value),
    settings: settings(),
    faults: faults() as SimulatorOptions['faults'],
    // Three other supervisors monitor, join, assign and transfer now and then, so "who else is
    // here" (the table's Monitoring column, the monitor panel) shows within the first seconds.
    otherSupervisors: 3,
    supervisorActionsPerSecond: 1,
  };
}

function applyTheme(): void {
  const theme = field<HTMLSelectElement>('theme').value;
  consoleEl.theme = theme === 'light' || theme === 'dark' ? theme : undefined;
  document.documentElement.style.colorScheme = theme || 'light dark';
}

/** The console's language (README "Languages and right-to-left") and the page's reading direction. */
function applyLanguage(): void {
  const lang = field<HTMLSelectElement>('lang').value === 'de' ? 'de' : 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = field<HTMLSelectElement>('dir').value === 'rtl' ? 'rtl' : 'ltr';
  void setSupervisorLocale(lang);
}

function remember(): void {
  const url = new URL(location.href);
  url.searchParams.set('n', field<HTMLSelectElement>('size').value);
  url.searchParams.set('cps', field<HTMLSelectElement>('rate').value);
  url.searchParams.set('backend', field<HTMLSelectElement>('backend').value);
  const theme = field<HTMLSelectElement>('theme').value;
  if (theme) url.searchParams.set('theme', theme);
  else url.searchParams.delete('theme');
  for (const [name, fallback] of [
    ['lang', 'en'],
    ['dir', 'ltr'],
  ] as const) {
    const value = field<HTMLSelectElement>(name).value;
    if (value !== fallback) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.replaceState(null, '', url);
}

/** With the REST backend: the mock service worker serving the simulator over HTTP. */
let mock: MockWorker | null = null;

/** The simulated centre behind either backend (the faults and switches go to it). */
function currentCentre(): SimulatedCentre | undefined {
  return mock?.simulator ?? consoleEl.simulator;
}

/**
 * Builds the chosen backend on a new centre: the console's own simulator, or a simulator behind
 * MSW's worker with the console on a `RestAdapter` (the console prefers `adapter` when it is set).
 */
async function applyBackend(): Promise<void> {
  mock?.stop();
  mock = null;
  if (field<HTMLSelectElement>('backend').value === 'rest') {
    mock = await startMockWorker({ simulator: options() });
    consoleEl.adapter = new RestAdapter({ baseUrl: mock.baseUrl });
  } else {
    consoleEl.adapter = undefined;
    consoleEl.simulatorOptions = options();
  }
}

applyTheme();
applyLanguage();
void applyBackend();

form.addEventListener('change', (event) => {
  const name = (event.target as HTMLInputElement).name;
  const centre = currentCentre();
  switch (name) {
    case 'size':
    case 'backend':
      // A new centre of that size on the chosen backend.
      void applyBackend();
      break;
    case 'rate':
      centre?.setRate(Number(field<HTMLSelectElement>('rate').value));
      break;
    case 'theme':
      applyTheme();
      break;
    case 'lang':
    case 'dir':
      applyLanguage();
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
// In-memory, the simulator drops its stream; over REST, the mock drops the SSE connection and the
// adapter reconnects and resumes from its Last-Event-ID.
document.querySelector('#drop')!.addEventListener('click', () => {
  if (mock) mock.faults.dropStreams();
  else consoleEl.simulator?.dropStream();
});

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
