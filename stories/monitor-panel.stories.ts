import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/monitor-panel/monitor-panel.define.js';
import {
  DEFAULT_MONITOR_NOTICE,
  type MonitorPanel,
} from '../src/components/monitor-panel/monitor-panel.js';
import {
  WHISPER_MAX_LENGTH,
  isMessagingChannel,
  type TranscriptMessage,
} from '../src/domain/index.js';
import {
  answered,
  failure,
  fakeService,
  simulatedService,
  until,
  type FakeBackend,
  type StoryBackend,
} from './support/backends.js';
import {
  IDS,
  OTHER_SUPERVISORS,
  SUPERVISOR,
  hostileSnapshot,
  hostileTranscript,
  storySnapshot,
  storyTranscript,
} from './support/data.js';
import { restMock } from './support/rest.js';
import { frame, type StoryFrame } from './support/story-frame.js';
import { rendered } from './support/steps.js';

/** The panel's public properties, plus the story theme. All optional. */
interface MonitorArgs {
  conversationId?: string | null;
  notice?: string;
  noClose?: boolean;
  theme?: 'light' | 'dark';
  /** Provided by the story frame (context); not a control. */
  service?: never;
}

type Script = (panel: MonitorPanel, backend: FakeBackend) => Promise<void>;

function panel(
  args: MonitorArgs,
  backend: StoryBackend,
  setup?: (panel: MonitorPanel) => Promise<void>,
  slot?: TemplateResult,
): TemplateResult {
  return frame(
    backend,
    html`<monitor-panel
      conversation-id=${ifDefined(args.conversationId ?? undefined)}
      notice=${args.notice ?? DEFAULT_MONITOR_NOTICE}
      ?no-close=${args.noClose ?? false}
      style="max-width: 46rem"
      >${slot ?? nothing}</monitor-panel
    >`,
    {
      theme: args.theme,
      setup: setup && ((f: StoryFrame) => setup(f.querySelector('monitor-panel')!)),
    },
  );
}

/** A render function: the story centre on the hand-driven backend, then `script`. */
function scripted(script?: Script, snapshot = storySnapshot) {
  return (args: MonitorArgs = {}) => {
    const backend = fakeService(snapshot());
    return panel(args, backend, script && ((p) => script(p, backend)));
  };
}

/** The backend confirms monitoring: the supervisor now watches the conversation silently. */
async function monitoring(p: MonitorPanel, b: FakeBackend): Promise<void> {
  const id = p.conversationId!;
  await b.answerNext(answered(b, id, { monitoredBy: [SUPERVISOR.id] }));
  await rendered(p);
}

/** …and the transcript so far arrives. */
async function withTranscript(p: MonitorPanel, b: FakeBackend): Promise<void> {
  await monitoring(p, b);
  (await b.transcript(p.conversationId!)).next({
    type: 'snapshot',
    messages: storyTranscript(p.conversationId!),
  });
  await rendered(p);
}

const meta: Meta<MonitorArgs> = {
  title: 'Elements/Monitor panel',
  component: 'monitor-panel',
  args: {
    conversationId: IDS.active,
    notice: DEFAULT_MONITOR_NOTICE,
    noClose: false,
    theme: undefined,
  },
  argTypes: {
    service: { table: { disable: true } },
    notice: { control: 'text' },
    noClose: { control: 'boolean' },
    conversationId: { control: 'select', options: [null, ...Object.values(IDS)] },
    theme: {
      control: 'inline-radio',
      options: [undefined, 'light', 'dark'],
      table: { category: 'Story' },
    },
  },
  render: scripted(withTranscript),
};
export default meta;

type Story = StoryObj<MonitorArgs>;

/** Monitoring silently: header with live timers, transcript, sentiment chart, the notice. */
export const Monitoring: Story = {
  parameters: { test: { shows: ['Monitoring silently', 'Great, thank you so much!'] } },
};

