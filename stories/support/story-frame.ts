/**
 * `<sc-story-frame>`: the box every story renders its element in. It provides the story's
 * `SupervisorService` through `supervisorServiceContext` (as `<supervisor-console>` does), owns the
 * story's backend (disposed when the frame leaves the page, or when Storybook re-renders the story
 * with other args), forces a theme when asked, and runs the story's setup (open a dialog, pick a
 * representative, answer the command…) once the frame is on the page. `ready` settles when the setup
 * is done, so the test harness reaches exactly the state Storybook shows.
 */
import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { supervisorServiceContext } from '../../src/context/supervisor-context.js';
import type { StoryBackend } from './backends.js';

/** A story's setup, run once the frame and its element are on the page. */
export type StorySetup = (frame: StoryFrame) => Promise<void> | void;

export class StoryFrame extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color-scheme: var(--sc-color-scheme, light);
    }
    :host([theme='light']) {
      --sc-color-scheme: light;
      color-scheme: light;
    }
    :host([theme='dark']) {
      --sc-color-scheme: dark;
      color-scheme: dark;
      background: #111316;
      color: #e8eaed;
      padding: 1rem;
      border-radius: 8px;
    }
  `;

  /** The story's backend: its service is provided to the elements inside. */
  @property({ attribute: false }) backend?: StoryBackend;

  /** Forces light or dark (dark also paints a dark page behind the element). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Runs once the frame is on the page (again when the backend is replaced). */
  @property({ attribute: false }) setup?: StorySetup;

  private readonly provider = new ContextProvider(this, { context: supervisorServiceContext });
  private owned?: StoryBackend;
  private setupRun?: Promise<void>;
  private disposeTimer?: ReturnType<typeof setTimeout>;

  /** Settles when the backend's first data is in and the story's setup has run. */
  get ready(): Promise<void> {
    return this.updateComplete.then(() => this.setupRun ?? Promise.resolve());
  }

  /** The first element child of the frame (the element the story is about). */
  get subject(): HTMLElement | null {
    return this.firstElementChild as HTMLElement | null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.disposeTimer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A frame moved in the DOM is disconnected and connected in one task: dispose only when gone.
    this.disposeTimer = setTimeout(() => {
      if (!this.isConnected) this.release();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('backend') && this.backend !== this.owned) {
      this.release();
      this.owned = this.backend;
      this.provider.setValue(this.backend?.service);
      this.setupRun = undefined;
    }
  }

  protected override updated(): void {
    if (!this.setupRun && this.isConnected) {
      const setup = this.setup;
      const loaded = this.backend?.loaded() ?? Promise.resolve();
      this.setupRun = setup ? loaded.then(() => setup(this)) : loaded;
    }
  }

  private release(): void {
    this.owned?.dispose();
    this.owned = undefined;
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('sc-story-frame')) customElements.define('sc-story-frame', StoryFrame);

declare global {
  interface HTMLElementTagNameMap {
    'sc-story-frame': StoryFrame;
  }
}

/** Options of `frame()`. */
export interface FrameOptions {
  readonly theme?: 'light' | 'dark';
  readonly setup?: StorySetup;
}

/**
 * Wraps a story's element in `<sc-story-frame>` with its backend (none: the frame provides no
 * service), theme and setup.
 */
export function frame(
  backend: StoryBackend | undefined,
  content: TemplateResult,
  options: FrameOptions = {},
): TemplateResult {
  return html`<sc-story-frame
    .backend=${backend}
    .setup=${options.setup}
    theme=${ifDefined(options.theme)}
    >${content}</sc-story-frame
  >`;
}
