import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/supervisor-console/supervisor-console.define.js';
import { DEFAULT_MONITOR_NOTICE } from '../src/components/monitor-panel/monitor-panel.js';
import type { SupervisorConsole } from '../src/components/supervisor-console/supervisor-console.js';
import type { SimulatorOptions } from '../src/adapters/simulator/index.js';
import { isMessagingChannel } from '../src/domain/index.js';
import {
  answered,
  failure,
  fakeService,
  simulatedService,
  until,
  type FakeBackend,
  type StoryBackend,
} from './support/backends.js';
import { IDS, REPS, SUPERVISOR, hostileSnapshot, storySnapshot } from './support/data.js';
import { restMock } from './support/rest.js';
import { frame, type StoryFrame } from './support/story-frame.js';
import { choose, confirm, rendered, shows } from './support/steps.js';

/** The console's public properties, plus the story theme. All optional. */
interface ConsoleArgs {
  notice?: string;
  theme?: 'light' | 'dark';
  /** Used only when no service is given (the "Own simulator" story). */
  simulatorOptions?: SimulatorOptions;
  /** Provided by the story frame (context) or built by the console; not controls. */
  service?: never;
  adapter?: never;
}

type Script = (console: SupervisorConsole, backend: FakeBackend) => Promise<void>;

function consoleStory(
  args: ConsoleArgs,
  backend: StoryBackend | undefined,
  setup?: (el: SupervisorConsole) => Promise<void>,
  slot?: TemplateResult,
): TemplateResult {
  return frame(
    backend,
    html`<supervisor-console
      notice=${args.notice ?? DEFAULT_MONITOR_NOTICE}
      theme=${ifDefined(args.theme)}
      .simulatorOptions=${args.simulatorOptions ?? {}}
      style="--sc-table-height: 26rem"
      >${slot ?? nothing}</supervisor-console
    >`,
    {
      theme: args.theme,
      setup: setup && ((f: StoryFrame) => setup(f.querySelector('supervisor-console')!)),
    },
  );
}

/** A render function: the story centre on the hand-driven backend, then `script`. */
function scripted(script?: Script) {
  return (args: ConsoleArgs = {}) => {
    const backend = fakeService(storySnapshot());
    return consoleStory(args, backend, script && ((el) => script(el, backend)));
  };
}

/** The dialog of this tag inside the console. */
function dialogIn<K extends 'assign-dialog' | 'transfer-dialog' | 'force-close-dialog'>(
  el: SupervisorConsole,
  tag: K,
): HTMLElementTagNameMap[K] {
  return el.shadowRoot!.querySelector(tag)!;
}

const meta: Meta<ConsoleArgs> = {
  title: 'Elements/Supervisor console',
  component: 'supervisor-console',
  parameters: {
    layout: 'padded',
    docs: { story: { inline: false, height: '56rem' } },
  },
  args: { notice: DEFAULT_MONITOR_NOTICE, theme: undefined, simulatorOptions: {} },
  argTypes: {
    service: { table: { disable: true } },
    notice: { control: 'text' },
    adapter: { table: { disable: true } },
    simulatorOptions: { control: 'object' },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args: ConsoleArgs = {}) => consoleStory(args, simulatedService()),
};
export default meta;

type Story = StoryObj<ConsoleArgs>;

/** The one-tag console on a simulated centre (60 conversations, 5 changes/s). */
export const Live: Story = {};

/** With nothing given, the console builds its own simulated centre from `simulatorOptions`. */
export const OwnSimulator: Story = {
  args: { simulatorOptions: { seed: 3, conversations: 120, changesPerSecond: 10 } },
  render: (args: ConsoleArgs = {}) => consoleStory(args, undefined),
};

/** Before the first snapshot. */
export const Loading: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) =>
    consoleStory(args, fakeService(undefined, { connection: 'loading' })),
};

/** The connection failed before any data. */
export const ConnectionError: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) =>
    consoleStory(args, fakeService(undefined, { connection: 'error' })),
  parameters: { test: { shows: ['Conversations could not be loaded'] } },
};

/** The stream dropped: the data stays while it reconnects. */
export const Reconnecting: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) =>
    consoleStory(args, fakeService(undefined, { connection: 'reconnecting' })),
  parameters: { test: { shows: ['Reconnecting'] } },
};

