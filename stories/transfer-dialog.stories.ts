import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/transfer-dialog/transfer-dialog.define.js';
import type { TransferDialog } from '../src/components/transfer-dialog/transfer-dialog.js';
import {
  changed,
  failure,
  fakeService,
  type Connection,
  type FakeBackend,
  type StoryBackend,
} from './support/backends.js';
import { IDS, REPS, hostileSnapshot, storySnapshot } from './support/data.js';
import {
  dialogFrame,
  dialogParameters,
  storyArgTypes,
  type DialogArgs,
} from './support/dialog-story.js';
import { restMock } from './support/rest.js';
import { choose, chooseFirst, confirm, search, shows, vetoNext } from './support/steps.js';

type Script = (dialog: TransferDialog, backend: FakeBackend) => Promise<void>;

function transfer(
  args: DialogArgs,
  backend: StoryBackend,
  script?: (dialog: TransferDialog) => Promise<void>,
  openAtOnce = false,
) {
  return dialogFrame<TransferDialog>(
    args,
    backend,
    html`<transfer-dialog list-limit=${args.listLimit ?? 50}></transfer-dialog>`,
    { tag: 'transfer-dialog', opener: 'Transfer conversation…', script, openAtOnce },
  );
}

/** A render function: the story centre on the hand-driven backend, then `script`. */
function scripted(script?: Script, connection: Connection = 'live') {
  return (args: DialogArgs = {}) => {
    const backend = fakeService(storySnapshot({ fayUsed: args.fayUsed }), { connection });
    return transfer(args, backend, script && ((d) => script(d, backend)));
  };
}

/** Picks Omar, confirms; the backend takes the transfer; Omar has not answered yet. */
const sentToOmar: Script = async (d, b) => {
  await choose(d, REPS.omar);
  await confirm(d);
  await b.answerNext({ ok: true });
  await shows(d, 'Waiting for Omar Okafor to accept or reject the transfer…');
};

/** …then Omar answers. */
function answeredBy(outcome: 'accepted' | 'rejected'): Script {
  return async (d, b) => {
    await sentToOmar(d, b);
    if (outcome === 'accepted') {
      b.change(changed(b, IDS.active, { representativeId: REPS.omar, consultantIds: [REPS.hana] }));
    }
    b.change({
      type: 'transfer-resolved',
      conversationId: IDS.active,
      outcome,
      toRepresentativeId: REPS.omar,
      at: Date.now(),
    });
    await shows(d, `Omar Okafor ${outcome} the transfer.`);
  };
}

/** Picks Omar, confirms, and the backend answers with `kind`. */
function failsWith(kind: Parameters<typeof failure>[0]): Script {
  return async (d, b) => {
    await choose(d, REPS.omar);
    await confirm(d);
    await b.answerNext(failure(kind, kind === 'rate-limited' ? { retryAfterMs: 5000 } : {}));
    await shows(d, 'The transfer to Omar Okafor failed.');
  };
}

const meta: Meta<DialogArgs> = {
  title: 'Elements/Transfer dialog',
  component: 'transfer-dialog',
  parameters: dialogParameters,
  args: { conversationId: IDS.active, listLimit: 50, theme: undefined },
  argTypes: {
    ...storyArgTypes,
    fayUsed: { table: { disable: true } },
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

/** Step 1, choose: humans only, never the current representative; the consultant note. */
export const Choose: Story = {
  parameters: { test: { shows: ['stays on the conversation as a consultant', 'Only people'] } },
};

/** A representative chosen: Transfer enabled. */
export const RepresentativeChosen: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => choose(d, REPS.omar)),
};

/** An offline representative may be chosen, with a warning that they may not answer. */
export const OfflineRepresentativeChosen: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => choose(d, REPS.olly)),
  parameters: { test: { shows: ['Offline: may not answer'] } },
};

/** Searching by name narrows the list. */
export const SearchNoMatch: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => search(d, 'Zed')),
  parameters: { test: { shows: ['Nobody matches “Zed”.'] } },
};

/** Confirmed: sending the transfer to the backend. */
export const Pending: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await choose(d, REPS.omar);
    await confirm(d);
  }),
  parameters: { test: { shows: ['Sending the transfer to Omar Okafor…'] } },
};

/** The backend took it: waiting for Omar to accept or reject, with the time elapsed. */
export const WaitingForAnswer: Story = {
  tags: ['!autodocs'],
  render: scripted(sentToOmar),
  parameters: { test: { shows: ['You can close this dialog: the transfer goes on.'] } },
};

