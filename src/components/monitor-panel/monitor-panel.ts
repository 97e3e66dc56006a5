import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  WHISPER_MAX_LENGTH,
  canJoin,
  canLeave,
  canMonitor,
  canWhisper,
  channelLabel,
  checkWhisperText,
  describeCommandError,
  handleTime,
  sentimentLabel,
  sentimentScore,
  statusLabel,
  waitTime,
  type Conversation,
  type MessageAuthor,
  type Queue,
  type RuleContext,
  type Sentiment,
  type Supervisor,
  type TranscriptMessage,
  type Verdict,
  whoElseIsHere,
} from '../../domain/index.js';
import { CommandFailedEvent } from '../../events/command-failed.js';
import { JoinRequestEvent } from '../../events/join-request.js';
import { JoinedEvent } from '../../events/joined.js';
import { LeaveRequestEvent } from '../../events/leave-request.js';
import { LeftEvent } from '../../events/left.js';
import { MonitorCloseEvent } from '../../events/monitor-close.js';
import { WhisperRequestEvent } from '../../events/whisper-request.js';
import { WhisperSentEvent } from '../../events/whisper-sent.js';
import { sharedClock } from '../../internal/clock.js';
import {
  describeDuration,
  formatClock,
  formatCount,
  formatDuration,
} from '../../internal/format.js';
import type { CommandOutcome } from '../../service/outcomes.js';
import type { SupervisorService, TranscriptState } from '../../service/supervisor-service.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { channelIcon, closeIcon, sentimentIcon } from '../shared/icons.js';
import { queueName, representativeName } from '../shared/representative-parts.js';
import { monitorPanelStyles } from './monitor-panel.styles.js';
import { renderWhoElse } from './who-else-parts.js';

/**
 * The default responsible-use notice (a host sets its own with `notice` or the `notice` slot). This is
 * the English text; while `notice` holds it, the panel shows it in the active language.
 */
export const DEFAULT_MONITOR_NOTICE =
  'Monitoring is silent until you join. Use it responsibly: representatives and customers should be informed that conversations may be monitored.';

/** `DEFAULT_MONITOR_NOTICE` in the active language. */
function defaultMonitorNotice(): string {
  return msg(
    'Monitoring is silent until you join. Use it responsibly: representatives and customers should be informed that conversations may be monitored.',
  );
}

// Functions, so each label follows the active language.
const AUTHOR_LABELS: Record<MessageAuthor, () => string> = {
  customer: () => msg('Customer'),
  representative: () => msg('Representative'),
  bot: () => msg('Bot'),
  system: () => msg('System'),
  supervisor: () => msg('Supervisor'),
};

/** How close to the bottom (px) still counts as "at the end" for auto-scrolling. */
const STICKY_PX = 32;

/** Where the monitoring (or a join/leave command) is. */
type Activity = 'idle' | 'starting' | 'joining' | 'leaving';

