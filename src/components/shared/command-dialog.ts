/**
 * What the intervention dialogs share: a native modal `<dialog>` labelled by its title, opened with
 * `showModal()`, cancelled by Escape, giving focus back to its opener; the service from context; the
 * conversation followed live (so eligibility is rechecked while the dialog is open); and one command
 * path (cancelable request event → pending → succeeded or failed, with events and an explanation).
 * A stale action (a conflict: the conversation changed since the supervisor looked) is explained as
 * "changed by NAME" and what changed, and offers a review of the conversation as it is now; it is
 * never sent again blindly.
 */
import { consume } from '@lit/context';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  describeCommandError,
  type Conversation,
  type Queue,
  type RuleContext,
} from '../../domain/index.js';
import { CommandFailedEvent } from '../../events/command-failed.js';
import { describeConflict, type ConflictReport } from '../../service/conflict.js';
import type { CommandOutcome } from '../../service/outcomes.js';
import type { SupervisorService } from '../../service/supervisor-service.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { dialogStyles } from './dialog.styles.js';
import { closeIcon } from './icons.js';
import { deepActiveElement } from './focus.js';
import { ModalDialogController } from './modal-dialog-controller.js';
import { representativeName } from './representative-parts.js';

/** Where a dialog's command is: choosing, waiting for the backend, done, or failed. */
export type DialogPhase = 'choose' | 'pending' | 'succeeded' | 'failed';

/** Options of `show()`. */
export interface ShowOptions {
  /** Where focus goes back when the dialog closes. Default: the element focused when it opened. */
  readonly returnFocusTo?: HTMLElement | null;
}

/**
 * "Changed by NAME: here is what changed", then what to do (names are text, isolated in `<bdi>`).
 * When the data says nothing about what changed, the backend's own words follow the headline, so
 * nothing it said is lost.
 */
function renderConflict(report: ConflictReport, backendSays: string | null): TemplateResult {
  const name = report.changedBy?.name;
  return html`<div class="conflict" part="conflict">
    <p class="conflict-headline">
      ${
        name
          ? msg(html`<bdi>${name}</bdi> changed this conversation since you looked.`)
          : describeConflict(report)
      }
    </p>
    ${
      report.changes.length > 0
        ? html`<p class="conflict-lead">${msg('What changed:')}</p>
            <ul class="conflict-changes">
              ${report.changes.map((c) => html`<li data-field=${c.field}>${c.text}</li>`)}
            </ul>`
        : backendSays
          ? html`<p class="conflict-detail">${backendSays}</p>`
          : nothing
    }
    <p>
      ${msg(
        'Your action was not applied. Review the conversation as it is now, then choose again.',
      )}
    </p>
  </div>`;
}

/**
 * Base class of `<assign-dialog>`, `<transfer-dialog>` and `<force-close-dialog>`. Subclasses give the
 * title, the body and the footer actions; this class owns opening, closing, focus and the command's
 * life cycle.
 */
export abstract class CommandDialog extends LitElement {
  static override styles = [tokens, buttonStyles, dialogStyles];

  constructor() {
    super();
    // Every dialog re-renders in the new language when the locale changes.
    updateWhenLocaleChanges(this);
  }

  /** The data service. Provided by `<supervisor-console>` (context) or set by the host. */
  @consume({ context: supervisorServiceContext, subscribe: true })
  @property({ attribute: false })
  service?: SupervisorService;

  /** Whether the dialog is open. Prefer `show(conversationId)` and `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The conversation the dialog acts on. */
  @property({ attribute: 'conversation-id' }) conversationId: string | null = null;

  /** Where the dialog's command is. */
  @state() protected phase: DialogPhase = 'choose';
  /** The last command's final outcome (succeeded, failed or refused). */
  @state() protected outcome: CommandOutcome | null = null;
  /** The host vetoed the last request (`preventDefault()` on the `…-request` event). */
  @state() protected vetoed = false;
  /** The succeeded-event factory of the last command run (for a same-key retry). */
  private lastSucceeded: ((outcome: CommandOutcome) => Event) | null = null;

