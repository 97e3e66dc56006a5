import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/assign-dialog/assign-dialog.define.js';
import type { AssignDialog } from '../src/components/assign-dialog/assign-dialog.js';
import {
  answered,
  changed,
  failure,
  fakeService,
  stale,
  simulatedService,
  type Connection,
  type FakeBackend,
  type StoryBackend,
} from './support/backends.js';
import { IDS, OTHER_SUPERVISORS, REPS, hostileSnapshot, storySnapshot } from './support/data.js';
import {
  dialogFrame,
  dialogParameters,
  storyArgTypes,
  type DialogArgs,
} from './support/dialog-story.js';
import { restMock } from './support/rest.js';
import {
  choose,
  chooseFirst,
  chooseTargetType,
  confirm,
  search,
  shows,
  tick,
  vetoNext,
} from './support/steps.js';

type Script = (dialog: AssignDialog, backend: FakeBackend) => Promise<void>;

function assign(
  args: DialogArgs,
  backend: StoryBackend,
  script?: (dialog: AssignDialog) => Promise<void>,
  openAtOnce = false,
) {
  return dialogFrame<AssignDialog>(
    args,
    backend,
    html`<assign-dialog list-limit=${args.listLimit ?? 50}></assign-dialog>`,
    { tag: 'assign-dialog', opener: 'Assign conversation…', script, openAtOnce },
  );
}

/** A render function: the story centre on the hand-driven backend, then `script`. */
function scripted(script?: Script, connection: Connection = 'live') {
  return (args: DialogArgs = {}) => {
    const backend = fakeService(storySnapshot({ fayUsed: args.fayUsed }), { connection });
    return assign(args, backend, script && ((d) => script(d, backend)));
  };
}

/** Picks Hana (she fits), confirms, and the backend answers with `kind`. */
function failsWith(kind: Parameters<typeof failure>[0]): Script {
  return async (d, b) => {
    await choose(d, REPS.hana);
    await confirm(d);
    await b.answerNext(failure(kind, kind === 'rate-limited' ? { retryAfterMs: 5000 } : {}));
    await shows(d, 'The assignment to Hana Hughes failed.');
  };
}

const meta: Meta<DialogArgs> = {
  title: 'Elements/Assign dialog',
  component: 'assign-dialog',
  parameters: dialogParameters,
  args: { conversationId: IDS.open, listLimit: 50, fayUsed: 5, theme: undefined },
  argTypes: {
    ...storyArgTypes,
    conversationId: {
      control: 'select',
      options: Object.values(IDS),
      description: 'The conversation the dialog opens on (`show(conversationId)`).',
    },
  },
  render: scripted(),
};
export default meta;

type Story = StoryObj<DialogArgs>;

/** Step 1, choose: representatives ranked (suggested first), each with presence and capacity. */
export const Choose: Story = {
  parameters: { test: { shows: ['Suggested', 'AI agents are not offered'] } },
};

/** A representative who fits: no override needed, Assign enabled. */
export const RepresentativeChosen: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => choose(d, REPS.hana)),
  parameters: { test: { shows: ['Fits:'] } },
};

/** Ada is away: assigning needs "Override presence" (Assign stays disabled until it is ticked). */
export const PresenceOverrideNeeded: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => choose(d, REPS.ada)),
  parameters: { test: { shows: ['Override presence: Ada Aalto is away'] } },
};

/** Presence override ticked: Assign enabled. */
export const PresenceOverridden: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await choose(d, REPS.ada);
    await tick(d, 'override-presence');
  }),
};

/**
 * Fay has 1 unit left; the chat costs 2. With "Override capacity" ticked the dialog says by how many
 * units her capacity is exceeded (change "fayUsed" to see it follow).
 */
export const CapacityOverride: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await choose(d, REPS.fay);
    await tick(d, 'override-capacity');
  }),
  parameters: { test: { shows: ['Exceeds capacity by 1 unit'] } },
};