/**
 * A live, read-only view of one conversation: a header (customer, channel, representative, queue,
 * status and live timers), the transcript (customer, representative, bot and system messages
 * appended live; it follows new messages unless the supervisor scrolled up, then offers "N new
 * messages"), the customer's sentiment over time as a small chart with a text alternative, and the
 * responsible-use notice.
 *
 * Setting `conversationId` starts silent monitoring (`service.monitor`) and opens the transcript
 * stream; clearing it, closing the panel or removing it stops monitoring (`service.unmonitor`) and
 * closes the stream. Join makes the supervisor a visible participant (the backend adds a system
 * message that says so); Leave ends that. Messages are rendered as text: nothing a customer types
 * becomes markup.
 *
 * "Who else is here" lists the other supervisors joined to or monitoring the conversation, and who
 * last acted on it ("Priya Lead assigned it 2 minutes ago"), live from the backend's change stream.
 * While monitoring an Active or Waiting messaging conversation handled by a person, the supervisor can
 * whisper: a private message only the representative sees, never the customer (Enter sends,
 * Shift+Enter starts a new line; at most `WHISPER_MAX_LENGTH` characters). It is offered only while
 * the "Supervisor Monitor" switch is on; when the rules refuse it, the panel says why instead. Whispers
 * show in the transcript marked "Whisper — only the representative sees this". A failed whisper keeps
 * its text in the composer.
 *
 * @tagname monitor-panel
 * @summary Watch one conversation live (transcript, sentiment, timers), then join or leave it.
 *
 * @slot notice - The responsible-use notice; replaces the `notice` property's text.
 * @slot empty - Shown when no conversation is being monitored.
 *
 * @fires {JoinRequestEvent} sc-join-request - Before joining; cancelable.
 * @fires {JoinedEvent} sc-joined - After the supervisor joined.
 * @fires {LeaveRequestEvent} sc-leave-request - Before leaving; cancelable.
 * @fires {LeftEvent} sc-left - After the supervisor left (monitoring goes on).
 * @fires {WhisperRequestEvent} sc-whisper-request - Before a whisper is sent; cancelable (a veto sends nothing and keeps the text).
 * @fires {WhisperSentEvent} sc-whisper-sent - After the backend accepted a whisper.
 * @fires {MonitorCloseEvent} sc-monitor-close - When the supervisor closes the panel; cancelable (a veto keeps monitoring).
 * @fires {CommandFailedEvent} sc-command-failed - When monitoring, joining, leaving or whispering was refused or failed.
 *
 * @csspart header - The conversation's header (who, where, timers, actions).
 * @csspart title - The customer's name.
 * @csspart facts - The list of facts (channel, representative, queue, status, timers).
 * @csspart actions - The Join/Leave and Close buttons.
 * @csspart who-else - The "Who else is here" list of other supervisors.
 * @csspart transcript - The scrolling transcript (a log).
 * @csspart message - One transcript message (a whisper also has the `whisper` class).
 * @csspart whisper - The whisper composer (or why whispering is not possible).
 * @csspart new-messages - The "N new messages" button shown after scrolling up.
 * @csspart sentiment - The sentiment chart and its caption.
 * @csspart notice - The responsible-use notice.
 * @csspart empty - The empty state (around the `empty` slot).
 *
 * @cssprop [--sc-monitor-transcript-height=22rem] - Height of the transcript.
 * @cssprop --sc-color-sentiment-positive - The chart's positive side.
 * @cssprop --sc-color-sentiment-negative - The chart's negative side.
 */
@localized()
export class MonitorPanel extends LitElement {
  static override styles = [tokens, buttonStyles, monitorPanelStyles];

  /** The data service. Provided by `<supervisor-console>` (context) or set by the host. */
  @consume({ context: supervisorServiceContext, subscribe: true })
  @property({ attribute: false })
  service?: SupervisorService;

  /** The conversation to monitor; `null` shows the empty state. */
  @property({ attribute: 'conversation-id' }) conversationId: string | null = null;

  /** The responsible-use notice (the `notice` slot replaces it). Empty hides it. */
  @property() notice = DEFAULT_MONITOR_NOTICE;

  /** Hides the Close button (for hosts that place the panel themselves). */
  @property({ type: Boolean, attribute: 'no-close' }) noClose = false;

  @state() private activity: Activity = 'idle';
  @state() private failure: string | null = null;
  @state() private refusal: string | null = null;
  /** Follow new messages (the supervisor has not scrolled up). */
  @state() private stick = true;
  /** How many messages the supervisor had seen when they scrolled up. */
  @state() private seenCount = 0;
  @state() private hasNoticeSlot = false;
  /** The whisper being written (kept when sending fails). */
  @state() private whisperDraft = '';
  @state() private whisperSending = false;
  /** Why the last whisper was not sent. */
  @state() private whisperError: string | null = null;

  @query('.scroller') private scroller!: HTMLElement | null;