/** On the simulated centre: messages arrive live every few seconds. */
export const Live: Story = {
  render: (args: MonitorArgs = {}) => {
    const backend = simulatedService({ changesPerSecond: 0, transcriptIntervalMs: [1500, 4000] });
    const c = backend.simulator
      .conversations()
      .find(
        (c) =>
          c.status === 'active' &&
          isMessagingChannel(c.channel) &&
          c.representativeId !== SUPERVISOR.id,
      );
    return panel({ ...args, conversationId: c?.id ?? null }, backend);
  },
  parameters: { test: { shows: ['Monitoring silently'] } },
};

/** No conversation chosen: the empty state. */
export const Empty: Story = {
  args: { conversationId: null },
  render: scripted(),
  parameters: { test: { shows: ['Choose Monitor on a conversation'] } },
};

/** The monitor command is on its way. */
export const Starting: Story = {
  render: scripted(),
};

/** Monitoring started; the transcript has not arrived yet. */
export const TranscriptLoading: Story = {
  render: scripted(monitoring),
};

/** The supervisor scrolled up while new messages came: "N new messages" takes them down. */
export const NewMessages: Story = {
  render: scripted(async (p, b) => {
    await withTranscript(p, b);
    const scroller = p.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await rendered(p);
    const stream = await b.transcript(p.conversationId!);
    const now = Date.now();
    [
      'Actually, one more thing…',
      'Can I change the delivery address?',
      'It is 12 Elm Street.',
    ].forEach((text, i) =>
      stream.next({
        type: 'message',
        message: {
          id: `new-${i}`,
          conversationId: p.conversationId!,
          at: now + i,
          author: 'customer',
          authorName: 'Alice Andersson',
          text,
          sentiment: 'neutral',
        },
      }),
    );
    await rendered(p);
  }),
  parameters: { test: { shows: ['3 new messages'] } },
};

/** Joining: the join command is on its way. */
export const Joining: Story = {
  render: scripted(async (p, b) => {
    await withTranscript(p, b);
    void p.join();
    await rendered(p);
  }),
};

/** Joined: the supervisor is a visible participant; Leave ends that. */
export const Joined: Story = {
  render: scripted(async (p, b) => {
    await withTranscript(p, b);
    void p.join();
    await b.answerNext(
      answered(b, p.conversationId!, { monitoredBy: [SUPERVISOR.id], joinedBy: [SUPERVISOR.id] }),
    );
    (await b.transcript(p.conversationId!)).next({
      type: 'message',
      message: {
        id: 'joined',
        conversationId: p.conversationId!,
        at: Date.now(),
        author: 'system',
        authorName: '',
        text: 'Sam Supervisor joined the conversation.',
      },
    });
    await until(() => p.shadowRoot!.textContent!.includes('Leave'), 'Leave button');
    await rendered(p);
  }),
  parameters: { test: { shows: ['Leave'] } },
};

/** Joining failed: the role error, with the "Omnichannel API access" guidance. */
export const JoinFailed: Story = {
  render: scripted(async (p, b) => {
    await withTranscript(p, b);
    void p.join();
    await b.answerNext(failure('forbidden'));
    await until(() => p.shadowRoot!.textContent!.includes('Omnichannel API access'), 'error');
    await rendered(p);
  }),
  parameters: { test: { shows: ['"Omnichannel API access"'] } },
};

/** Monitoring failed: the backend could not be reached. */
export const MonitorFailed: Story = {
  render: scripted(async (p, b) => {
    await b.answerNext(failure('unavailable'));
    await until(() => p.shadowRoot!.textContent!.includes('could not be reached'), 'error');
    await rendered(p);
  }),
  parameters: { test: { shows: ['could not be reached'] } },
};