  @query('dialog') protected dialogElement!: HTMLDialogElement | null;

  /** The conversation as the supervisor sees it now (undefined when gone or not loaded). */
  protected readonly conversationController = new ObservableController<Conversation | undefined>(
    this,
    () =>
      this.open && this.conversationId && this.service
        ? this.service.conversation$(this.conversationId)
        : undefined,
  );
  /** Settings, supervisor and representatives, for the domain rules. */
  protected readonly ruleContextController = new ObservableController<RuleContext>(this, () =>
    this.open ? this.service?.ruleContext$ : undefined,
  );
  protected readonly queuesController = new ObservableController<ReadonlyMap<string, Queue>>(
    this,
    () => (this.open ? this.service?.queues$ : undefined),
  );

  private readonly modal = new ModalDialogController(
    this,
    () => this.dialogElement,
    () => this.phase,
  );
  private lastSeen: Conversation | undefined;
  private commandToken = 0;

  /** The dialog's title (it labels the dialog). */
  protected abstract get heading(): string;
  /** The body for the current phase. */
  protected abstract renderBody(): unknown;
  /** Pending and outcome messages: rendered inside a polite live region. */
  protected renderStatus(): unknown {
    return null;
  }
  /** The footer's buttons for the current phase. */
  protected abstract renderActions(): unknown;
  /** Clears the supervisor's choice when the dialog opens on a conversation. */
  protected resetChoice(): void {}

  /** Opens the dialog on a conversation. */
  show(conversationId: string, options: ShowOptions = {}): void {
    this.modal.opener = options.returnFocusTo ?? deepActiveElement();
    if (conversationId !== this.conversationId) this.lastSeen = undefined;
    this.conversationId = conversationId;
    this.reset();
    this.open = true;
  }

  /** Closes the dialog (a pending command goes on; its outcome is still reported). */
  close(): void {
    this.open = false;
  }

  /** The conversation now, or `undefined` when it left the ongoing view. */
  protected get conversation(): Conversation | undefined {
    const c = this.conversationController.value;
    return c && c.id === this.conversationId ? c : undefined;
  }

  /** The conversation now, or as last seen (to keep naming it after it closed). */
  protected get knownConversation(): Conversation | undefined {
    return this.conversation ?? this.lastSeen;
  }

  protected get ruleContext(): RuleContext | undefined {
    return this.ruleContextController.value;
  }

  protected get queues(): ReadonlyMap<string, Queue> | undefined {
    return this.queuesController.value;
  }

  /** A representative's name by id. */
  protected nameOf(id: string | null, none = msg('nobody')): string {
    return representativeName(this.ruleContext?.representatives, id, none);
  }

