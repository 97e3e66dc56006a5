import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Subscription } from 'rxjs';
import type { TargetRef } from '../../adapters/backend-adapter.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  canTransfer,
  checkTransferTarget,
  transferCandidates,
  type Candidate,
  type Conversation,
  type RuleContext,
  type Verdict,
} from '../../domain/index.js';
import { TransferRequestEvent } from '../../events/transfer-request.js';
import { TransferResolvedEvent } from '../../events/transfer-resolved.js';
import { TransferredEvent } from '../../events/transferred.js';
import { sharedClock } from '../../internal/clock.js';
import { describeDuration, formatDuration } from '../../internal/format.js';
import type { CommandOutcome } from '../../service/outcomes.js';
import type { TransferTracking } from '../../service/state.js';
import type { SupervisorService } from '../../service/supervisor-service.js';
import { CommandDialog } from '../shared/command-dialog.js';
import {
  capacityText,
  queueName,
  renderConversationSummary,
  renderPresence,
} from '../shared/representative-parts.js';
import { transferDialogStyles } from './transfer-dialog.styles.js';

/** What was sent, kept to describe the transfer after the conversation changed. */
interface Committed {
  readonly conversationId: string;
  readonly targetId: string;
  readonly targetName: string;
  readonly fromName: string;
  readonly startedAt: number;
}

/**
 * Transfers an Active or Waiting messaging conversation (not escalated to voice or video) from its
 * representative to another human representative. Never to the current representative, never to or
 * from an AI agent. The dialog says that the current representative stays on as a consultant.
 *
 * After confirming, the transfer is pending until the target accepts or rejects it: the dialog shows
 * "Waiting for NAME" with the elapsed time, then the answer, live, without any refresh. The dialog may
 * be closed meanwhile (the console's pending-transfers list follows the transfer); it still fires
 * `sc-transfer-resolved` when the answer comes.
 *
 * A stale action (the backend answers that the conversation changed since the supervisor looked) is
 * explained as "NAME changed this conversation since you looked" with the list of what changed, and
 * never sent again by itself: "Review the current conversation" goes back to the choice with the
 * conversation as it is now.
 *
 * @tagname transfer-dialog
 * @summary Transfer a messaging conversation to another human representative and follow the answer.
 *
 * @fires {TransferRequestEvent} sc-transfer-request - Before the service is called; cancelable.
 * @fires {TransferredEvent} sc-transferred - When the backend took the transfer; it now waits for the target's answer.
 * @fires {TransferResolvedEvent} sc-transfer-resolved - When the target accepted or rejected a transfer this dialog requested (even if closed meanwhile).
 * @fires {CommandFailedEvent} sc-command-failed - When the transfer was refused or failed; `detail.message` is the explanation shown.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart header - The title row.
 * @csspart title - The title (it labels the dialog).
 * @csspart close-button - The × button.
 * @csspart body - The scrolling content.
 * @csspart summary - The conversation's one-line summary.
 * @csspart options - The list of representatives.
 * @csspart option - One representative.
 * @csspart status - The pending, waiting and outcome messages.
 * @csspart conflict - A stale action's explanation: who changed the conversation since you looked and what changed.
 * @csspart footer - The action row.
 *
 * @cssprop [--sc-dialog-width=36rem] - The dialog's width (narrower on small screens).
 * @cssprop [--sc-dialog-max-height=44rem] - The dialog's maximum height.
 * @cssprop [--sc-dialog-list-height=17rem] - Height of the scrolling list of representatives.
 * @cssprop [--sc-dialog-backdrop=rgb(15 20 25 / 0.45)] - The backdrop behind the modal dialog.
 */
export class TransferDialog extends CommandDialog {
  static override styles = [...CommandDialog.styles, transferDialogStyles];

  /** How many representatives are listed before the supervisor is asked to narrow the search. */
  @property({ type: Number, attribute: 'list-limit' }) listLimit = 50;