/** The same with Fay fully booked (6 of 6 units): exceeded by 2 units. */
export const CapacityOverrideSeveralUnits: Story = {
  tags: ['!autodocs'],
  args: { fayUsed: 6 },
  render: scripted(async (d) => {
    await choose(d, REPS.fay);
    await tick(d, 'override-capacity');
  }),
  parameters: { test: { shows: ['Exceeds capacity by 2 units'] } },
};

/** Assign to another queue instead (the current queue is not offered). */
export const QueueChosen: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await chooseTargetType(d, 'queue');
    await choose(d, 'q-billing');
  }),
  parameters: { test: { shows: ['The current queue (General) is not offered.'] } },
};

/** Searching by name narrows the list. */
export const SearchNoMatch: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => search(d, 'Zed')),
  parameters: { test: { shows: ['Nobody matches “Zed”.'] } },
};

/** Confirmed: waiting for the backend's answer. */
export const Pending: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await choose(d, REPS.fay);
    await tick(d, 'override-capacity');
    await confirm(d);
  }),
  parameters: { test: { shows: ['Assigning to Fay Fischer…'] } },
};

/** Done, with the capacity override's consequence spelled out. */
export const Succeeded: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    await choose(d, REPS.fay);
    await tick(d, 'override-capacity');
    await confirm(d);
    await b.answerNext(answered(b, IDS.open, { status: 'active', representativeId: REPS.fay }));
    await shows(d, 'Assigned to Fay Fischer.');
  }),
  parameters: { test: { shows: ["Fay Fischer's capacity is now exceeded by 1 unit."] } },
};

/** The host page vetoed `sc-assign-request` (`preventDefault()`): nothing was sent. */
export const VetoedByHost: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await choose(d, REPS.hana);
    vetoNext(d, 'sc-assign-request');
    await confirm(d);
  }),
  parameters: { test: { shows: ['The page stopped this assignment; nothing was sent.'] } },
};

/** Error: the supervisor's role forbids it — with the "Omnichannel API access" guidance. */
export const ErrorRole: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('forbidden')),
  parameters: { test: { shows: ['"Omnichannel API access" role is not assigned to you'] } },
};

/**
 * Error: a stale action. Priya Lead assigned the conversation to Omar meanwhile; the dialog says so,
 * lists what changed, and offers "Review the current conversation" (nothing is sent again by itself).
 */
export const ErrorConflict: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    await choose(d, REPS.hana);
    await confirm(d);
    await b.answerNext(
      stale(
        b,
        IDS.open,
        { status: 'active', representativeId: REPS.omar },
        OTHER_SUPERVISORS.priya.id,
      ),
    );
    await shows(d, 'The assignment to Hana Hughes failed.');
  }),
  parameters: {
    test: {
      shows: [
        'Priya Lead changed this conversation since you looked.',
        'Assigned to Omar Okafor.',
        'Review the current conversation',
      ],
    },
  },
};

/** The stale action, reviewed: back on the choice with the conversation as it is now. */
export const ErrorConflictReviewed: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    await choose(d, REPS.hana);
    await confirm(d);
    await b.answerNext(
      stale(b, IDS.open, { queueId: 'q-billing' }, OTHER_SUPERVISORS.priya.id, 'transfer'),
    );
    await shows(d, 'Review the current conversation');
    d.shadowRoot!.querySelector<HTMLButtonElement>('.footer button.primary')!.click();
    await shows(d, 'Billing');
  }),
  parameters: { test: { shows: ['Billing'] } },
};

/** Error: the contact centre could not be reached. */
export const ErrorUnavailable: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('unavailable')),
  parameters: { test: { shows: ['could not be reached'] } },
};

/** Error: too many requests. */
export const ErrorRateLimited: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('rate-limited')),
  parameters: { test: { shows: ['Too many requests'] } },
};

