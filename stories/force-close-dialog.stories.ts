import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/force-close-dialog/force-close-dialog.define.js';
import type { ForceCloseDialog } from '../src/components/force-close-dialog/force-close-dialog.js';
import {
  answered,
  failure,
  fakeService,
  stale,
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
import { confirm, shows, vetoNext } from './support/steps.js';

type Script = (dialog: ForceCloseDialog, backend: FakeBackend) => Promise<void>;

function forceClose(
  args: DialogArgs,
  backend: StoryBackend,
  script?: (dialog: ForceCloseDialog) => Promise<void>,
  openAtOnce = false,
) {
  return dialogFrame<ForceCloseDialog>(
    args,
    backend,
    html`<force-close-dialog></force-close-dialog>`,
    { tag: 'force-close-dialog', opener: 'Force close…', script, openAtOnce },
  );
}

/** A render function: the story centre on the hand-driven backend, then `script`. */
function scripted(script?: Script, connection: Connection = 'live') {
  return (args: DialogArgs = {}) => {
    const backend = fakeService(storySnapshot(), { connection });
    return forceClose(args, backend, script && ((d) => script(d, backend)));
  };
}

/** Confirms; the backend answers with `kind`. */
function failsWith(kind: Parameters<typeof failure>[0]): Script {
  return async (d, b) => {
    await confirm(d);
    await b.answerNext(failure(kind, kind === 'rate-limited' ? { retryAfterMs: 5000 } : {}));
    await shows(d, 'could not be closed.');
  };
}

const meta: Meta<DialogArgs> = {
  title: 'Elements/Force close dialog',
  component: 'force-close-dialog',
  parameters: dialogParameters,
  args: { conversationId: IDS.active, theme: undefined },
  argTypes: {
    ...storyArgTypes,
    fayUsed: { table: { disable: true } },
    listLimit: { table: { disable: true } },
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

/** Step 1, confirm: names the conversation, says it cannot be undone; Cancel has the focus. */
export const Confirm: Story = {
  parameters: { test: { shows: ['This cannot be undone.', 'handled by Hana Hughes'] } },
};

/** A voice call. */
export const ConfirmVoiceCall: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.voice },
  parameters: { test: { shows: ['End the voice conversation with Victor Varga'] } },
};

/** An Open conversation nobody handles: only the customer is told. */
export const ConfirmUnassigned: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.open },
  parameters: { test: { shows: ['The customer is told'] } },
};

/** Confirmed: closing. */
export const Pending: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => confirm(d)),
  parameters: { test: { shows: ['Closing the conversation with Alice Andersson…'] } },
};

/** Closed; the participants were told. */
export const Succeeded: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    await confirm(d);
    await b.answerNext(answered(b, IDS.active, { status: 'closed' }));
    await shows(d, 'was closed.');
  }),
  parameters: { test: { shows: ['Its participants were told.'] } },
};

/** The host page vetoed `sc-force-close-request`: the conversation stays open. */
export const VetoedByHost: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    vetoNext(d, 'sc-force-close-request');
    await confirm(d);
  }),
  parameters: { test: { shows: ['The page stopped this; the conversation stays open.'] } },
};

/** Error: the supervisor's role forbids it — with the "Omnichannel API access" guidance. */
export const ErrorRole: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('forbidden')),
  parameters: { test: { shows: ['"Omnichannel API access"'] } },
};

/**
 * Error: a stale action. Priya Lead transferred the conversation to Omar and joined it meanwhile; the
 * dialog says who changed it and what changed, and offers a review instead of closing it blindly.
 */
export const ErrorConflict: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    await confirm(d);
    await b.answerNext(
      stale(
        b,
        IDS.active,
        {
          representativeId: REPS.omar,
          consultantIds: [REPS.hana],
          joinedBy: [OTHER_SUPERVISORS.priya.id],
        },
        OTHER_SUPERVISORS.priya.id,
        'transfer',
      ),
    );
    await shows(d, 'could not be closed.');
  }),
  parameters: {
    test: {
      shows: [
        'Priya Lead changed this conversation since you looked.',
        'Representative: Hana Hughes → Omar Okafor.',
        'Review the current conversation',
      ],
    },
  },
};

/** The stale action, in the dark palette. */
export const ErrorConflictDark: Story = {
  ...ErrorConflict,
  args: { theme: 'dark' },
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

/** Not allowed: a case record (only voice and messaging conversations can be force-closed). */
export const NotAllowedRecord: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.record },
  parameters: { test: { shows: ['Only voice and messaging conversations can be force-closed.'] } },
};

/** Not offered: the administrator turned "Force close" off. */
export const SwitchedOff: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) =>
    forceClose(args, fakeService(storySnapshot({ settings: { forceClose: false } }))),
  parameters: { test: { shows: ['Your administrator has turned off'] } },
};

/** While confirming, the conversation leaves the ongoing view. */
export const LeftTheView: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    b.change({ type: 'conversation-removed', id: IDS.active, version: 99 });
    await shows(d, 'has already left the ongoing view');
  }),
};

/** The service has no data yet. */
export const Loading: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) =>
    forceClose(args, fakeService(undefined, { connection: 'loading' }), undefined, true),
  parameters: { test: { shows: ['Loading the contact centre…'] } },
};

/** Hostile strings in every name (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) => forceClose(args, fakeService(hostileSnapshot())),
};

/**
 * A customer name with a right-to-left override that is never closed, inside the confirmation
 * sentence: the text after the name must keep its direction.
 */
export const HostileRtlOverride: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.voice },
  render: (args: DialogArgs = {}) => forceClose(args, fakeService(hostileSnapshot())),
};

/** The confirmation in the dark palette. */
export const Dark: Story = {
  tags: ['!autodocs'],
  args: { theme: 'dark' },
};

const restServerError = restMock('force-close-500', {
  simulator: { changesPerSecond: 0 },
  faults: (f) => f.fail('forceClose', 'server-error'),
});

/** On the REST adapter, `POST …/force-close` answers 500: nothing changed, try again. */
export const RestServerError: Story = {
  tags: ['!autodocs'],
  name: 'REST: 500 server error',
  parameters: { ...restServerError.parameters, test: { shows: ['could not be closed.'] } },
  render: (args: DialogArgs = {}) => {
    const c = restServerError.find(
      (c) => c.status === 'active' && c.channel !== 'record' && c.representativeId !== 'sup-1',
    );
    return forceClose(
      { ...args, conversationId: c?.id ?? '' },
      restServerError.service(),
      async (d) => {
        await confirm(d);
        await shows(d, 'could not be closed.');
      },
    );
  },
};
