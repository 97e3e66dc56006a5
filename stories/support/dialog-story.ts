/**
 * What the three dialog stories share: their args, the opener button next to the dialog (focus goes
 * back to it on close, and it opens the dialog again after Escape), and the setup that opens the
 * dialog on the story's conversation and then runs the story's steps.
 */
import { html, type TemplateResult } from 'lit';
import type { StoryBackend } from './backends.js';
import { frame, type StoryFrame, type StorySetup } from './story-frame.js';
import { openOn, rendered, type StepDialog } from './steps.js';

/** The dialogs' public properties the stories control, plus story data. */
export interface DialogArgs {
  /** The conversation the dialog opens on. */
  conversationId?: string;
  /** How many representatives are listed before asking to narrow the search (assign, transfer). */
  listLimit?: number;
  /** Forces the light or dark palette for this story (the toolbar sets it for all). */
  theme?: 'light' | 'dark';
  /** Story data: Fay Fischer's used capacity (of 6); the open chat costs 2 units. */
  fayUsed?: number;
  /** Provided by the story frame (context); not a control. */
  service?: never;
  /** Opened by the story's setup; not a control. */
  open?: never;
}

/** Story-only args: not the element's properties. */
export const storyArgTypes = {
  service: { table: { disable: true } },
  listLimit: { control: { type: 'number', min: 1 } },
  open: { table: { disable: true } },
  theme: {
    control: 'inline-radio',
    options: [undefined, 'light', 'dark'],
    table: { category: 'Story' },
  },
  fayUsed: { control: { type: 'number', min: 0, max: 12 }, table: { category: 'Story data' } },
} as const;

/**
 * Dialog stories render in their own iframe on the docs page: a modal dialog inline would make the
 * rest of the docs page inert.
 */
export const dialogParameters = {
  layout: 'centered',
  docs: { story: { inline: false, height: '44rem' } },
} as const;

/** A step run after the dialog opened on its conversation. */
export type DialogScript<D extends StepDialog> = (dialog: D, frame: StoryFrame) => Promise<void>;

/** Options of `dialogFrame`. */
export interface DialogFrameOptions<D extends StepDialog> {
  /** The dialog element's tag, to find it in the frame. */
  readonly tag: string;
  /** The opener button's text. */
  readonly opener: string;
  /** What to do once the dialog is open (pick, confirm, answer…). */
  readonly script?: DialogScript<D>;
  /** Open without waiting for the conversation (a service that never loads). */
  readonly openAtOnce?: boolean;
}

/** The dialog and its opener in a story frame; the setup opens the dialog and runs the script. */
export function dialogFrame<D extends StepDialog>(
  args: DialogArgs,
  backend: StoryBackend,
  dialog: TemplateResult,
  options: DialogFrameOptions<D>,
): TemplateResult {
  const id = args.conversationId ?? '';
  const find = (from: Element): D => {
    const el = from.closest('sc-story-frame')?.querySelector<D>(options.tag);
    if (!el) throw new Error(`Story setup: no <${options.tag}>`);
    return el;
  };
  const setup: StorySetup = async (f) => {
    const el = find(f.querySelector('button.opener') ?? f);
    f.querySelector<HTMLButtonElement>('button.opener')?.focus();
    if (options.openAtOnce) {
      el.show(id);
      await rendered(el);
    } else {
      await openOn(el, id);
    }
    await options.script?.(el, f);
  };
  return frame(
    backend,
    html`${dialog}<button
        type="button"
        class="opener"
        @click=${(e: Event) => find(e.currentTarget as Element).show(id)}
      >
        ${options.opener}
      </button>`,
    { theme: args.theme, setup },
  );
}