  /** The conversation monitored now (we asked the service to monitor it). */
  private monitoring: string | null = null;
  private lastSeen: Conversation | undefined;
  private renderedMessages = 0;

  private readonly conversationController = new ObservableController<Conversation | undefined>(
    this,
    () =>
      this.conversationId && this.service
        ? this.service.conversation$(this.conversationId)
        : undefined,
  );
  private readonly ruleContextController = new ObservableController<RuleContext>(
    this,
    () => this.service?.ruleContext$,
  );
  private readonly queuesController = new ObservableController<ReadonlyMap<string, Queue>>(
    this,
    () => this.service?.queues$,
  );
  /** The centre's supervisors, to name who else is here. */
  private readonly supervisorsController = new ObservableController<
    ReadonlyMap<string, Supervisor>
  >(this, () => this.service?.supervisors$);
  /** The transcript: subscribed only while monitoring this conversation. */
  private readonly transcriptController = new ObservableController<TranscriptState>(this, () =>
    this.monitoring && this.service ? this.service.transcript$(this.monitoring) : undefined,
  );
  private readonly clockController = new ObservableController<number>(this, () =>
    this.conversationId ? sharedClock() : undefined,
  );

  private get conversation(): Conversation | undefined {
    const c = this.conversationController.value;
    return c && c.id === this.conversationId ? c : undefined;
  }

