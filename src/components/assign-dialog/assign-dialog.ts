import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TargetRef } from '../../adapters/backend-adapter.js';
import {
  assessAssignment,
  assignCandidates,
  canAssign,
  checkAssignTarget,
  costOf,
  presenceLabel,
  type AssignOverrides,
  type Candidate,
  type Conversation,
  type RuleContext,
  type Target,
  type Verdict,
} from '../../domain/index.js';
import { AssignRequestEvent } from '../../events/assign-request.js';
import { AssignedEvent } from '../../events/assigned.js';
import type { CommandOutcome } from '../../service/outcomes.js';
import { CommandDialog } from '../shared/command-dialog.js';
import {
  capacityText,
  queueName,
  renderConversationSummary,
  renderPresence,
  units,
} from '../shared/representative-parts.js';
import { assignDialogStyles } from './assign-dialog.styles.js';

/** What was sent, kept to describe the outcome after the conversation changed. */
interface Committed {
  readonly target: TargetRef;
  readonly name: string;
  readonly overrides: AssignOverrides;
  readonly excess: number;
}

/**
 * Assigns an Open, unassigned conversation to a human representative or to another queue.
 *
 * Representatives show their presence (icon and text), capacity used/total and what this conversation
 * costs; those who can take it without an override come first, the best few marked "Suggested"
 * (available, most spare capacity, member of the conversation's queue); the others say why they need
 * an override. "Override presence" and "Override capacity" appear only when the chosen representative
 * needs them; with a capacity override the dialog shows, live, by how many units the capacity is
 * exceeded. Everything is rechecked while the dialog is open: if someone else assigns the conversation
 * meanwhile, the dialog says so. Confirming shows the pending state, then the outcome; a role error is
 * explained with the "Omnichannel API access" guidance.
 *
 * A stale action (the backend answers that the conversation changed since the supervisor looked) is
 * explained as "NAME changed this conversation since you looked" with the list of what changed, and
 * never sent again by itself: "Review the current conversation" goes back to the choice with the
 * conversation as it is now.
 *
 * @tagname assign-dialog
 * @summary Assign an Open conversation to a representative (with presence/capacity overrides) or a queue.
 *
 * @fires {AssignRequestEvent} sc-assign-request - Before the service is called; cancelable (a veto keeps the dialog on its choice).
 * @fires {AssignedEvent} sc-assigned - After the backend confirmed the assignment.
 * @fires {CommandFailedEvent} sc-command-failed - When the assignment was refused or failed; `detail.message` is the explanation shown.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart header - The title row.
 * @csspart title - The title (it labels the dialog).
 * @csspart close-button - The × button.
 * @csspart body - The scrolling content.
 * @csspart summary - The conversation's one-line summary.
 * @csspart options - The list of representatives or queues.
 * @csspart option - One representative or queue choice.
 * @csspart overrides - The override checkboxes of the chosen representative.
 * @csspart excess - The live "Exceeds capacity by N units" note of a capacity override.
 * @csspart status - The pending and outcome messages.
 * @csspart conflict - A stale action's explanation: who changed the conversation since you looked and what changed.
 * @csspart footer - The action row.
 *
 * @cssprop [--sc-dialog-width=36rem] - The dialog's width (narrower on small screens).
 * @cssprop [--sc-dialog-max-height=44rem] - The dialog's maximum height.
 * @cssprop [--sc-dialog-list-height=17rem] - Height of the scrolling list of choices.
 * @cssprop [--sc-dialog-backdrop=rgb(15 20 25 / 0.45)] - The backdrop behind the modal dialog.
 * @cssprop --sc-color-accent - Primary buttons, the selected choice and focus rings (see the tokens).
 */
export class AssignDialog extends CommandDialog {
  static override styles = [...CommandDialog.styles, assignDialogStyles];

  /** How many representatives are listed before the supervisor is asked to narrow the search. */
  @property({ type: Number, attribute: 'list-limit' }) listLimit = 50;

  @state() private targetType: 'representative' | 'queue' = 'representative';
  @state() private selectedId: string | null = null;
  @state() private overridePresence = false;
  @state() private overrideCapacity = false;
  @state() private search = '';
  private committed: Committed | null = null;
  /** Was the conversation assignable when the supervisor started choosing? */
  private wasAssignable = false;

  protected get heading(): string {
    return msg('Assign conversation');
  }