/** The stream closed after data came. */
export const Offline: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) =>
    consoleStory(args, fakeService(undefined, { connection: 'offline' })),
  parameters: { test: { shows: ['Offline'] } },
};

/** A live centre with no ongoing conversation. */
export const Empty: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) =>
    consoleStory(args, fakeService(storySnapshot({ empty: true }))),
  parameters: { test: { shows: ['No ongoing conversations'] } },
};

/** 10,000 conversations and 2,000 representatives at 100 changes a second. */
export const TenThousandConversations: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) =>
    consoleStory(args, simulatedService({ conversations: 10_000, changesPerSecond: 100 })),
};

/** Monitoring in the side panel (on the simulated centre: the transcript runs live). */
export const MonitorOpen: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) => {
    const backend = simulatedService({ changesPerSecond: 2, transcriptIntervalMs: [1500, 4000] });
    const c = backend.simulator
      .conversations()
      .find(
        (c) =>
          c.status === 'active' &&
          isMessagingChannel(c.channel) &&
          c.representativeId !== SUPERVISOR.id,
      );
    return consoleStory(args, backend, async (el) => {
      if (c) el.open('monitor', c.id);
      await rendered(el);
    });
  },
  parameters: { test: { shows: ['Monitoring silently'] } },
};

/** The board's selection filters the table to one representative's conversations. */
export const FilteredToRepresentative: Story = {
  tags: ['!autodocs'],
  render: scripted(async (el) => {
    await rendered(el);
    el.filterToRepresentative(REPS.hana);
    await rendered(el);
  }),
  parameters: { test: { shows: ['Show everyone (filtered to Hana Hughes)'] } },
};

/** A row action opened the assign dialog (the console's `open()`, as the table's menu does). */
export const AssignDialogOpen: Story = {
  tags: ['!autodocs'],
  render: scripted(async (el) => {
    await rendered(el);
    el.open('assign', IDS.open);
    await rendered(dialogIn(el, 'assign-dialog'));
  }),
  parameters: { test: { shows: ['Assign conversation'] } },
};

/**
 * After a few interventions: a transfer waiting for Omar's answer in "Transfers", and the session's
 * log (a force close done, an assignment refused for the supervisor's role).
 */
export const TransfersAndLog: Story = {
  tags: ['!autodocs'],
  render: scripted(async (el, b) => {
    await rendered(el);
    el.open('forceClose', IDS.voice);
    const close = dialogIn(el, 'force-close-dialog');
    await rendered(close);
    await confirm(close);
    await b.answerNext(answered(b, IDS.voice, { status: 'closed' }));
    await shows(close, 'was closed.');
    close.close();

    el.open('assign', IDS.openBilling);
    const assign = dialogIn(el, 'assign-dialog');
    await rendered(assign);
    await choose(assign, REPS.hana);
    await confirm(assign);
    await b.answerNext(failure('forbidden'));
    await shows(assign, 'failed.');
    assign.close();

    el.open('transfer', IDS.active);
    const transfer = dialogIn(el, 'transfer-dialog');
    await rendered(transfer);
    await choose(transfer, REPS.omar);
    await confirm(transfer);
    await b.answerNext({ ok: true });
    await shows(transfer, 'Waiting for Omar Okafor');
    transfer.close();
    await until(() => !transfer.open, 'the dialogs closed');
    await rendered(el);
  }),
  parameters: { test: { shows: ['Omar Okafor'] } },
};

/** Hostile strings in every name (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  tags: ['!autodocs'],
  render: (args: ConsoleArgs = {}) => consoleStory(args, fakeService(hostileSnapshot())),
};

/** The dark palette. */
export const Dark: Story = {
  tags: ['!autodocs'],
  args: { theme: 'dark' },
  render: scripted(),
};

const restLive = restMock('console-live', { simulator: { changesPerSecond: 5 } });

/** On the REST adapter (MSW mock): snapshot, Server-Sent Events, commands over HTTP. */
export const RestLive: Story = {
  tags: ['!autodocs'],
  name: 'REST: live',
  parameters: { ...restLive.parameters, test: { shows: ['Live'] } },
  render: (args: ConsoleArgs = {}) => consoleStory(args, restLive.service()),
};