  @state() private selectedId: string | null = null;
  @state() private search = '';
  @state() private committed: Committed | null = null;

  /** Transfers this supervisor asked for (followed while the dialog is connected, open or not). */
  private readonly transfersController = new ObservableController<readonly TransferTracking[]>(
    this,
    () => this.service?.transfers$,
  );
  /** A one-second tick while waiting for an answer (elapsed time). */
  private readonly clockController = new ObservableController<number>(this, () =>
    this.open && this.phase === 'succeeded' && (this.tracking?.outcome ?? 'pending') === 'pending'
      ? sharedClock()
      : undefined,
  );
  /** Conversations whose transfer this dialog requested, with when it started. */
  private readonly requested = new Map<string, number>();
  private outcomesSubscription: Subscription | null = null;
  private outcomesService: SupervisorService | undefined;

  protected get heading(): string {
    return msg('Transfer conversation');
  }

  protected override resetChoice(): void {
    this.selectedId = null;
    this.search = '';
    this.committed = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.followOutcomes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.outcomesSubscription?.unsubscribe();
    this.outcomesSubscription = null;
    this.outcomesService = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('service')) {
      this.transfersController.refresh();
      this.followOutcomes();
    }
    this.clockController.refresh();
  }

  /** Fires `sc-transfer-resolved` for transfers this dialog requested, open or closed. */
  private followOutcomes(): void {
    if (!this.isConnected || this.service === this.outcomesService) return;
    this.outcomesSubscription?.unsubscribe();
    this.outcomesService = this.service;
    this.outcomesSubscription =
      this.service?.outcomes$.subscribe((outcome) => {
        if (outcome.status !== 'accepted' && outcome.status !== 'rejected') return;
        const startedAt = this.requested.get(outcome.conversationId);
        if (startedAt === undefined) return;
        this.requested.delete(outcome.conversationId);
        this.dispatchEvent(
          new TransferResolvedEvent({
            conversationId: outcome.conversationId,
            outcome: outcome.status,
            toRepresentativeId: outcome.toRepresentativeId,
            at: outcome.at,
          }),
        );
      }) ?? null;
  }

  /** The transfer this dialog requested, as the service follows it. */
  private get tracking(): TransferTracking | undefined {
    const committed = this.committed;
    if (!committed || this.phase !== 'succeeded') return undefined;
    return this.transfersController.value?.find(
      (t) => t.conversationId === committed.conversationId && t.requestedAt >= committed.startedAt,
    );
  }

  private verdictFor(c: Conversation, ctx: RuleContext): Verdict {
    const rep = this.selectedId ? ctx.representatives.get(this.selectedId) : undefined;
    if (!rep) {
      return { allowed: false, reason: 'status', detail: msg('Choose a representative.') };
    }
    return checkTransferTarget(ctx, c, { type: 'representative', representative: rep });
  }

  // ----- rendering ------------------------------------------------------------------------------

  protected renderBody(): unknown {
    const c = this.knownConversation;
    const ctx = this.ruleContext;
    if (!this.service) return html`<p>${msg('No supervisor service is connected.')}</p>`;
    if (!ctx || !ctx.supervisorId) return html`<p>${msg('Loading the contact centre…')}</p>`;
    if (!c)
      return html`<p class="notice warning">
        ${msg('This conversation is not in the ongoing view.')}
      </p>`;
    const summary = renderConversationSummary(c, ctx.representatives, this.queues);
    if (this.phase !== 'choose') return summary;
    const current = this.conversation;
    if (!current) {
      return html`${summary}
        <p class="notice warning">
          ${msg('This conversation has left the ongoing view (it was closed). Nothing was transferred.')}
        </p>`;
    }
    const base = canTransfer(ctx, current);
    if (!base.allowed) {
      const pendingTo = current.pendingTransfer?.toRepresentativeId ?? null;
      return html`${summary}
        <p class="notice warning" role="alert">
          ${
            base.reason === 'transfer-pending' && pendingTo
              ? msg(str`A transfer to ${this.nameOf(pendingTo)} is already waiting for an answer.`)
              : base.detail
          }
        </p>`;
    }
    const from = this.nameOf(current.representativeId);
    return html`${summary}
      <p class="consultant">
        ${msg(
          html`<strong>${from}</strong> stays on the conversation as a consultant; the
            representative you choose becomes the primary once they accept.`,
        )}
      </p>
      ${this.renderRepresentatives(current, ctx)}`;
  }

  private renderRepresentatives(c: Conversation, ctx: RuleContext): TemplateResult {
    const all = transferCandidates(ctx, c);
    const needle = this.search.trim().toLocaleLowerCase();
    const matching = needle
      ? all.filter((x) => x.representative.name.toLocaleLowerCase().includes(needle))
      : all;
    let shown = matching.slice(0, Math.max(1, this.listLimit));
    const selected = matching.find((x) => x.representative.id === this.selectedId);
    if (selected && !shown.includes(selected)) shown = [...shown, selected];
    const hidden = matching.length - shown.length;
    return html`<fieldset>
      <legend>${msg('Transfer to')}</legend>
      <div class="search">
        <label for="search">${msg('Find')}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          placeholder=${msg('Name')}
          .value=${this.search}
          @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${
        shown.length === 0
          ? html`<p class="more">
              ${
                all.length === 0
                  ? msg('There is no other human representative.')
                  : msg(str`Nobody matches “${this.search}”.`)
              }
            </p>`
          : html`<ul class="options" part="options" aria-label=${msg('Representatives')}>
              ${repeat(
                shown,
                (x) => x.representative.id,
                (x, i) => this.renderCandidate(x, c, i === 0),
              )}
            </ul>`
      }
      ${
        hidden > 0
          ? html`<p class="more">${msg(str`${hidden} more; type a name to narrow the list.`)}</p>`
          : nothing
      }
      <p class="more">
        ${msg('Only people are offered: never the current representative, never an AI agent.')}
      </p>
    </fieldset>`;
  }

  private renderCandidate(x: Candidate, c: Conversation, first: boolean): TemplateResult {
    const rep = x.representative;
    const offline = rep.presence === 'offline';
    return html`<li>
      <label class="option" part="option" data-id=${rep.id}>
        <input
          type="radio"
          name="representative"
          value=${rep.id}
          .checked=${rep.id === this.selectedId}
          ?data-initial-focus=${first && this.selectedId === null}
          @change=${() => (this.selectedId = rep.id)}
        />
        <span class="name">${rep.name || rep.id}</span>
        ${x.suggested ? html`<span class="badge">${msg('Suggested')}</span>` : html`<span></span>`}
        <span class="meta">
          ${renderPresence(rep.presence)}
          <span>${capacityText(rep)}</span>
          ${x.inQueue ? html`<span>${msg(str`In ${queueName(this.queues, c.queueId)}`)}</span>` : nothing}
          ${offline ? html`<span class="why">${msg('Offline: may not answer')}</span>` : nothing}
        </span>
      </label>
    </li>`;
  }

  protected override renderStatus(): unknown {
    const committed = this.committed;
    if (this.phase === 'choose') {
      return this.vetoed
        ? html`<p class="notice warning">
            ${msg('The page stopped this transfer; nothing was sent.')}
          </p>`
        : nothing;
    }
    const to = committed?.targetName ?? msg('the representative');
    const from = committed?.fromName ?? msg('the current representative');
    if (this.phase === 'pending')
      return this.renderPending(msg(str`Sending the transfer to ${to}…`));
    if (this.phase === 'failed') {
      return html`<div class="notice error" part="status" role="alert">
        <p><strong>${msg(str`The transfer to ${to} failed.`)}</strong></p>
        ${this.outcome ? this.renderExplanation(this.outcome) : nothing}
      </div>`;
    }
    const tracking = this.tracking;
    if (!tracking || tracking.outcome === 'pending') {
      const elapsed = tracking ? Math.max(0, this.now() - tracking.requestedAt) : 0;
      return html`<div class="notice pending waiting" part="status">
        <span class="spinner" aria-hidden="true"></span>
        <p>
          ${msg(str`Waiting for ${to} to accept or reject the transfer…`)}
          <time class="elapsed" aria-hidden="true" title=${describeDuration(elapsed)}
            >${formatDuration(elapsed)}</time
          >
        </p>
      </div>`;
    }
    if (tracking.outcome === 'accepted') {
      return html`<div class="notice success" part="status">
        <p><strong>${msg(str`${to} accepted the transfer.`)}</strong></p>
        <p>${msg(str`${to} now handles the conversation; ${from} stays on as a consultant.`)}</p>
      </div>`;
    }
    return html`<div class="notice warning" part="status">
      <p><strong>${msg(str`${to} rejected the transfer.`)}</strong></p>
      <p>${msg(str`${from} remains the primary representative.`)}</p>
    </div>`;
  }

  private now(): number {
    // The tick value is the clock; fall back to the service's clock before the first tick.
    return this.service?.now() ?? this.clockController.value ?? Date.now();
  }

  protected renderActions(): unknown {
    const c = this.conversation;
    const ctx = this.ruleContext;
    let primary = msg('Transfer');
    let secondary: string | null = msg('Cancel');
    let disabled = false;
    let hint = '';
    switch (this.phase) {
      case 'choose': {
        const verdict = c && ctx ? this.verdictFor(c, ctx) : null;
        disabled = !verdict?.allowed;
        if (verdict && !verdict.allowed) hint = verdict.detail;
        if (c && ctx && !canTransfer(ctx, c).allowed) {
          hint = '';
          secondary = msg('Close');
        }
        break;
      }
      case 'pending':
        primary = msg('Transferring…');
        secondary = msg('Close');
        disabled = true;
        break;
      case 'succeeded': {
        const waiting = !this.tracking || this.tracking.outcome === 'pending';
        primary = waiting ? msg('Close') : msg('Done');
        secondary = null;
        hint = waiting ? msg('You can close this dialog: the transfer goes on.') : '';
        break;
      }
      case 'failed':
        primary = this.retryLabel;
        secondary = msg('Close');
        break;
    }
    return html`<p class="hint" id="hint">${hint}</p>
      ${
        secondary
          ? html`<button class="secondary" @click=${this.close}>${secondary}</button>`
          : nothing
      }
      <button
        class="primary"
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-describedby="hint"
        @click=${this.onPrimary}
      >
        ${primary}
      </button>`;
  }

  private onPrimary = (): void => {
    switch (this.phase) {
      case 'choose':
        void this.confirm();
        return;
      case 'succeeded':
        this.close();
        return;
      case 'failed':
        this.tryAgain();
        return;
      default:
        return;
    }
  };

  /** Confirms the chosen representative (as the Transfer button does). Resolves with the outcome. */
  async confirm(): Promise<CommandOutcome | undefined> {
    const c = this.conversation;
    const ctx = this.ruleContext;
    const service = this.service;
    if (!c || !ctx || !service || this.phase !== 'choose' || !this.selectedId) return undefined;
    if (!this.verdictFor(c, ctx).allowed) return undefined;
    const target: TargetRef = { type: 'representative', id: this.selectedId };
    const startedAt = service.now();
    this.committed = {
      conversationId: c.id,
      targetId: target.id,
      targetName: this.nameOf(target.id),
      fromName: this.nameOf(c.representativeId),
      startedAt,
    };
    this.requested.set(c.id, startedAt);
    const outcome = await this.runCommand(
      new TransferRequestEvent({ conversationId: c.id, conversation: c, target }),
      (s) => s.transfer(c.id, target),
      (o) => new TransferredEvent({ conversationId: c.id, target, outcome: o }),
    );
    if (outcome?.status !== 'succeeded') this.requested.delete(c.id);
    return outcome;
  }
}