/** Omar accepted: he is now primary, Hana stays on as a consultant. */
export const Accepted: Story = {
  tags: ['!autodocs'],
  render: scripted(answeredBy('accepted')),
  parameters: { test: { shows: ['Hana Hughes stays on as a consultant.'] } },
};

/** Omar rejected: Hana remains the primary representative. */
export const Rejected: Story = {
  tags: ['!autodocs'],
  render: scripted(answeredBy('rejected')),
  parameters: { test: { shows: ['Hana Hughes remains the primary representative.'] } },
};

/** The host page vetoed `sc-transfer-request`: nothing was sent. */
export const VetoedByHost: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d) => {
    await choose(d, REPS.omar);
    vetoNext(d, 'sc-transfer-request');
    await confirm(d);
  }),
  parameters: { test: { shows: ['The page stopped this transfer; nothing was sent.'] } },
};

/** Error: the supervisor's role forbids it — with the "Omnichannel API access" guidance. */
export const ErrorRole: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('forbidden')),
  parameters: { test: { shows: ['"Omnichannel API access"'] } },
};

/** Error: the conversation changed meanwhile (stale-action refusal). */
export const ErrorConflict: Story = {
  tags: ['!autodocs'],
  render: scripted(failsWith('conflict')),
  parameters: { test: { shows: ['This conversation changed since you looked.'] } },
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

/** Not transferable: a voice call (only messaging conversations). */
export const NotTransferableVoice: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.voice },
  parameters: { test: { shows: ['Only messaging conversations'] } },
};

/** Not transferable: a chat escalated to video. */
export const NotTransferableEscalated: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.escalated },
  parameters: { test: { shows: ['escalated to video'] } },
};

/** Not transferable: handled by an AI agent. */
export const NotTransferableAiAgent: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.ai },
  parameters: { test: { shows: ['is an AI agent'] } },
};

/** Not transferable: an Open conversation nobody handles. */
export const NotTransferableOpen: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.open },
  parameters: { test: { shows: ['Only Active or Waiting conversations can be transferred.'] } },
};

/** A transfer (asked by another supervisor) is already waiting for an answer. */
export const AlreadyPending: Story = {
  tags: ['!autodocs'],
  args: { conversationId: IDS.transferring },
  parameters: { test: { shows: ['A transfer to Omar Okafor is already waiting for an answer.'] } },
};

/** While choosing, the conversation leaves the ongoing view. */
export const LeftTheView: Story = {
  tags: ['!autodocs'],
  render: scripted(async (d, b) => {
    b.change({ type: 'conversation-removed', id: IDS.active, version: 99 });
    await shows(d, 'has left the ongoing view');
  }),
};

/** The service has no data yet. */
export const Loading: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) =>
    transfer(args, fakeService(undefined, { connection: 'loading' }), undefined, true),
  parameters: { test: { shows: ['Loading the contact centre…'] } },
};

/** Hostile strings in every name (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  tags: ['!autodocs'],
  render: (args: DialogArgs = {}) => {
    const backend = fakeService(hostileSnapshot());
    return transfer(args, backend, async (d) => choose(d, REPS.omar));
  },
};

/** Waiting for the answer, in the dark palette. */
export const Dark: Story = {
  tags: ['!autodocs'],
  args: { theme: 'dark' },
  render: WaitingForAnswer.render,
};

const restConflict = restMock('transfer-409', {
  simulator: { changesPerSecond: 0 },
  faults: (f) => f.fail('transfer', 'conflict'),
});

/** On the REST adapter, `POST …/transfer` answers 409: someone changed the conversation meanwhile. */
export const RestConflict: Story = {
  tags: ['!autodocs'],
  name: 'REST: 409 conflict',
  parameters: {
    ...restConflict.parameters,
    test: { shows: ['since you looked.'] },
  },
  render: (args: DialogArgs = {}) => {
    const backend = restConflict.service();
    const humans = new Set(
      restConflict.simulator
        .representatives()
        .filter((r) => r.kind === 'human')
        .map((r) => r.id),
    );
    const c = restConflict.find(
      (c) =>
        (c.status === 'active' || c.status === 'waiting') &&
        c.channel !== 'voice' &&
        c.channel !== 'record' &&
        c.mode === 'text' &&
        c.pendingTransfer === null &&
        c.representativeId !== null &&
        humans.has(c.representativeId),
    );
    return transfer({ ...args, conversationId: c?.id ?? '' }, backend, async (d) => {
      await chooseFirst(d);
      await confirm(d);
      await shows(d, 'failed.');
    });
  },
};
