import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { canForceClose, channelLabel } from '../../domain/index.js';
import { ForceCloseRequestEvent } from '../../events/force-close-request.js';
import { ForceClosedEvent } from '../../events/force-closed.js';
import type { CommandOutcome } from '../../service/outcomes.js';
import { CommandDialog } from '../shared/command-dialog.js';
import { renderConversationSummary } from '../shared/representative-parts.js';
import { forceCloseDialogStyles } from './force-close-dialog.styles.js';

/**
 * Asks the supervisor to confirm force-closing a voice or messaging conversation. It names the
 * conversation, says that it cannot be undone and that the participants are told; confirming closes
 * it (its status becomes Closed). Cancel has the initial focus, so a stray Enter does no harm.
 *
 * A stale action (the backend answers that the conversation changed since the supervisor looked) is
 * explained as "NAME changed this conversation since you looked" with the list of what changed, and
 * never sent again by itself: "Review the current conversation" goes back to the choice with the
 * conversation as it is now.
 *
 * @tagname force-close-dialog
 * @summary Confirm, then force-close a voice or messaging conversation.
 *
 * @fires {ForceCloseRequestEvent} sc-force-close-request - Before the service is called; cancelable.
 * @fires {ForceClosedEvent} sc-force-closed - After the backend closed the conversation.
 * @fires {CommandFailedEvent} sc-command-failed - When force close was refused or failed; `detail.message` is the explanation shown.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart header - The title row.
 * @csspart title - The title (it labels the dialog).
 * @csspart close-button - The × button.
 * @csspart body - The content.
 * @csspart summary - The conversation's one-line summary.
 * @csspart status - The pending and outcome messages.
 * @csspart conflict - A stale action's explanation: who changed the conversation since you looked and what changed.
 * @csspart footer - The action row.
 *
 * @cssprop [--sc-dialog-width=36rem] - The dialog's width (narrower on small screens).
 * @cssprop [--sc-dialog-backdrop=rgb(15 20 25 / 0.45)] - The backdrop behind the modal dialog.
 * @cssprop --sc-color-danger - The confirm button and the warning's accent.
 */
export class ForceCloseDialog extends CommandDialog {
  static override styles = [...CommandDialog.styles, forceCloseDialogStyles];

  @state() private customer = '';

  protected get heading(): string {
    return msg('Force close conversation');
  }

  protected override resetChoice(): void {
    this.customer = '';
  }

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
          ${msg('This conversation has already left the ongoing view.')}
        </p>`;
    }
    const verdict = canForceClose(ctx, current);
    if (!verdict.allowed) {
      return html`${summary}
        <p class="notice warning" role="alert">${verdict.detail}</p>`;
    }
    const who = current.customerName || msg('this customer');
    const rep = current.representativeId ? this.nameOf(current.representativeId) : null;
    const channel = channelLabel(current.channel).toLowerCase();
    return html`${summary}
      <div class="notice danger-zone">
        <p class="question">
          <strong
            >${
              rep
                ? msg(str`End the ${channel} conversation with ${who} handled by ${rep}?`)
                : msg(str`End the ${channel} conversation with ${who}?`)
            }</strong
          >
        </p>
        <p>
          ${
            rep
              ? msg(
                  'The customer and the representative are told that the conversation was ended, and its status becomes Closed.',
                )
              : msg(
                  'The customer is told that the conversation was ended, and its status becomes Closed.',
                )
          }
        </p>
        <p><strong>${msg('This cannot be undone.')}</strong></p>
      </div>`;
  }

  protected override renderStatus(): unknown {
    const who = this.customer || msg('the customer');
    switch (this.phase) {
      case 'choose':
        return this.vetoed
          ? html`<p class="notice warning">
              ${msg('The page stopped this; the conversation stays open.')}
            </p>`
          : nothing;
      case 'pending':
        return this.renderPending(msg(str`Closing the conversation with ${who}…`));
      case 'succeeded':
        return html`<div class="notice success" part="status">
          <p>${msg(str`The conversation with ${who} was closed. Its participants were told.`)}</p>
        </div>`;
      case 'failed':
        return html`<div class="notice error" part="status" role="alert">
          <p><strong>${msg(str`The conversation with ${who} could not be closed.`)}</strong></p>
          ${this.outcome ? this.renderExplanation(this.outcome) : nothing}
        </div>`;
    }
  }

  protected renderActions(): unknown {
    const c = this.conversation;
    const ctx = this.ruleContext;
    const allowed = !!c && !!ctx && canForceClose(ctx, c).allowed;
    switch (this.phase) {
      case 'choose':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
            ${allowed ? msg('Cancel') : msg('Close')}
          </button>
          ${
            allowed
              ? html`<button class="danger primary-action" @click=${this.onConfirm}>
                  ${msg('Force close')}
                </button>`
              : nothing
          }`;
      case 'pending':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
            ${msg('Close')}
          </button>
          <button class="danger primary-action" aria-disabled="true">${msg('Closing…')}</button>`;
      case 'succeeded':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
          ${msg('Done')}
        </button>`;
      case 'failed':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
            ${msg('Close')}
          </button>
          <button class="danger primary-action" @click=${this.tryAgain}>
            ${this.retryLabel}
          </button>`;
    }
  }

  private onConfirm = (): void => {
    void this.confirm();
  };

  /** Force-closes the conversation (as the Force close button does). Resolves with the outcome. */
  async confirm(): Promise<CommandOutcome | undefined> {
    const c = this.conversation;
    const ctx = this.ruleContext;
    if (!c || !ctx || this.phase !== 'choose' || !canForceClose(ctx, c).allowed) return undefined;
    this.customer = c.customerName;
    return this.runCommand(
      new ForceCloseRequestEvent({ conversationId: c.id, conversation: c }),
      (s) => s.forceClose(c.id),
      (o) => new ForceClosedEvent({ conversationId: c.id, outcome: o }),
    );
  }
}
