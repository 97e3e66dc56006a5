import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import type { OngoingConversationsTable } from '../src/components/ongoing-conversations-table/ongoing-conversations-table.js';
import type { TableThresholds } from '../src/components/ongoing-conversations-table/attention.js';
import {
  DEFAULT_SORT,
  type ConversationFilter,
  type ConversationSort,
} from '../src/domain/index.js';
import { fakeService, simulatedService, until, type StoryBackend } from './support/backends.js';
import {
  IDS,
  OTHER_SUPERVISORS,
  REPS,
  SUPERVISOR,
  hostileSnapshot,
  storySnapshot,
} from './support/data.js';
import { restMock } from './support/rest.js';
import { frame, type FrameOptions, type StoryFrame } from './support/story-frame.js';
import { rendered } from './support/steps.js';

/**
 * The table's public properties, plus its height (the `--sc-table-height` custom property). All
 * optional: a story renders with no args at all (outside Storybook, e.g. in the story tests).
 */
interface TableArgs {
  label?: string;
  persistKey?: string;
  viewName?: string | null;
  urlSync?: boolean;
  urlParam?: string;
  theme?: 'light' | 'dark';
  filter?: ConversationFilter;
  sort?: ConversationSort;
  /** Alert thresholds (wait, sentiment, over capacity, stuck); `{}`: none. */
  thresholds?: TableThresholds;
  height?: string;
  /** Provided by the story frame (context); not a control. */
  service?: never;
}

function table(args: TableArgs, backend: StoryBackend, options: FrameOptions = {}): TemplateResult {
  return frame(
    backend,
    html`<ongoing-conversations-table
      label=${args.label ?? 'Ongoing conversations'}
      persist-key=${args.persistKey ?? ''}
      view-name=${ifDefined(args.viewName ?? undefined)}
      ?url-sync=${args.urlSync ?? false}
      url-param=${args.urlParam ?? 'view'}
      theme=${ifDefined(args.theme)}
      .filter=${args.filter ?? {}}
      .sort=${args.sort ?? DEFAULT_SORT}
      .thresholds=${args.thresholds ?? {}}
      style="--sc-table-height: ${args.height ?? '30rem'}"
    ></ongoing-conversations-table>`,
    options,
  );
}

/** The table inside a story frame. */
function tableOf(frameEl: StoryFrame): OngoingConversationsTable {
  return frameEl.querySelector('ongoing-conversations-table')!;
}

/** Waits until the table shows rows. */
async function rowsShown(el: OngoingConversationsTable): Promise<void> {
  await until(() => (el.shadowRoot?.querySelectorAll('.body-row').length ?? 0) > 0, 'table rows');
  await rendered(el);
}

const meta: Meta<TableArgs> = {
  title: 'Elements/Ongoing conversations table',
  component: 'ongoing-conversations-table',
  parameters: { layout: 'padded' },
  args: {
    label: 'Ongoing conversations',
    persistKey: '',
    viewName: null,
    urlSync: false,
    urlParam: 'view',
    theme: undefined,
    filter: {},
    sort: DEFAULT_SORT,
    thresholds: {},
    height: '30rem',
  },
  argTypes: {
    service: { table: { disable: true } },
    label: { control: 'text' },
    persistKey: { control: 'text' },
    viewName: { control: 'text' },
    urlSync: { control: 'boolean' },
    urlParam: { control: 'text' },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    filter: { control: 'object' },
    sort: { control: 'object' },
    thresholds: { control: 'object' },
    height: {
      control: 'text',
      description: 'The `--sc-table-height` custom property (the body scrolls inside it).',
      table: { category: 'CSS custom properties (story)' },
    },
  },
  render: (args = {}) => table(args, simulatedService()),
};
export default meta;

type Story = StoryObj<TableArgs>;

/** The simulated contact centre (60 conversations, 5 changes a second): rows flash as they change. */
export const Live: Story = {
  args: { persistKey: 'sc-story-table-live' },
};

/** Before the first snapshot: skeleton rows, `aria-busy`. The snapshot never comes here. */
export const Loading: Story = {
  render: (args = {}) => table(args, fakeService(undefined, { connection: 'loading' })),
};

/** A live centre with no ongoing conversation. */
export const Empty: Story = {
  render: (args = {}) => table(args, fakeService(storySnapshot({ empty: true }))),
};

/** Filters that match nothing: says how many are hidden and offers "Clear filters". */
export const NoMatches: Story = {
  args: { filter: { text: 'no such customer' } },
  render: (args = {}) => table(args, fakeService()),
};

/** The empty state's slot, filled by the host page. */
export const CustomEmptyState: Story = {
  render: (args = {}) =>
    frame(
      fakeService(storySnapshot({ empty: true })),
      html`<ongoing-conversations-table
        label=${args.label ?? 'Ongoing conversations'}
        persist-key=""
        style="--sc-table-height: ${args.height ?? '30rem'}"
      >
        <div slot="empty">
          <p><strong>All quiet.</strong> Nobody is waiting in your queues.</p>
        </div>
      </ongoing-conversations-table>`,
    ),
};