/** Refused: the conversation is assigned to the supervisor themself. */
export const RefusedOwnConversation: Story = {
  render: scripted(undefined, () =>
    storySnapshot({ patch: { [IDS.active]: { representativeId: SUPERVISOR.id } } }),
  ),
  parameters: { test: { shows: ['You cannot monitor a conversation assigned to you.'] } },
};

/** Refused: an Open conversation (only Active or Wrap-up ones can be monitored). */
export const RefusedOpenConversation: Story = {
  args: { conversationId: IDS.open },
  render: scripted(),
  parameters: { test: { shows: ['Only Active or Wrap-up conversations can be monitored.'] } },
};

/** The transcript stream dropped and is reconnecting. */
export const TranscriptReconnecting: Story = {
  render: scripted(async (p, b) => {
    await withTranscript(p, b);
    (await b.transcript(p.conversationId!)).next({ type: 'status', status: 'reconnecting' });
    await rendered(p);
  }),
};

/** The transcript stream is offline. */
export const TranscriptOffline: Story = {
  render: scripted(async (p, b) => {
    await withTranscript(p, b);
    (await b.transcript(p.conversationId!)).next({
      type: 'status',
      status: 'offline',
      message: 'The transcript is not available right now.',
    });
    await rendered(p);
  }),
  parameters: { test: { shows: ['The transcript is not available right now.'] } },
};

/** A case record in wrap-up: records can be monitored too. */
export const RecordInWrapUp: Story = {
  args: { conversationId: IDS.record },
  render: scripted(withTranscript),
};

/** The host's own responsible-use notice, in the `notice` slot. */
export const CustomNotice: Story = {
  render: (args: MonitorArgs = {}) => {
    const backend = fakeService();
    return panel(
      args,
      backend,
      (p) => withTranscript(p, backend),
      html`<p slot="notice">
        Contoso policy: conversations may be monitored for quality and training.
        <a href="#policy">Read the policy</a>.
      </p>`,
    );
  },
  parameters: { test: { shows: ['Contoso policy'] } },
};

/** No notice (`notice=""`) and no Close button (`no-close`), as a host that places the panel itself. */
export const NoNoticeNoClose: Story = {
  args: { notice: '', noClose: true },
};

/** Hostile strings in names and messages (markup, `javascript:` URL, RTL override, zero-width, emoji, very long): shown as text. */
export const HostileStrings: Story = {
  render: (args: MonitorArgs = {}) => {
    const backend = fakeService(hostileSnapshot());
    return panel(args, backend, async (p) => {
      await monitoring(p, backend);
      (await backend.transcript(p.conversationId!)).next({
        type: 'snapshot',
        messages: hostileTranscript(p.conversationId!),
      });
      await rendered(p);
    });
  },
};

/** Monitoring, in the dark palette. */
export const Dark: Story = {
  args: { theme: 'dark' },
};

// ----- who else is here, whisper (#11) -----------------------------------------------------------

/** The story centre with Priya Lead joined (she assigned it 2 minutes ago) and Marcus Floor watching. */
function withOthers() {
  return storySnapshot({
    patch: {
      [IDS.active]: {
        joinedBy: [OTHER_SUPERVISORS.priya.id],
        monitoredBy: [OTHER_SUPERVISORS.marcus.id],
        lastChange: {
          by: { type: 'supervisor', id: OTHER_SUPERVISORS.priya.id },
          action: 'assign',
          at: Date.now() - 2 * 60_000 - 5_000,
        },
      },
    },
  });
}

/** Monitoring confirmed (keeping the others), and the transcript so far. */
async function watchingWithOthers(p: MonitorPanel, b: FakeBackend): Promise<void> {
  const id = p.conversationId!;
  const c = b.service.state.conversations.get(id)!;
  await b.answerNext(answered(b, id, { monitoredBy: [...c.monitoredBy, SUPERVISOR.id] }));
  (await b.transcript(id)).next({ type: 'snapshot', messages: storyTranscript(id) });
  await rendered(p);
}

