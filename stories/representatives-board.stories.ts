import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/representatives-board/representatives-board.define.js';
import type { RepresentativesBoard } from '../src/components/representatives-board/representatives-board.js';
import { fakeService, simulatedService, type StoryBackend } from './support/backends.js';
import { REPS, hostileSnapshot, storySnapshot } from './support/data.js';
import { restMock } from './support/rest.js';
import { frame, type StoryFrame } from './support/story-frame.js';
import { rendered } from './support/steps.js';

/** The board's public properties, plus the story theme. All optional. */
interface BoardArgs {
  selected?: string | null;
  includeAi?: boolean;
  heading?: string;
  theme?: 'light' | 'dark';
  /** Provided by the story frame (context); not a control. */
  service?: never;
}

function board(
  args: BoardArgs,
  backend: StoryBackend,
  setup?: (board: RepresentativesBoard) => Promise<void>,
  slot?: TemplateResult,
): TemplateResult {
  return frame(
    backend,
    html`<representatives-board
      selected=${ifDefined(args.selected ?? undefined)}
      ?include-ai=${args.includeAi ?? true}
      heading=${args.heading ?? 'Representatives'}
      >${slot ?? nothing}</representatives-board
    >`,
    {
      theme: args.theme,
      setup: setup && ((f: StoryFrame) => setup(f.querySelector('representatives-board')!)),
    },
  );
}

const meta: Meta<BoardArgs> = {
  title: 'Elements/Representatives board',
  component: 'representatives-board',
  args: { selected: null, includeAi: true, heading: 'Representatives', theme: undefined },
  argTypes: {
    service: { table: { disable: true } },
    includeAi: { control: 'boolean' },
    heading: { control: 'text' },
    selected: { control: 'select', options: [null, ...Object.values(REPS)] },
    theme: {
      control: 'inline-radio',
      options: [undefined, 'light', 'dark'],
      table: { category: 'Story' },
    },
  },
  render: (args: BoardArgs = {}) => board(args, fakeService()),
};
export default meta;

type Story = StoryObj<BoardArgs>;

/** The story centre: six people and an AI agent, presence, capacity bars and workload. */
export const Default: Story = {
  parameters: { test: { shows: ['Hana Hughes', 'Botty'] } },
};

/** On the simulated centre (60 conversations, 5 changes/s): presence and capacity change live. */
export const Live: Story = {
  render: (args: BoardArgs = {}) => board(args, simulatedService()),
};

/** One representative selected (the console filters the table to their conversations). */
export const Selected: Story = {
  args: { selected: REPS.omar },
  parameters: { test: { shows: ['Show everyone (filtered to Omar Okafor)'] } },
};

/** Fay is over capacity (8 of 6 units): the bar and the text say so. */
export const OverCapacity: Story = {
  render: (args: BoardArgs = {}) => board(args, fakeService(storySnapshot({ fayUsed: 8 }))),
  parameters: { test: { shows: ['8/6'] } },
};

/** People only (`include-ai` off). */
export const HumansOnly: Story = {
  args: { includeAi: false },
};

/** Filtering by name matches nobody. */
export const SearchNoMatch: Story = {
  render: (args: BoardArgs = {}) =>
    board(args, fakeService(), async (b) => {
      const input = b.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'Zed';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await rendered(b);
    }),
  parameters: { test: { shows: ['Nobody matches “Zed”.'] } },
};

/** Before the first snapshot. */
export const Loading: Story = {
  render: (args: BoardArgs = {}) => board(args, fakeService(undefined, { connection: 'loading' })),
  parameters: { test: { shows: ['Loading representatives…'] } },
};

/** The connection failed before any data came. */
export const ConnectionError: Story = {
  render: (args: BoardArgs = {}) => board(args, fakeService(undefined, { connection: 'error' })),
  parameters: { test: { shows: ['The representatives could not be loaded.'] } },
};

/** A centre without representatives. */
export const Empty: Story = {
  render: (args: BoardArgs = {}) =>
    board(args, fakeService({ ...storySnapshot({ empty: true }), representatives: [] })),
  parameters: { test: { shows: ['No representatives.'] } },
};

/**
 * 500 representatives (a 2,500-conversation centre): the list scrolls. Every card is in the DOM (the
 * board is not windowed), so this is about as many as it should be given.
 */
export const FiveHundredRepresentatives: Story = {
  render: (args: BoardArgs = {}) =>
    board(args, simulatedService({ conversations: 2_500, changesPerSecond: 20 })),
};

/** The heading replaced through the `heading` slot. */
export const CustomHeading: Story = {
  render: (args: BoardArgs = {}) =>
    board(args, fakeService(), undefined, html`<h3 slot="heading">Team North · early shift</h3>`),
  parameters: { test: { shows: ['Team North · early shift'] } },
};

/** Hostile strings as names (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  render: (args: BoardArgs = {}) => board(args, fakeService(hostileSnapshot())),
};

/** The dark palette. */
export const Dark: Story = {
  args: { theme: 'dark', selected: REPS.hana },
};

const restLive = restMock('board-live', { simulator: { changesPerSecond: 5 } });

/** On the REST adapter (MSW mock). */
export const RestLive: Story = {
  tags: ['!autodocs'],
  name: 'REST: live',
  parameters: { ...restLive.parameters },
  render: (args: BoardArgs = {}) => board(args, restLive.service()),
};