/** The connection failed before any data came: the error state with Retry. */
export const ConnectionError: Story = {
  render: (args = {}) => table(args, fakeService(undefined, { connection: 'error' })),
};

/** The stream dropped: the rows stay, marked as data from the last update, while it reconnects. */
export const Reconnecting: Story = {
  render: (args = {}) => table(args, fakeService(undefined, { connection: 'reconnecting' })),
};

/** The stream closed for good after data came: the rows stay, with a Reconnect button. */
export const Offline: Story = {
  render: (args = {}) => table(args, fakeService(undefined, { connection: 'offline' })),
};

/** 10,000 ongoing conversations (windowed rows; `aria-rowcount` still counts all), 50 changes/s. */
export const TenThousandRows: Story = {
  args: { height: '36rem' },
  render: (args = {}) =>
    table(args, simulatedService({ conversations: 10_000, changesPerSecond: 50 })),
};

/** 10,000 conversations at 1,000 changes a second: one render per frame however many arrive. */
export const TenThousandRowsBusy: Story = {
  tags: ['!autodocs'],
  args: { height: '36rem' },
  render: (args = {}) =>
    table(args, simulatedService({ conversations: 10_000, changesPerSecond: 1000 })),
};

/** "Attention first": longest wait, worst sentiment and over-capacity representatives on top. */
export const AttentionFirst: Story = {
  args: { sort: { key: 'attention', direction: 'desc' } },
  render: (args = {}) => table(args, fakeService()),
};

/** The thresholds the alert stories use: a 5-minute wait, Negative or worse, over capacity, stuck after 2 min. */
const ALERTS: TableThresholds = {
  maxWaitMs: 5 * 60_000,
  sentimentAtOrBelow: 'negative',
  representativeOverCapacity: true,
  stuckAfterMs: 2 * 60_000,
};

/**
 * Alice's customer has waited 6 minutes since their last message, and Ada Aalto, who has the chat,
 * is away: the row is stuck.
 */
function stuckBackend() {
  return fakeService(
    storySnapshot({
      fayUsed: 8,
      patch: {
        [IDS.active]: {
          representativeId: REPS.ada,
          lastCustomerMessageAt: Date.now() - 6 * 60_000,
        },
      },
    }),
  );
}

/**
 * Alert thresholds set: rows over the wait limit, at or below Negative, or with a representative
 * over capacity carry an "Alert" mark (icon and word), and the row describes why.
 */
export const Alerts: Story = {
  args: { thresholds: ALERTS },
  parameters: { test: { shows: ['Alert'] } },
  render: (args = {}) => table(args, fakeService(storySnapshot({ fayUsed: 8 }))),
};

/** The toolbar's "Alerts" panel open: the thresholds as labelled controls, saved with the view. */
export const AlertsPanel: Story = {
  args: { thresholds: ALERTS },
  parameters: { test: { shows: ['Waiting longer than (minutes)'] } },
  render: (args = {}) =>
    table(args, stuckBackend(), {
      async setup(f) {
        const el = tableOf(f);
        await rowsShown(el);
        el.shadowRoot!.querySelector<HTMLElement>('details.alerts summary')?.click();
        await rendered(el);
      },
    }),
};

/**
 * A stuck conversation: the customer has waited 6 minutes on Ada Aalto, who is away. The row is
 * marked "Stuck" and offers one step, "Reassign to Omar Okafor" (the first suggested transfer
 * target; the row shortcut R does the same).
 */
export const StuckConversation: Story = {
  args: { thresholds: { stuckAfterMs: 2 * 60_000 } },
  parameters: { test: { shows: ['Reassign to', 'Stuck'] } },
  render: (args = {}) => table(args, stuckBackend()),
};

/** Alerts and a stuck row in the dark palette. */
export const AlertsDark: Story = {
  args: { thresholds: ALERTS },
  parameters: { test: { shows: ['Reassign to'] } },
  render: (args = {}) => table(args, stuckBackend(), { theme: 'dark' }),
};

/** Filtered to Open and Waiting messaging conversations (the filter buttons show their counts). */
export const Filtered: Story = {
  args: {
    filter: { statuses: ['open', 'waiting'], channels: ['live-chat', 'sms', 'whatsapp'] },
  },
  render: (args = {}) => table(args, fakeService()),
};

/**
 * A row's actions menu, open on the voice call: Transfer is shown disabled with its reason (only
 * messaging conversations can be transferred).
 */
export const ActionsMenu: Story = {
  render: (args = {}) =>
    table(args, fakeService(), {
      async setup(f) {
        const el = tableOf(f);
        await rowsShown(el);
        const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.body-row')].find((r) =>
          r.textContent?.includes('Victor Varga'),
        );
        row?.querySelector<HTMLButtonElement>('button.actions')?.click();
        await rendered(el);
      },
    }),
};