/** A whisper as the backend sends it: from the supervisor, for representatives only. */
function whisperMessage(conversationId: string, text: string): TranscriptMessage {
  return {
    id: `whisper-${text.length}`,
    conversationId,
    at: Date.now(),
    author: 'supervisor',
    authorName: SUPERVISOR.name,
    text,
    visibility: 'representatives',
  };
}

/** Types into the whisper composer as the supervisor would. */
async function draft(p: MonitorPanel, text: string): Promise<void> {
  await until(() => !!p.shadowRoot!.querySelector('#whisper-text'), 'whisper composer');
  const area = p.shadowRoot!.querySelector<HTMLTextAreaElement>('#whisper-text')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await rendered(p);
}

/** Who else is here (joined, monitoring, who acted last), a whisper in the transcript, the composer. */
export const WhoElseAndWhisper: Story = {
  render: scripted(async (p, b) => {
    await watchingWithOthers(p, b);
    (await b.transcript(p.conversationId!)).next({
      type: 'message',
      message: whisperMessage(p.conversationId!, 'Offer the replacement with express shipping.'),
    });
    await draft(p, 'She may also want the invoice re-sent.');
  }, withOthers),
  parameters: {
    test: {
      shows: [
        'Who else is here',
        'Priya Lead assigned it 2 minutes ago.',
        'Marcus Floor',
        'Whisper — only the representative sees this',
        'Send whisper',
      ],
    },
  },
};

/** Who else is here and a whisper, in the dark palette. */
export const WhoElseAndWhisperDark: Story = {
  ...WhoElseAndWhisper,
  args: { theme: 'dark' },
};

/** The whisper is on its way: Sending…, the text read-only until the backend answers. */
export const WhisperSending: Story = {
  render: scripted(async (p, b) => {
    await watchingWithOthers(p, b);
    await draft(p, 'Ask for the order number first.');
    void p.whisper();
    await rendered(p);
  }, withOthers),
  parameters: { test: { shows: ['Sending…'] } },
};

/** The whisper failed: the reason, and the text is still in the composer. */
export const WhisperFailed: Story = {
  render: scripted(async (p, b) => {
    await watchingWithOthers(p, b);
    await draft(p, 'Ask for the order number first.');
    void p.whisper();
    await b.answerNext(failure('unavailable'));
    await until(() => p.shadowRoot!.textContent!.includes('could not be reached'), 'error');
    await rendered(p);
  }),
  parameters: { test: { shows: ['could not be reached'] } },
};

/** Too long: the counter says by how much, and Send is disabled. */
export const WhisperTooLong: Story = {
  render: scripted(async (p, b) => {
    await watchingWithOthers(p, b);
    await draft(p, 'Please '.repeat(Math.ceil((WHISPER_MAX_LENGTH + 40) / 7)));
  }),
  parameters: { test: { shows: ['characters too many'] } },
};

/** No whisper on a chat escalated to video: the panel says why instead of the composer. */
export const WhisperRefused: Story = {
  args: { conversationId: IDS.escalated },
  render: scripted(watchingWithOthers),
  parameters: { test: { shows: ['whispering is for text conversations'] } },
};

const restLive = restMock('monitor-live', {
  simulator: { changesPerSecond: 0, transcriptIntervalMs: [1500, 4000] },
});

/** On the REST adapter (MSW mock): monitor over HTTP, the transcript streamed as Server-Sent Events. */
export const RestLive: Story = {
  tags: ['!autodocs'],
  name: 'REST: live transcript',
  parameters: { ...restLive.parameters, test: { shows: ['Monitoring silently'] } },
  render: (args: MonitorArgs = {}) => {
    const c = restLive.find(
      (c) =>
        c.status === 'active' &&
        isMessagingChannel(c.channel) &&
        c.representativeId !== SUPERVISOR.id,
    );
    return panel({ ...args, conversationId: c?.id ?? null }, restLive.service());
  },
};