  /** Is the transcript stream open now? (For tests and hosts.) */
  get streaming(): boolean {
    return this.transcriptController.subscribed;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Monitoring starts again when the panel is put back into the page.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopMonitoring();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service') || changed.has('conversationId')) {
      if (this.monitoring && this.monitoring !== this.conversationId) this.stopMonitoring();
      if (changed.has('service') && this.monitoring) this.stopMonitoring();
      if (changed.has('conversationId')) {
        this.lastSeen = undefined;
        this.failure = null;
        this.refusal = null;
        this.stick = true;
        this.seenCount = 0;
        this.renderedMessages = 0;
        this.whisperDraft = '';
        this.whisperSending = false;
        this.whisperError = null;
      }
      this.conversationController.refresh();
      this.ruleContextController.refresh();
      this.queuesController.refresh();
      this.supervisorsController.refresh();
      this.clockController.refresh();
    }
    const c = this.conversation;
    if (c) this.lastSeen = c;
    this.maybeStartMonitoring();
  }

  /** Starts monitoring once the conversation and the rules are known. */
  private maybeStartMonitoring(): void {
    const service = this.service;
    const id = this.conversationId;
    if (!service || !id || this.monitoring === id || this.refusal || !this.isConnected) return;
    const c = this.conversation;
    const ctx = this.ruleContextController.value;
    if (!c || !ctx || !ctx.supervisorId) return;
    // Already monitoring it (e.g. from another panel): just show it.
    const verdict: Verdict = c.monitoredBy.includes(ctx.supervisorId)
      ? { allowed: true }
      : canMonitor(ctx, c);
    if (!verdict.allowed) {
      this.refusal = verdict.detail;
      return;
    }
    this.monitoring = id;
    this.transcriptController.refresh();
    if (c.monitoredBy.includes(ctx.supervisorId)) return;
    this.activity = 'starting';
    void service.monitor(id).then((outcome) => {
      if (this.monitoring !== id) return;
      this.activity = 'idle';
      if (outcome.status !== 'succeeded') {
        this.report(outcome);
        this.monitoring = null;
        this.refusal = this.failure;
        this.transcriptController.refresh();
      }
    });
  }

  private stopMonitoring(): void {
    const id = this.monitoring;
    if (!id) return;
    this.monitoring = null;
    this.activity = 'idle';
    this.transcriptController.refresh();
    const c = this.service?.getConversation(id);
    const me = this.service?.ruleContext.supervisorId;
    if (this.service && c && me && (c.monitoredBy.includes(me) || c.joinedBy.includes(me))) {
      void this.service.unmonitor(id);
    }
  }

  /** Closes the panel: stops monitoring and the transcript stream (unless a listener vetoes). */
  close(): void {
    const id = this.conversationId;
    if (!id) return;
    const event = new MonitorCloseEvent({ conversationId: id });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.stopMonitoring();
    this.conversationId = null;
  }

  private report(outcome: CommandOutcome): void {
    const message = outcome.error
      ? describeCommandError(outcome.error)
      : msg('The command failed.');
    this.failure = message;
    this.dispatchEvent(
      new CommandFailedEvent({ conversationId: outcome.conversationId, outcome, message }),
    );
  }

  /** Joins the monitored conversation as a visible participant. */
  async join(): Promise<CommandOutcome | undefined> {
    const service = this.service;
    const id = this.monitoring;
    if (!service || !id || this.activity !== 'idle') return undefined;
    const request = new JoinRequestEvent({ conversationId: id });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return undefined;
    this.failure = null;
    this.activity = 'joining';
    const outcome = await service.join(id);
    this.activity = 'idle';
    if (outcome.status === 'succeeded') {
      this.dispatchEvent(new JoinedEvent({ conversationId: id, outcome }));
    } else this.report(outcome);
    return outcome;
  }

  /** Leaves the conversation; monitoring goes on silently. */
  async leave(): Promise<CommandOutcome | undefined> {
    const service = this.service;
    const id = this.monitoring;
    if (!service || !id || this.activity !== 'idle') return undefined;
    const request = new LeaveRequestEvent({ conversationId: id });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return undefined;
    this.failure = null;
    this.activity = 'leaving';
    const outcome = await service.leave(id);
    this.activity = 'idle';
    if (outcome.status === 'succeeded') {
      this.dispatchEvent(new LeftEvent({ conversationId: id, outcome }));
    } else this.report(outcome);
    return outcome;
  }

  /**
   * Whispers to the representative (as the composer's Send does; the composer's text by default).
   * Checked by the rules first; the text stays in the composer unless the backend accepted it.
   */
  async whisper(text: string = this.whisperDraft): Promise<CommandOutcome | undefined> {
    const service = this.service;
    const id = this.monitoring;
    if (!service || !id || this.whisperSending) return undefined;
    const trimmed = text.trim();
    const check = checkWhisperText(trimmed);
    if (!check.allowed) {
      this.whisperError = check.detail;
      return undefined;
    }
    const request = new WhisperRequestEvent({ conversationId: id, text: trimmed });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return undefined;
    this.whisperError = null;
    this.whisperSending = true;
    const outcome = await service.whisper(id, trimmed);
    // The panel moved on to another conversation meanwhile: its composer is not this one's.
    if (this.monitoring !== id) return outcome;
    this.whisperSending = false;
    if (outcome.status === 'succeeded') {
      if (this.whisperDraft === text) this.whisperDraft = '';
      this.dispatchEvent(new WhisperSentEvent({ conversationId: id, text: trimmed, outcome }));
    } else {
      const message = outcome.error
        ? describeCommandError(outcome.error)
        : msg('The whisper could not be sent.');
      this.whisperError = message;
      this.dispatchEvent(new CommandFailedEvent({ conversationId: id, outcome, message }));
    }
    return outcome;
  }

  private onWhisperInput = (e: Event): void => {
    this.whisperDraft = (e.target as HTMLTextAreaElement).value;
  };

  private onWhisperKeydown = (e: KeyboardEvent): void => {
    // Enter sends; Shift+Enter is a new line; an input method's Enter confirms its text instead.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    void this.whisper();
  };

  private onWhisperSubmit = (e: Event): void => {
    e.preventDefault();
    void this.whisper();
  };

  // ----- transcript scrolling -------------------------------------------------------------------

  private get messageCount(): number {
    return this.transcriptController.value?.messages.length ?? 0;
  }

  /** Messages that arrived since the supervisor scrolled up. */
  private get unseen(): number {
    return this.stick ? 0 : Math.max(0, this.messageCount - this.seenCount);
  }

  private onScroll = (): void => {
    const el = this.scroller;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= STICKY_PX;
    if (atEnd || this.stick) this.seenCount = this.messageCount;
    this.stick = atEnd;
  };

  private scrollToEnd = (): void => {
    const el = this.scroller;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    this.stick = true;
    this.seenCount = this.messageCount;
    el.focus();
  };

  override updated(): void {
    const count = this.messageCount;
    if (count === this.renderedMessages) return;
    this.renderedMessages = count;
    const el = this.scroller;
    if (el && this.stick) el.scrollTop = el.scrollHeight;
  }

  // ----- rendering ------------------------------------------------------------------------------

  override render(): TemplateResult {
    if (!this.conversationId) {
      return html`<div class="empty" part="empty">
        <slot name="empty"
          ><p>${msg('Choose Monitor on a conversation to watch it here.')}</p></slot
        >
      </div>`;
    }
    const c = this.conversation ?? this.lastSeen;
    const ctx = this.ruleContextController.value;
    return html`<section class="panel" aria-labelledby="customer">
      ${this.renderHeader(c, ctx)} ${this.renderPresences(ctx)}
      ${
        this.refusal
          ? html`<p class="problem" role="alert">${this.refusal}</p>`
          : html`${
              this.failure ? html`<p class="problem" role="alert">${this.failure}</p>` : nothing
            }
            ${this.renderTranscript()} ${this.renderWhisper(ctx)} ${this.renderSentiment(c)}`
      }
      ${this.renderNotice()}
    </section>`;
  }

  /** "Who else is here", from the conversation as it is now (nothing once it has ended). */
  private renderPresences(ctx: RuleContext | undefined): unknown {
    const c = this.conversation;
    if (!c || !ctx) return nothing;
    const presences = whoElseIsHere(
      c,
      ctx.supervisorId,
      this.supervisorsController.value ?? new Map(),
    );
    const now = this.service?.now() ?? this.clockController.value ?? Date.now();
    return renderWhoElse(presences, now);
  }

  /**
   * The whisper composer while the rules allow a whisper; otherwise why not (nothing at all while the
   * "Supervisor Monitor" switch is off, or before monitoring has started).
   */
  private renderWhisper(ctx: RuleContext | undefined): unknown {
    const c = this.conversation;
    if (!c || !ctx || !this.monitoring || this.activity === 'starting') return nothing;
    if (!ctx.settings.monitor) return nothing;
    const verdict = canWhisper(ctx, c);
    if (!verdict.allowed && verdict.reason === 'switch-off') return nothing;
    const title = html`<h3 id="whisper-title" class="section-title">${msg('Whisper')}</h3>`;
    if (!verdict.allowed) {
      return html`<section class="whisper" part="whisper" aria-labelledby="whisper-title">
        ${title}
        <p class="whisper-refused">${verdict.detail}</p>
      </section>`;
    }
    const rep = representativeName(ctx.representatives, c.representativeId);
    const length = this.whisperDraft.trim().length;
    const over = length - WHISPER_MAX_LENGTH;
    const sending = this.whisperSending;
    const disabled = sending || length === 0 || over > 0;
    return html`<section class="whisper" part="whisper" aria-labelledby="whisper-title">
      ${title}
      <form class="composer" @submit=${this.onWhisperSubmit}>
        <label for="whisper-text">${msg(html`Message to <bdi>${rep}</bdi>`)}</label>
        <p id="whisper-hint" class="whisper-hint">
          ${msg(
            'Only the representative sees a whisper, never the customer. Enter sends; Shift+Enter starts a new line.',
          )}
        </p>
        <textarea
          id="whisper-text"
          rows="2"
          aria-describedby="whisper-hint whisper-count"
          aria-invalid=${over > 0 ? 'true' : 'false'}
          ?readonly=${sending}
          .value=${this.whisperDraft}
          @input=${this.onWhisperInput}
          @keydown=${this.onWhisperKeydown}
        ></textarea>
        <div class="composer-row">
          <span id="whisper-count" class="count ${over > 0 ? 'over' : ''}"
            >${
              over > 1
                ? msg(
                    str`${formatCount(over)} characters too many (at most ${formatCount(WHISPER_MAX_LENGTH)})`,
                  )
                : over === 1
                  ? msg(str`1 character too many (at most ${formatCount(WHISPER_MAX_LENGTH)})`)
                  : msg(
                      str`${formatCount(length)} of ${formatCount(WHISPER_MAX_LENGTH)} characters`,
                    )
            }</span
          >
          <button class="primary send" type="submit" aria-disabled=${disabled ? 'true' : 'false'}>
            ${sending ? msg('Sending…') : msg('Send whisper')}
          </button>
        </div>
        ${
          this.whisperError
            ? html`<p class="problem whisper-error" role="alert">${this.whisperError}</p>`
            : nothing
        }
      </form>
    </section>`;
  }

  private renderHeader(c: Conversation | undefined, ctx: RuleContext | undefined): TemplateResult {
    const name = c?.customerName || (c ? msg('Unnamed customer') : msg('Loading…'));
    const now = this.service?.now() ?? this.clockController.value ?? Date.now();
    const me = ctx?.supervisorId ?? '';
    const joined = !!c && c.joinedBy.includes(me);
    const closed = !this.conversation && !!this.lastSeen;
    const wait = c ? waitTime(c, now) : null;
    const handle = c ? handleTime(c, now) : null;
    return html`<header class="header" part="header">
      <div class="title-row">
        <h2 id="customer" class="title" part="title">${name}</h2>
        <div class="actions" part="actions">
          ${this.renderJoinLeave(c, ctx, joined)}
          ${
            this.noClose
              ? nothing
              : html`<button class="close" @click=${this.close} aria-label=${msg('Close monitor')}>
                  ${closeIcon}
                </button>`
          }
        </div>
      </div>
      <p class="mode ${joined ? 'joined' : 'silent'}" role="status">
        ${
          closed
            ? msg('The conversation has ended.')
            : this.refusal
              ? msg('Not monitoring.')
              : this.activity === 'starting'
                ? msg('Starting to monitor…')
                : joined
                  ? msg('You joined: the representative and the customer see you.')
                  : msg('Monitoring silently: nobody sees you.')
        }
      </p>
      ${
        c
          ? html`<dl class="facts" part="facts">
              <div>
                <dt>${msg('Channel')}</dt>
                <dd>
                  ${channelIcon(c.channel)}
                  ${channelLabel(c.channel)}${c.mode !== 'text' ? ` (${modeLabel(c.mode)})` : ''}
                </dd>
              </div>
              <div>
                <dt>${msg('Representative')}</dt>
                <dd>${representativeName(ctx?.representatives, c.representativeId)}</dd>
              </div>
              <div>
                <dt>${msg('Queue')}</dt>
                <dd>${queueName(this.queuesController.value, c.queueId)}</dd>
              </div>
              <div>
                <dt>${msg('Status')}</dt>
                <dd>${statusLabel(c.status)}</dd>
              </div>
              <div>
                <dt>${msg('Wait')}</dt>
                <dd>
                  <span class="timer" title=${describeDuration(wait)}>${formatDuration(wait)}</span>
                </dd>
              </div>
              <div>
                <dt>${msg('Handle')}</dt>
                <dd>
                  <span class="timer" title=${describeDuration(handle)}
                    >${formatDuration(handle)}</span
                  >
                </dd>
              </div>
            </dl>`
          : nothing
      }
    </header>`;
  }

  private renderJoinLeave(
    c: Conversation | undefined,
    ctx: RuleContext | undefined,
    joined: boolean,
  ): unknown {
    if (!c || !ctx || this.refusal || !this.monitoring) return nothing;
    const busy = this.activity !== 'idle';
    const verdict: Verdict = joined ? canLeave(ctx, c) : canJoin(ctx, c);
    // Switched off by the admin: not offered at all (a disabled Join would still offer it).
    if (!joined && !busy && !verdict.allowed && verdict.reason === 'switch-off') return nothing;
    const disabled = busy || !verdict.allowed;
    const label = joined
      ? this.activity === 'leaving'
        ? msg('Leaving…')
        : msg('Leave')
      : this.activity === 'joining'
        ? msg('Joining…')
        : msg('Join');
    const why = !busy && !verdict.allowed ? verdict.detail : '';
    return html`<button
        class=${joined ? 'leave' : 'join primary'}
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-describedby="join-why"
        title=${why}
        @click=${() => {
          if (!disabled) void (joined ? this.leave() : this.join());
        }}
      >
        ${label}
      </button>
      <span id="join-why" class="visually-hidden">${why}</span>`;
  }

  private renderTranscript(): TemplateResult {
    const t = this.transcriptController.value;
    const messages = t?.messages ?? [];
    return html`<section class="transcript" part="transcript" aria-labelledby="transcript-title">
      <h3 id="transcript-title" class="section-title">${msg('Transcript')}</h3>
      ${
        t && t.status !== 'live'
          ? html`<p class="stream-status">
              ${
                t.status === 'loading'
                  ? msg('Loading the transcript…')
                  : t.status === 'reconnecting'
                    ? msg('Reconnecting to the transcript…')
                    : (t.message ?? msg('The transcript is offline.'))
              }
            </p>`
          : nothing
      }
      <div
        class="scroller"
        role="log"
        aria-labelledby="transcript-title"
        tabindex="0"
        @scroll=${this.onScroll}
      >
        ${
          messages.length === 0 && t?.status === 'live'
            ? html`<p class="stream-status">${msg('No messages yet.')}</p>`
            : nothing
        }
        <ol class="messages">
          ${repeat(
            messages,
            (m) => m.id,
            (m) => this.renderMessage(m),
          )}
        </ol>
      </div>
      ${
        this.unseen > 0
          ? html`<button class="new-messages" part="new-messages" @click=${this.scrollToEnd}>
              ${
                this.unseen === 1
                  ? msg(str`${this.unseen} new message ↓`)
                  : msg(str`${this.unseen} new messages ↓`)
              }
            </button>`
          : nothing
      }
    </section>`;
  }

  private renderMessage(m: TranscriptMessage): TemplateResult {
    const author = Object.prototype.hasOwnProperty.call(AUTHOR_LABELS, m.author)
      ? m.author
      : 'system';
    const label = AUTHOR_LABELS[author as MessageAuthor]();
    const showName = author !== 'system';
    const whisper = author === 'supervisor' && m.visibility === 'representatives';
    return html`<li class="message ${author}${whisper ? ' whisper' : ''}" part="message">
      <div class="meta">
        ${
          showName
            ? html`<span class="author">${m.authorName || label}</span>
                ${m.authorName ? html`<span class="role">${label}</span>` : nothing}`
            : nothing
        }
        ${
          whisper
            ? html`<span class="private whisper-label"
                >${whisperIcon}${msg('Whisper — only the representative sees this')}</span
              >`
            : m.visibility === 'representatives'
              ? html`<span class="private">${msg('Private')}</span>`
              : nothing
        }
        <time datetime=${new Date(m.at).toISOString()}>${formatClock(m.at)}</time>
      </div>
      <p class="text">${m.text}</p>
    </li>`;
  }

  private renderSentiment(c: Conversation | undefined): TemplateResult {
    const points = sentimentPoints(this.transcriptController.value?.messages ?? [], c);
    return html`<figure class="sentiment" part="sentiment">
      ${sentimentChart(points)}
      <figcaption>
        ${sentimentIcon(points.at(-1) ?? 'neutral')} ${describeSentiment(points)}
      </figcaption>
    </figure>`;
  }

  private renderNotice(): TemplateResult {
    const visible = this.hasNoticeSlot || this.notice.trim() !== '';
    return html`<aside
      class="notice"
      part="notice"
      ?hidden=${!visible}
      aria-label=${msg('Responsible use')}
    >
      <slot name="notice" @slotchange=${this.onNoticeSlot}></slot>${
        this.hasNoticeSlot
          ? nothing
          : this.notice === DEFAULT_MONITOR_NOTICE
            ? defaultMonitorNotice()
            : this.notice
      }
    </aside>`;
  }

  private onNoticeSlot = (e: Event): void => {
    const slot = e.target as HTMLSlotElement;
    // Flattened: a slot forwarded by a wrapping element counts only when it brings content.
    this.hasNoticeSlot = slot
      .assignedNodes({ flatten: true })
      .some((n) => n.nodeType === Node.ELEMENT_NODE || (n.textContent ?? '').trim() !== '');
  };
}