/** Every admin switch off: a read-only list, no actions column and no action shortcuts. */
export const ActionsSwitchedOff: Story = {
  render: (args = {}) =>
    table(
      args,
      fakeService(
        storySnapshot({
          settings: { monitor: false, assign: false, transfer: false, forceClose: false },
        }),
      ),
    ),
};

/** Saved views kept under `persist-key`: two views saved, "Waiting in Billing" applied. */
export const SavedViews: Story = {
  args: { persistKey: 'sc-story-table-saved-views' },
  render: (args = {}) =>
    table(args, fakeService(), {
      async setup(f) {
        const el = tableOf(f);
        await rowsShown(el);
        const views = el.getSavedViews().map((v) => v.name);
        if (!views.includes('Needs attention')) {
          el.sort = { key: 'attention', direction: 'desc' };
          await el.updateComplete;
          el.saveView('Needs attention');
        }
        if (!views.includes('Waiting in Billing')) {
          el.filter = { statuses: ['waiting', 'open'], queueIds: ['q-billing'] };
          el.sort = DEFAULT_SORT;
          await el.updateComplete;
          el.saveView('Waiting in Billing');
        }
        el.applyView('Waiting in Billing');
        await rendered(el);
      },
    }),
};

/** Hostile strings everywhere (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  render: (args = {}) => table(args, fakeService(hostileSnapshot())),
};

/** Who else is here: several supervisors monitor or joined conversations (you first, "+N"). */
function supervisorsBackend() {
  const { priya, marcus, ines } = OTHER_SUPERVISORS;
  return fakeService(
    storySnapshot({
      patch: {
        [IDS.active]: { joinedBy: [priya.id], monitoredBy: [SUPERVISOR.id, marcus.id, ines.id] },
        [IDS.waiting]: { monitoredBy: [marcus.id] },
        [IDS.voice]: { joinedBy: [SUPERVISOR.id], monitoredBy: [SUPERVISOR.id] },
        [IDS.transferring]: { joinedBy: [ines.id, priya.id], monitoredBy: [ines.id, priya.id] },
      },
    }),
  );
}

/** The Monitoring column names who else is here: you, joined supervisors tagged, "+N". */
export const WhoElseIsHere: Story = {
  render: (args = {}) => table(args, supervisorsBackend()),
  parameters: { test: { shows: ['You, Priya Lead joined', '+2', 'Marcus Floor'] } },
};

/** Who else is here, in the dark palette. */
export const WhoElseIsHereDark: Story = {
  render: (args = {}) => table(args, supervisorsBackend(), { theme: 'dark' }),
  parameters: { test: { shows: ['Marcus Floor'] } },
};

/** The dark palette (the theme toolbar does the same for every story). */
export const Dark: Story = {
  render: (args = {}) => table(args, fakeService(), { theme: 'dark' }),
};

/** Restyled through the `--sc-*` custom properties only. */
export const CustomTokens: Story = {
  render: (args = {}) =>
    frame(
      fakeService(),
      html`<ongoing-conversations-table
        label=${args.label ?? 'Ongoing conversations'}
        persist-key=""
        style="
          --sc-table-height: ${args.height ?? '30rem'};
          --sc-color-accent: #6b21a8;
          --sc-color-focus: #6b21a8;
          --sc-color-surface: #f5f0fa;
          --sc-radius: 12px;
          --sc-row-height: 48px;
          --sc-font-family: Georgia, serif;
        "
      ></ongoing-conversations-table>`,
    ),
};

const restLive = restMock('table-live', { simulator: { changesPerSecond: 5 } });
const restSnapshotFails = restMock('table-snapshot-500', {
  faults: (f) => f.fail('snapshot', 'server-error'),
});
const restStreamFails = restMock('table-events-503', {
  faults: (f) => f.fail('events', 'unavailable'),
  adapter: { offlineAfter: 1000 },
});

/** On the REST adapter: snapshot over HTTP, changes streamed as Server-Sent Events (MSW mock). */
export const RestLive: Story = {
  tags: ['!autodocs'],
  name: 'REST: live',
  parameters: { ...restLive.parameters, test: { shows: ['Live'] } },
  render: (args = {}) => table(args, restLive.service()),
};

/** On the REST adapter, `GET /snapshot` answers 500: after the retries, the error state. */
export const RestSnapshotFails: Story = {
  tags: ['!autodocs'],
  name: 'REST: snapshot 500',
  parameters: {
    ...restSnapshotFails.parameters,
    test: { shows: ['Conversations could not be loaded'] },
  },
  render: (args = {}) => table(args, restSnapshotFails.service()),
};

/** On the REST adapter, the change stream answers 503 every time: the data stays, reconnecting. */
export const RestReconnecting: Story = {
  tags: ['!autodocs'],
  name: 'REST: stream 503, reconnecting',
  parameters: {
    ...restStreamFails.parameters,
    test: { shows: ['Reconnecting to the contact centre'] },
  },
  render: (args = {}) => table(args, restStreamFails.service()),
};