/** Error: the conversation no longer exists. */
export const ErrorNotFound: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('not-found')),
  parameters: { test: { shows: ['no longer exists'] } },
};

/** Error: the backend refused the request as invalid. */
export const ErrorInvalid: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('invalid')),
  parameters: { test: { shows: ['The request was not valid.'] } },
};

/** While choosing, someone else assigns the conversation: the dialog says so live. */
export const AssignedMeanwhile: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    await choose(d, REPS.hana);
    b.change(changed(b, IDS.open, { status: 'active', representativeId: REPS.omar }));
    await shows(d, 'Someone else assigned this conversation meanwhile');
  }),
};

/** While choosing, the conversation leaves the ongoing view. */
export const LeftTheView: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    b.change({ type: 'conversation-removed', id: IDS.open, version: 99 });
    await shows(d, 'has left the ongoing view');
  }),
};

/** Opened on an Active conversation: not assignable, and the dialog says why. */
export const NotAssignable: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.active },
  parameters: { test: { shows: ['Only Open conversations can be assigned.'] } },
};

/** The service has no data yet. */
export const Loading: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) =>
    assign(args, fakeService(undefined, { connection: 'loading' }), undefined, true),
  parameters: { test: { shows: ['Loading the contact centre…'] } },
};

/** On the simulated centre (500 conversations, 100 people): a long list, limited to `listLimit`. */
export const LongListOnSimulator: Story = {
  tags: ['!autodocs'],
  args: { listLimit: 20 },
  render: (args: DialogArgs = {}) => {
    const backend = simulatedService({ conversations: 500, changesPerSecond: 0 });
    const open = backend.simulator
      .conversations()
      .find((c) => c.status === 'open' && c.representativeId === null);
    return assign({ ...args, conversationId: open?.id ?? '' }, backend);
  },
  parameters: { test: { shows: ['more; type a name to narrow the list.'] } },
};

/** Hostile strings in every name (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) => {
    const backend = fakeService(hostileSnapshot());
    return assign(args, backend, async (d) => {
      await choose(d, REPS.fay);
      await tick(d, 'override-capacity');
    });
  },
};

/** The capacity-override step in the dark palette. */
export const Dark: Story = {
  tags: ['!autodocs'],
  args: { theme: 'dark' },
  render: CapacityOverride.render,
};

const STILL = { simulator: { changesPerSecond: 0 } };
const restOk = restMock('assign-ok', STILL);
const restRoleError = restMock('assign-403', {
  ...STILL,
  faults: (f) => f.fail('assign', 'forbidden'),
});
const isAssignable = (c: { status: string; representativeId: string | null }) =>
  c.status === 'open' && c.representativeId === null;

/** On the REST adapter (MSW mock): the best suggestion is assigned over HTTP. */
export const RestSucceeded: Story = {
  tags: ['!autodocs'],
  name: 'REST: assigned',
  parameters: { ...restOk.parameters, test: { shows: ['Assigned to'] } },
  render: (args: DialogArgs = {}) =>
    assign(
      { ...args, conversationId: restOk.find(isAssignable)?.id ?? '' },
      restOk.service(),
      async (d) => {
        await chooseFirst(d);
        await confirm(d);
        await shows(d, 'Assigned to');
      },
    ),
};

/** On the REST adapter, `POST …/assign` answers 403: the role guidance, not a generic failure. */
export const RestRoleError: Story = {
  tags: ['!autodocs'],
  name: 'REST: 403 role error',
  parameters: {
    ...restRoleError.parameters,
    test: { shows: ['"Omnichannel API access" role is not assigned to you'] },
  },
  render: (args: DialogArgs = {}) =>
    assign(
      { ...args, conversationId: restRoleError.find(isAssignable)?.id ?? '' },
      restRoleError.service(),
      async (d) => {
        await chooseFirst(d);
        await confirm(d);
        await shows(d, 'failed.');
      },
    ),
};