  protected override resetChoice(): void {
    this.targetType = 'representative';
    this.selectedId = null;
    this.overridePresence = false;
    this.overrideCapacity = false;
    this.search = '';
    this.committed = null;
    this.wasAssignable = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const c = this.conversation;
    const ctx = this.ruleContext;
    if (c && ctx && this.phase === 'choose' && canAssign(ctx, c).allowed) this.wasAssignable = true;
  }

  private resolveTarget(ctx: RuleContext): Target | undefined {
    if (this.selectedId === null) return undefined;
    if (this.targetType === 'queue') {
      const queue = this.queues?.get(this.selectedId);
      return queue && { type: 'queue', queue };
    }
    const representative = ctx.representatives.get(this.selectedId);
    return representative && { type: 'representative', representative };
  }

  /** The overrides to send: only those the chosen representative needs. */
  private overridesFor(c: Conversation, target: Target | undefined): AssignOverrides {
    if (target?.type !== 'representative') return {};
    const a = assessAssignment(c, target.representative);
    return {
      ...(a.needsPresenceOverride && this.overridePresence ? { presence: true } : {}),
      ...(a.needsCapacityOverride && this.overrideCapacity ? { capacity: true } : {}),
    };
  }

  private verdictFor(c: Conversation, ctx: RuleContext): Verdict {
    const target = this.resolveTarget(ctx);
    if (!target) {
      return {
        allowed: false,
        reason: 'status',
        detail:
          this.targetType === 'queue'
            ? msg('Choose a queue.')
            : msg('Choose a representative or a queue.'),
      };
    }
    return checkAssignTarget(ctx, c, target, this.overridesFor(c, target));
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
          ${msg('This conversation has left the ongoing view (it was closed). Nothing was assigned.')}
        </p>`;
    }
    const base = canAssign(ctx, current);
    if (!base.allowed) {
      const byOther = this.wasAssignable && current.representativeId !== null;
      return html`${summary}
        <div class="notice warning" role="alert">
          ${
            byOther
              ? html`<p>
                    ${msg(
                      str`Someone else assigned this conversation meanwhile: it is now with ${this.nameOf(current.representativeId)}.`,
                    )}
                  </p>
                  <p>${msg('Nothing was changed by you.')}</p>`
              : html`<p>${base.detail}</p>`
          }
        </div>`;
    }
    return html`${summary} ${this.renderTargetType()}
    ${
      this.targetType === 'representative'
        ? this.renderRepresentatives(current, ctx)
        : this.renderQueues(current)
    }
    ${this.renderOverrides(current, ctx)}`;
  }

  private renderTargetType(): TemplateResult {
    const option = (value: 'representative' | 'queue', label: string) =>
      html`<label
        ><input
          type="radio"
          name="target-type"
          value=${value}
          .checked=${this.targetType === value}
          ?data-initial-focus=${this.targetType === value}
          @change=${() => this.chooseType(value)}
        />${label}</label
      >`;
    return html`<fieldset>
      <legend>${msg('Assign to')}</legend>
      <div class="segmented">
        ${option('representative', msg('A representative'))} ${option('queue', msg('A queue'))}
      </div>
    </fieldset>`;
  }

  private chooseType(type: 'representative' | 'queue'): void {
    if (type === this.targetType) return;
    this.targetType = type;
    this.selectedId = null;
    this.overridePresence = false;
    this.overrideCapacity = false;
  }

  private renderRepresentatives(c: Conversation, ctx: RuleContext): TemplateResult {
    const all = assignCandidates(ctx, c);
    const needle = this.search.trim().toLocaleLowerCase();
    const matching = needle
      ? all.filter((x) => x.representative.name.toLocaleLowerCase().includes(needle))
      : all;
    let shown = matching.slice(0, Math.max(1, this.listLimit));
    const selected = matching.find((x) => x.representative.id === this.selectedId);
    if (selected && !shown.includes(selected)) shown = [...shown, selected];
    const hidden = matching.length - shown.length;
    const cost = costOf(c);
    const aiCount = [...ctx.representatives.values()].filter((r) => r.kind !== 'human').length;
    return html`<fieldset>
      <legend>${msg('Representative')}</legend>
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
                  ? msg('There are no human representatives.')
                  : msg(str`Nobody matches “${this.search}”.`)
              }
            </p>`
          : html`<ul class="options" part="options" aria-label=${msg('Representatives')}>
              ${repeat(
                shown,
                (x) => x.representative.id,
                (x) => this.renderCandidate(x, cost, c),
              )}
            </ul>`
      }
      ${
        hidden > 0
          ? html`<p class="more">${msg(str`${hidden} more; type a name to narrow the list.`)}</p>`
          : nothing
      }
      <p class="more">
        ${msg(str`This conversation costs ${cost} capacity ${units(cost)}.`)}${
          aiCount > 0 ? ` ${msg('AI agents are not offered: assign to a person or a queue.')}` : ''
        }
      </p>
    </fieldset>`;
  }

  private renderCandidate(x: Candidate, cost: number, c: Conversation): TemplateResult {
    const rep = x.representative;
    const a = x.assessment;
    const why: string[] = [];
    if (a.needsPresenceOverride) {
      const presence = presenceLabel(rep.presence);
      why.push(msg(str`Not available (${presence}): needs a presence override`));
    }
    if (a.needsCapacityOverride) {
      why.push(
        msg(
          str`Would exceed capacity by ${a.capacityExcess} ${units(a.capacityExcess)}: needs a capacity override`,
        ),
      );
    }
    return html`<li>
      <label class="option" part="option" data-id=${rep.id}>
        <input
          type="radio"
          name="representative"
          value=${rep.id}
          .checked=${rep.id === this.selectedId}
          @change=${() => this.select(rep.id)}
        />
        <span class="name">${rep.name || rep.id}</span>
        ${x.suggested ? html`<span class="badge">${msg('Suggested')}</span>` : html`<span></span>`}
        <span class="meta">
          ${renderPresence(rep.presence)}
          <span>${msg(str`${capacityText(rep)}, this conversation +${cost}`)}</span>
          ${x.inQueue ? html`<span>${msg(str`In ${queueName(this.queues, c.queueId)}`)}</span>` : nothing}
          ${
            why.length > 0
              ? html`<span class="why">${why.join('; ')}</span>`
              : html`<span class="fits"
                  >${msg(str`Fits: ${x.spareAfter} ${units(x.spareAfter)} spare after`)}</span
                >`
          }
        </span>
      </label>
    </li>`;
  }

  private renderQueues(c: Conversation): TemplateResult {
    const queues = [...(this.queues?.values() ?? [])].filter((q) => q.id !== c.queueId);
    return html`<fieldset>
      <legend>${msg('Queue')}</legend>
      ${
        queues.length === 0
          ? html`<p class="more">${msg('There is no other queue.')}</p>`
          : html`<ul class="options" part="options" aria-label=${msg('Queues')}>
              ${repeat(
                queues,
                (q) => q.id,
                (q) =>
                  html`<li>
                    <label class="option" part="option" data-id=${q.id}>
                      <input
                        type="radio"
                        name="queue"
                        value=${q.id}
                        .checked=${q.id === this.selectedId}
                        @change=${() => this.select(q.id)}
                      />
                      <span class="name">${q.name || q.id}</span>
                      <span></span>
                    </label>
                  </li>`,
              )}
            </ul>`
      }
      <p class="more">
        ${msg(str`The current queue (${queueName(this.queues, c.queueId)}) is not offered.`)}
      </p>
    </fieldset>`;
  }

  private select(id: string): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.overridePresence = false;
    this.overrideCapacity = false;
  }

  private renderOverrides(c: Conversation, ctx: RuleContext): unknown {
    const target = this.resolveTarget(ctx);
    if (target?.type !== 'representative') return nothing;
    const rep = target.representative;
    const a = assessAssignment(c, rep);
    if (!a.needsPresenceOverride && !a.needsCapacityOverride) return nothing;
    const cost = costOf(c);
    return html`<fieldset class="checks" part="overrides">
      <legend>${msg(str`${rep.name} needs an override`)}</legend>
      ${
        a.needsPresenceOverride
          ? html`<label
              ><input
                type="checkbox"
                name="override-presence"
                .checked=${this.overridePresence}
                @change=${(e: Event) =>
                  (this.overridePresence = (e.target as HTMLInputElement).checked)}
              /><span
                >${msg(
                  str`Override presence: ${rep.name} is ${presenceLabel(rep.presence).toLowerCase()}`,
                )}</span
              ></label
            >`
          : nothing
      }
      ${
        a.needsCapacityOverride
          ? html`<label
                ><input
                  type="checkbox"
                  name="override-capacity"
                  .checked=${this.overrideCapacity}
                  @change=${(e: Event) =>
                    (this.overrideCapacity = (e.target as HTMLInputElement).checked)}
                /><span>${msg('Override capacity')}</span></label
              >
              <p class="excess" part="excess">
                ${msg(str`Exceeds capacity by ${a.capacityExcess} ${units(a.capacityExcess)}`)}
                <span class="excess-detail"
                  >${msg(
                    str`(${rep.capacity.used}/${rep.capacity.total} used + ${cost} for this conversation)`,
                  )}</span
                >
              </p>`
          : nothing
      }
    </fieldset>`;
  }

  protected override renderStatus(): unknown {
    if (this.phase === 'choose') {
      return this.vetoed
        ? html`<p class="notice warning">
            ${msg('The page stopped this assignment; nothing was sent.')}
          </p>`
        : nothing;
    }
    const name = this.committed?.name ?? msg('the target');
    if (this.phase === 'pending') return this.renderPending(msg(str`Assigning to ${name}…`));
    const outcome = this.outcome;
    if (this.phase === 'succeeded') {
      const excess = this.committed?.overrides.capacity ? this.committed.excess : 0;
      return html`<div class="notice success" part="status">
        <p>${msg(str`Assigned to ${name}.`)}</p>
        ${
          excess > 0
            ? html`<p>
                ${msg(str`${name}'s capacity is now exceeded by ${excess} ${units(excess)}.`)}
              </p>`
            : nothing
        }
      </div>`;
    }
    return html`<div class="notice error" part="status" role="alert">
      <p><strong>${msg(str`The assignment to ${name} failed.`)}</strong></p>
      ${outcome ? this.renderExplanation(outcome) : nothing}
    </div>`;
  }

  protected override explain(outcome: CommandOutcome): string {
    const text = super.explain(outcome);
    // A stale action with the backend's report already says who changed it and what changed.
    if (outcome.conflict) return text;
    const now = this.conversation;
    if (outcome.error?.kind === 'conflict' || outcome.error?.reason === 'already-assigned') {
      const holder = now?.representativeId ? this.nameOf(now.representativeId) : null;
      return holder && holder !== this.committed?.name
        ? `${msg(str`Someone else assigned this conversation meanwhile: it is now with ${holder}.`)} ${text}`
        : `${msg('Someone else changed this conversation meanwhile.')} ${text}`;
    }
    return text;
  }

  protected renderActions(): unknown {
    const c = this.conversation;
    const ctx = this.ruleContext;
    let primary = msg('Assign');
    let secondary: string | null = msg('Cancel');
    let disabled = false;
    let hint = '';
    switch (this.phase) {
      case 'choose': {
        const verdict = c && ctx ? this.verdictFor(c, ctx) : null;
        disabled = !verdict?.allowed;
        if (verdict && !verdict.allowed) hint = verdict.detail;
        if (c && ctx && !canAssign(ctx, c).allowed) {
          hint = '';
          secondary = msg('Close');
        }
        break;
      }
      case 'pending':
        primary = msg('Assigning…');
        secondary = msg('Close');
        disabled = true;
        break;
      case 'succeeded':
        primary = msg('Done');
        secondary = null;
        break;
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

  /** Confirms the current choice (as the Assign button does). Resolves with the outcome. */
  async confirm(): Promise<CommandOutcome | undefined> {
    const c = this.conversation;
    const ctx = this.ruleContext;
    if (!c || !ctx || this.phase !== 'choose') return undefined;
    const target = this.resolveTarget(ctx);
    if (!target || !this.verdictFor(c, ctx).allowed) return undefined;
    const overrides = this.overridesFor(c, target);
    const ref: TargetRef =
      target.type === 'queue'
        ? { type: 'queue', id: target.queue.id }
        : { type: 'representative', id: target.representative.id };
    const name =
      target.type === 'queue'
        ? msg(str`the ${target.queue.name || target.queue.id} queue`)
        : target.representative.name || target.representative.id;
    this.committed = {
      target: ref,
      name,
      overrides,
      excess:
        target.type === 'representative'
          ? assessAssignment(c, target.representative).capacityExcess
          : 0,
    };
    return this.runCommand(
      new AssignRequestEvent({ conversationId: c.id, conversation: c, target: ref, overrides }),
      (service) => service.assign(c.id, ref, overrides),
      (outcome) => new AssignedEvent({ conversationId: c.id, target: ref, overrides, outcome }),
    );
  }
}