/** The customer's sentiment after each of their messages; the conversation's own when none yet. */
export function sentimentPoints(
  messages: readonly TranscriptMessage[],
  c: Conversation | undefined,
): Sentiment[] {
  const points = messages
    .filter((m) => m.author === 'customer' && typeof m.sentiment === 'string')
    .map((m) => m.sentiment as Sentiment);
  if (points.length === 0 && c) return [c.sentiment];
  return points;
}

/** The chart's text alternative: "Sentiment went from Neutral to Negative over 5 messages". */
export function describeSentiment(points: readonly Sentiment[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return msg('No customer sentiment yet.');
  const n = points.length;
  const from = sentimentLabel(first);
  const to = sentimentLabel(last);
  // Whole sentences per case, so a translation can order the words its own way.
  if (sentimentScore(first) === sentimentScore(last)) {
    return n > 1
      ? msg(str`Sentiment stayed ${to} over ${n} customer messages.`)
      : msg(str`Sentiment stayed ${to}.`);
  }
  return n > 1
    ? msg(str`Sentiment went from ${from} to ${to} over ${n} customer messages.`)
    : msg(str`Sentiment went from ${from} to ${to}.`);
}

/** How an escalated conversation runs now, as the header's channel fact says it. */
function modeLabel(mode: string): string {
  return mode === 'voice' ? msg('voice') : mode === 'video' ? msg('video') : mode;
}

/** A closed padlock beside the whisper label (decorative: the label says it). */
const whisperIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"><rect x="3.5" y="7" width="9" height="7" rx="1"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"/></svg>`;

const CHART_W = 240;
const CHART_H = 56;
const PAD = 6;

/** A small line chart of sentiment scores (-3 … 3); decorative, its caption says what it shows. */
function sentimentChart(points: readonly Sentiment[]): TemplateResult {
  const y = (s: Sentiment) => CHART_H / 2 - (sentimentScore(s) * (CHART_H / 2 - PAD)) / 3;
  const n = points.length;
  const x = (i: number) => (n <= 1 ? CHART_W / 2 : PAD + (i * (CHART_W - 2 * PAD)) / (n - 1));
  const coords = points.map((p, i) => `${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
  return html`<svg
    class="chart"
    viewBox="0 0 ${CHART_W} ${CHART_H}"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`<rect class="band positive" x="0" y="0" width=${CHART_W} height=${CHART_H / 2}></rect>
      <rect class="band negative" x="0" y=${CHART_H / 2} width=${CHART_W} height=${CHART_H / 2}></rect>
      <line class="baseline" x1="0" x2=${CHART_W} y1=${CHART_H / 2} y2=${CHART_H / 2}></line>
      ${n > 1 ? svg`<polyline class="line" points=${coords}></polyline>` : nothing}
      ${points.map(
        (p, i) =>
          svg`<circle class="dot ${sentimentScore(p) < 0 ? 'neg' : sentimentScore(p) > 0 ? 'pos' : 'neu'}" cx=${x(i)} cy=${y(p)} r="3"></circle>`,
      )}`}
  </svg>`;
}
