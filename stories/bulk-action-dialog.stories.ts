import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/bulk-action-dialog/bulk-action-dialog.define.js';
import '../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import type {
  BulkActionDialog,
  BulkDialogRequest,
} from '../src/components/bulk-action-dialog/bulk-action-dialog.js';
import type { BulkActionKind } from '../src/events/bulk-request.js';
import { failure, fakeService, until, type FakeBackend } from './support/backends.js';
import { IDS, hostileSnapshot, storySnapshot } from './support/data.js';
import { dialogParameters } from './support/dialog-story.js';
import { frame, type StoryFrame } from './support/story-frame.js';
import { rendered } from './support/steps.js';

/** The dialog's public properties the stories control. */
interface BulkArgs {
  /** The bulk action (`show({ action, conversationIds })`). */
  action?: BulkActionKind;
  /** The selected conversations. */
  conversationIds?: string[];
  /** Forces the light or dark palette for this story. */
  theme?: 'light' | 'dark';
  /** Provided by the story frame (context); not a control. */
  service?: never;
  /** Opened by the story's setup; not a control. */
  open?: never;
}

/** A mixed selection: a chat and a call that can be closed, a record that cannot, an SMS. */
const MIXED = [IDS.active, IDS.voice, IDS.record, IDS.waiting];

type Script = (dialog: BulkActionDialog, backend: FakeBackend) => Promise<void>;

/** The dialog and its opener on the hand-driven story backend; the setup opens it, then `script`. */
function bulk(
  args: BulkArgs,
  script?: Script,
  backend: FakeBackend = fakeService(),
): TemplateResult {
  const request: BulkDialogRequest = {
    action: args.action ?? 'force-close',
    conversationIds: args.conversationIds ?? MIXED,
  };
  const find = (from: Element) =>
    from.closest('sc-story-frame')!.querySelector<BulkActionDialog>('bulk-action-dialog')!;
  const setup = async (f: StoryFrame) => {
    const el = find(f.querySelector('button.opener')!);
    f.querySelector<HTMLButtonElement>('button.opener')?.focus();
    await until(() => el.service !== undefined, 'service on the dialog');
    await until(
      () => request.conversationIds.every((id) => el.service!.getConversation(id) !== undefined),
      'the selected conversations',
    );
    el.show(request);
    await rendered(el);
    await script?.(el, backend);
    await rendered(el);
  };
  return frame(
    backend,
    html`<bulk-action-dialog></bulk-action-dialog
      ><button
        type="button"
        class="opener"
        @click=${(e: Event) => find(e.currentTarget as Element).show(request)}
      >
        Bulk action…
      </button>`,
    { theme: args.theme, setup },
  );
}

/** Confirms the preview, then waits until `n` commands reached the backend. */
async function confirmAndWait(d: BulkActionDialog, b: FakeBackend, n: number): Promise<void> {
  void d.confirm();
  await until(() => b.adapter.received.length >= n, `${n} commands sent`);
  await rendered(d);
}

/** Runs the mixed force close: the chat closes, the call's backend cannot be reached. */
const partialFailure: Script = async (d, b) => {
  await confirmAndWait(d, b, 3);
  await b.answerNext({ ok: true });
  await b.answerNext(failure('unavailable'));
  await b.answerNext({ ok: true });
  await until(() => d.step === 'results', 'results');
};

const meta: Meta<BulkArgs> = {
  title: 'Elements/Bulk action dialog',
  component: 'bulk-action-dialog',
  parameters: dialogParameters,
  args: { action: 'force-close', conversationIds: MIXED, theme: undefined },
  argTypes: {
    service: { table: { disable: true } },
    open: { table: { disable: true } },
    action: { control: 'inline-radio', options: ['force-close', 'assign-queue'] },
    conversationIds: { control: 'object' },
    theme: {
      control: 'inline-radio',
      options: [undefined, 'light', 'dark'],
      table: { category: 'Story' },
    },
  },
  render: (args = {}) => bulk(args),
};
export default meta;

type Story = StoryObj<BulkArgs>;

/**
 * The preview of a mixed force close: every selected row with what will happen, the record refused
 * with the rule's reason, the totals, "This cannot be undone", and a confirm that says how many.
 */
export const PreviewMixed: Story = {
  parameters: {
    test: {
      shows: [
        '3 of 4 conversations will be closed; 1 is refused.',
        'Only voice and messaging conversations can be force-closed.',
        'Close 3 conversations',
      ],
    },
  },
};

/** Assign to a queue, step 1: choose the queue. */
export const AssignChooseQueue: Story = {
  tags: ['!autodocs'],
  args: { action: 'assign-queue', conversationIds: [IDS.open, IDS.openBilling, IDS.active] },
  parameters: { test: { shows: ['Choose a queue'] } },
};

/** Assign to a queue, step 2: the preview (an Active conversation is refused: only Open ones). */
export const AssignPreview: Story = {
  tags: ['!autodocs'],
  args: { action: 'assign-queue', conversationIds: [IDS.open, IDS.openBilling, IDS.active] },
  render: (args = {}) =>
    bulk(args, async (d) => {
      d.shadowRoot!.querySelector<HTMLInputElement>('input[name="queue"]')!.click();
      await rendered(d);
      d.preview();
    }),
  parameters: { test: { shows: ['Only Open conversations can be assigned.'] } },
};

/** Confirmed: the refused row ended at once, the others wait for the backend. */
export const Running: Story = {
  tags: ['!autodocs'],
  render: (args = {}) => bulk(args, async (d, b) => confirmAndWait(d, b, 3)),
  parameters: { test: { shows: ['1 of 4 done', 'Waiting…'] } },
};

/** The results with a partial failure: each row's outcome; "Try again" resends the failed row only. */
export const ResultsPartialFailure: Story = {
  render: (args = {}) => bulk(args, partialFailure),
  parameters: {
    test: {
      shows: [
        '2 of 4 conversations were closed; 1 failed; 1 was refused.',
        'The contact centre could not be reached.',
        'Try again',
      ],
    },
  },
};

/** The same results in the dark theme. */
export const ResultsDark: Story = {
  tags: ['!autodocs'],
  args: { theme: 'dark' },
  render: (args = {}) => bulk(args, partialFailure),
  parameters: { test: { shows: ['1 failed'] } },
};

/** The preview in the dark theme. */
export const PreviewDark: Story = {
  tags: ['!autodocs'],
  args: { theme: 'dark' },
  parameters: { test: { shows: ['This cannot be undone.'] } },
};

/** Hostile customer names (markup, RTL override, zero-width…) in every row: shown as text. */
export const HostileStrings: Story = {
  tags: ['!autodocs'],
  render: (args = {}) => bulk(args, undefined, fakeService(hostileSnapshot())),
  parameters: { test: { shows: ['will be closed'] } },
};

/** Rows selected in the table (how a bulk action starts): checkboxes, selected rows, the bar. */
export const TableSelection: Story = {
  tags: ['!autodocs'],
  render: () => {
    const backend = fakeService(storySnapshot());
    return frame(
      backend,
      html`<ongoing-conversations-table
        selectable
        persist-key=""
        style="--sc-table-height: 26rem"
      ></ongoing-conversations-table>`,
      {
        setup: async (f) => {
          const table = f.querySelector('ongoing-conversations-table')!;
          await until(() => !!table.shadowRoot?.querySelector('input.select-row'), 'checkboxes');
          table.selectedIds = MIXED.slice(0, 3);
          await rendered(table);
        },
      },
    );
  },
  parameters: { layout: 'padded', test: { shows: ['3 selected', 'Force close…'] } },
};