  private reset(): void {
    this.commandToken += 1;
    this.phase = 'choose';
    this.outcome = null;
    this.vetoed = false;
    this.resetChoice();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service') || changed.has('open') || changed.has('conversationId')) {
      if (changed.has('conversationId')) this.lastSeen = undefined;
      this.conversationController.refresh();
      this.ruleContextController.refresh();
      this.queuesController.refresh();
    }
    if (changed.has('open') && this.open && changed.get('open') === false && !this.modal.opener) {
      // Opened by the attribute or property rather than by show() (the controller notes the opener).
      if (this.phase !== 'pending') this.reset();
    }
    const c = this.conversation;
    if (c) this.lastSeen = c;
  }

  /**
   * Runs a command: dispatches the cancelable request event (a veto stops here), shows the pending
   * state, then the outcome; dispatches the succeeded event or `sc-command-failed`.
   */
  protected async runCommand(
    request: Event | null,
    command: (service: SupervisorService) => Promise<CommandOutcome>,
    succeeded: (outcome: CommandOutcome) => Event,
  ): Promise<CommandOutcome | undefined> {
    const service = this.service;
    if (!service) return undefined;
    if (request) {
      this.dispatchEvent(request);
      if (request.defaultPrevented) {
        this.vetoed = true;
        return undefined;
      }
    }
    this.lastSucceeded = succeeded;
    const token = ++this.commandToken;
    this.vetoed = false;
    this.outcome = null;
    this.phase = 'pending';
    const outcome = await command(service);
    if (outcome.status === 'succeeded') {
      this.dispatchEvent(succeeded(outcome));
    } else {
      this.dispatchEvent(
        new CommandFailedEvent({
          conversationId: outcome.conversationId,
          outcome,
          message: this.explain(outcome),
        }),
      );
    }
    if (token === this.commandToken) {
      this.outcome = outcome;
      this.phase = outcome.status === 'succeeded' ? 'succeeded' : 'failed';
    }
    return outcome;
  }

  /**
   * The sentence that explains a failed outcome (role errors carry the reference guidance; a stale
   * action says who changed the conversation and what changed).
   */
  protected explain(outcome: CommandOutcome): string {
    if (outcome.conflict) {
      const changes = outcome.conflict.changes.map((c) => c.text);
      const backendSays = changes.length === 0 ? this.backendSays(outcome) : null;
      return [
        describeConflict(outcome.conflict),
        ...changes,
        ...(backendSays ? [backendSays] : []),
      ].join(' ');
    }
    if (!outcome.error) return msg('The command failed.');
    return describeCommandError(outcome.error);
  }

  /**
   * The explanation under a failure's headline: the sentence of `explain`, or for a stale action
   * "NAME changed this conversation since you looked", the list of what changed, and what to do.
   */
  protected renderExplanation(outcome: CommandOutcome): unknown {
    const conflict = outcome.conflict;
    if (!conflict) return html`<p>${this.explain(outcome)}</p>`;
    return renderConflict(
      conflict,
      conflict.changes.length === 0 ? this.backendSays(outcome) : null,
    );
  }

  /** The backend's own explanation of a failure, when it gave one beyond the standard sentence. */
  private backendSays(outcome: CommandOutcome): string | null {
    const error = outcome.error;
    if (!error?.message) return null;
    const text = describeCommandError(error);
    return text === describeCommandError({ ...error, message: '' }) ? null : text;
  }

  /** The failed phase's primary action: "Review the current conversation" after a stale action. */
  protected get retryLabel(): string {
    return this.outcome?.conflict ? msg('Review the current conversation') : msg('Try again');
  }

  /**
   * "Try again" after a failure. When the backend could not be reached or was busy, the command may
   * or may not have been applied: it is sent again exactly as it was, with the same idempotency key,
   * so it cannot be applied twice (the host already allowed it: no new request event). Any other
   * failure goes back to choosing, so the supervisor acts on the conversation as it is now.
   */
  protected tryAgain(): void {
    const outcome = this.outcome;
    const service = this.service;
    const succeeded = this.lastSucceeded;
    if (outcome && service && succeeded && service.canRetry(outcome)) {
      void this.runCommand(null, (s) => s.retry(outcome), succeeded);
    } else {
      this.backToChoice();
    }
  }

  /** Goes back to choosing after a failure or a veto. */
  protected backToChoice(): void {
    this.phase = 'choose';
    this.outcome = null;
    this.vetoed = false;
  }

  /** The pending notice: a spinner and a sentence. */
  protected renderPending(text: string): TemplateResult {
    return html`<div class="notice pending" part="status">
      <span class="spinner" aria-hidden="true"></span>
      <p>${text}</p>
    </div>`;
  }

  override render(): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.modal.onClose}>
      <div class="header" part="header">
        <h2 class="title" id="title" part="title">${this.heading}</h2>
        <button class="close" part="close-button" aria-label=${msg('Close')} @click=${this.close}>
          ${closeIcon}
        </button>
      </div>
      <div class="body" part="body">
        ${this.open ? this.renderBody() : null}
        <div class="status" role="status">${this.open ? this.renderStatus() : null}</div>
      </div>
      <div class="footer" part="footer">${this.open ? this.renderActions() : null}</div>
    </dialog>`;
  }
}
