import { localized, msg, str } from '@lit/localize';
import { ContextProvider, consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Subscription } from 'rxjs';
import type { BackendAdapter, CommandName, TargetRef } from '../../adapters/backend-adapter.js';
import { SimulatedCentre } from '../../adapters/simulator/simulated-centre.js';
import type { SimulatorOptions } from '../../adapters/simulator/options.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  describeCommandError,
  type Conversation,
  type ConversationFilter,
  type Queue,
  type Representative,
} from '../../domain/index.js';
import type { ActionRequestEvent, ConversationAction } from '../../events/action-request.js';
import type { BulkCompletedEvent } from '../../events/bulk-completed.js';
import type { BulkRequestEvent } from '../../events/bulk-request.js';
import type { MonitorCloseEvent } from '../../events/monitor-close.js';
import type { RepresentativeSelectEvent } from '../../events/representative-select.js';
import { sharedClock } from '../../internal/clock.js';
import { formatClock, formatDuration } from '../../internal/format.js';
import { describeConflict } from '../../service/conflict.js';
import type { Outcome } from '../../service/outcomes.js';
import type { ConnectionState, TransferTracking } from '../../service/state.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import type { AssignDialog } from '../assign-dialog/assign-dialog.js';
import type { BulkActionDialog } from '../bulk-action-dialog/bulk-action-dialog.js';
import type { ForceCloseDialog } from '../force-close-dialog/force-close-dialog.js';
import type { MonitorPanel } from '../monitor-panel/monitor-panel.js';
import { DEFAULT_MONITOR_NOTICE } from '../monitor-panel/monitor-panel.js';
import type { OngoingConversationsTable } from '../ongoing-conversations-table/ongoing-conversations-table.js';
import {
  thresholdsConverter,
  type TableThresholds,
} from '../ongoing-conversations-table/attention.js';
import { deepActiveElement } from '../shared/focus.js';
import { queueName, representativeName } from '../shared/representative-parts.js';
import type { TransferDialog } from '../transfer-dialog/transfer-dialog.js';
import { supervisorConsoleStyles } from './supervisor-console.styles.js';

/** One line of the session's intervention log (one per command, updated as it progresses). */
export interface LogEntry {
  readonly id: string;
  readonly command: CommandName;
  readonly conversationId: string;
  readonly customer: string;
  readonly status: Outcome['status'];
  readonly text: string;
  readonly at: number;
}

// Functions, so each word follows the active language.
const COMMAND_LABELS: Record<CommandName, () => string> = {
  assign: () => msg('Assign'),
  transfer: () => msg('Transfer'),
  forceClose: () => msg('Force close'),
  monitor: () => msg('Monitor'),
  unmonitor: () => msg('Stop monitoring'),
  join: () => msg('Join'),
  leave: () => msg('Leave'),
  whisper: () => msg('Whisper'),
};

const CONNECTION_TEXT: Record<ConnectionState['status'], () => string> = {
  connecting: () => msg('Connecting…'),
  live: () => msg('Live'),
  reconnecting: () => msg('Reconnecting…'),
  offline: () => msg('Offline'),
};

/** How many log lines are kept. */
const LOG_LIMIT = 100;

/**
 * The one-tag supervisor console: the live table of ongoing conversations, the assign, transfer and
 * force-close dialogs, the monitor panel beside the table, the connection status, the transfers
 * waiting for an answer, a log of this session's interventions, and a board of every
 * representative's presence, capacity and workload (selecting one filters the table to theirs).
 *
 * Where its data comes from, in order: the `service` property; else a service built on the
 * `adapter` property; else a service provided by an ancestor (`supervisorServiceContext`); else a
 * simulated contact centre built from `simulatorOptions` (the demo default). It provides the
 * service to the elements inside it through the same context.
 *
 * Its define module (`supervisor-console.define.js`) also registers the elements it composes; a
 * host registering the class under its own name registers those too (their `*.define.js`).
 *
 * A row action from the table (`sc-action-request`) opens the matching dialog or the monitor panel,
 * unless a listener of the host page called `preventDefault()` on it. A transfer request that
 * carries a `target` (a stuck row's "Reassign to NAME") is sent directly through the service: the
 * transfer rules apply, the log follows it, and the result is announced.
 *
 * Rows of its table can be selected; a bulk action from the selection bar (`sc-bulk-request`) opens
 * `<bulk-action-dialog>` (unless vetoed the same way). When it has run, the log gets a line with the
 * result and the rows that succeeded leave the selection (failed and refused ones stay selected).
 *
 * @tagname supervisor-console
 * @summary Drop-in supervisor console: table, dialogs, monitor panel, transfers, log and board.
 *
 * @slot toolbar - Extra controls at the end of the console's toolbar.
 * @slot notice - The monitor panel's responsible-use notice (replaces the `notice` property).
 *
 * @csspart toolbar - The top bar with the connection status.
 * @csspart connection - The connection status.
 * @csspart board - The `<representatives-board>`.
 * @csspart table - The `<ongoing-conversations-table>`.
 * @csspart side - The side panel holding the monitor panel.
 * @csspart monitor - The `<monitor-panel>`.
 * @csspart transfers - The pending transfers list.
 * @csspart log - The intervention log.
 *
 * @cssprop [--sc-console-side-width=23rem] - Width of the monitor side panel.
 * @cssprop --sc-console-compact-columns - The table's column tracks while the side panel is open (a denser default).
 * @cssprop [--sc-table-height=36rem] - Height of the conversations table.
 * @cssprop --sc-color-scheme - `light`, `dark` or `light dark` (default: follow the OS).
 *
 * @fires {ActionRequestEvent} sc-action-request - Bubbles out of the table: cancel it to keep the console from opening a dialog or the panel.
 * @fires {AssignRequestEvent} sc-assign-request - From the assign dialog (cancelable).
 * @fires {AssignedEvent} sc-assigned - From the assign dialog.
 * @fires {TransferRequestEvent} sc-transfer-request - From the transfer dialog (cancelable).
 * @fires {TransferredEvent} sc-transferred - From the transfer dialog.
 * @fires {TransferResolvedEvent} sc-transfer-resolved - From the transfer dialog: the target's answer.
 * @fires {ForceCloseRequestEvent} sc-force-close-request - From the force-close dialog (cancelable).
 * @fires {ForceClosedEvent} sc-force-closed - From the force-close dialog.
 * @fires {JoinRequestEvent} sc-join-request - From the monitor panel (cancelable).
 * @fires {JoinedEvent} sc-joined - From the monitor panel.
 * @fires {LeaveRequestEvent} sc-leave-request - From the monitor panel (cancelable).
 * @fires {LeftEvent} sc-left - From the monitor panel.
 * @fires {WhisperRequestEvent} sc-whisper-request - From the monitor panel (cancelable).
 * @fires {WhisperSentEvent} sc-whisper-sent - From the monitor panel.
 * @fires {MonitorCloseEvent} sc-monitor-close - From the monitor panel (cancelable).
 * @fires {CommandFailedEvent} sc-command-failed - From any dialog or the panel.
 * @fires {SelectionChangeEvent} sc-selection-change - From the table: its row selection changed.
 * @fires {BulkRequestEvent} sc-bulk-request - From the table's selection bar: cancel it to keep the console from opening the bulk dialog.
 * @fires {BulkRunRequestEvent} sc-bulk-run-request - From the bulk dialog (cancelable).
 * @fires {BulkCompletedEvent} sc-bulk-completed - From the bulk dialog: one result per row.
 * @fires {RepresentativeSelectEvent} sc-representative-select - From the board.
 */
@localized()
export class SupervisorConsole extends LitElement {
  static override styles = [tokens, buttonStyles, supervisorConsoleStyles];

  /** A data service to use (the host keeps ownership: the console never disposes it). */
  @property({ attribute: false }) service?: SupervisorService;

  /** A backend adapter to build the console's own service on (used when `service` is not set). */
  @property({ attribute: false }) adapter?: BackendAdapter;

  /** Options of the simulated centre built when nothing else gives data (changing them rebuilds it). */
  @property({ attribute: false }) simulatorOptions: SimulatorOptions = {};

  /** The monitor panel's responsible-use notice. */
  @property() notice = DEFAULT_MONITOR_NOTICE;

  /** Forces the light or dark palette; by default it follows the OS. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * The table's default alert thresholds (wait, sentiment, over capacity, stuck; see the table's
   * `thresholds`). A saved view or a `url-sync` link with thresholds of its own replaces them. The
   * attribute takes the URL form, e.g. `alert-thresholds="await:300;asent:negative;acap:1;astuck:120"`.
   */
  @property({ attribute: 'alert-thresholds', converter: thresholdsConverter })
  thresholds: TableThresholds = {};

  /** The service an ancestor provides, if any. */
  @consume({ context: supervisorServiceContext, subscribe: true })
  @state()
  private contextService?: SupervisorService;

  /** The service in use now. */
  @state() private active?: SupervisorService;
  /** The conversation shown in the monitor panel. */
  @state() private monitoring: string | null = null;
  /** The representative the table is filtered to. */
  @state() private selectedRepresentative: string | null = null;
  @state() private log: readonly LogEntry[] = [];
  @state() private announcement = '';

  @query('ongoing-conversations-table') private table?: OngoingConversationsTable;
  @query('assign-dialog') private assignDialog?: AssignDialog;
  @query('transfer-dialog') private transferDialog?: TransferDialog;
  @query('force-close-dialog') private forceCloseDialog?: ForceCloseDialog;
  @query('bulk-action-dialog') private bulkDialog?: BulkActionDialog;
  @query('monitor-panel') private monitorPanel?: MonitorPanel;

  private readonly provider = new ContextProvider(this, { context: supervisorServiceContext });
  /** The service this console built (and so owns), with what it was built from. */
  private owned: {
    service: SupervisorService;
    adapter: BackendAdapter;
    from: 'adapter' | 'simulator';
  } | null = null;
  private outcomesSubscription: Subscription | null = null;
  private monitorOpener: HTMLElement | null = null;
  /** Customer names seen, so log lines still name conversations that left the view. */
  private readonly customers = new Map<string, string>();
  /** Bulk runs logged so far (each gets a log line of its own). */
  private bulkRuns = 0;

  private readonly connection = new ObservableController<ConnectionState>(
    this,
    () => this.active?.connection$,
  );
  private readonly transfers = new ObservableController<readonly TransferTracking[]>(
    this,
    () => this.active?.transfers$,
  );
  private readonly representatives = new ObservableController<ReadonlyMap<string, Representative>>(
    this,
    () => this.active?.representatives$,
  );
  private readonly queues = new ObservableController<ReadonlyMap<string, Queue>>(
    this,
    () => this.active?.queues$,
  );
  private readonly clock = new ObservableController<number>(this, () =>
    this.transfers.value?.some((t) => t.outcome === 'pending') ? sharedClock() : undefined,
  );

  /** The service in use now (the given one, the one built on `adapter`, the context's, or the simulator's). */
  get activeService(): SupervisorService | undefined {
    return this.active;
  }

  /** The simulated centre, when the console runs on its own simulator (for demo controls). */
  get simulator(): SimulatedCentre | undefined {
    return this.owned?.from === 'simulator' ? (this.owned.adapter as SimulatedCentre) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.owned && this.active === this.owned.service) this.owned.service.connect();
    this.followOutcomes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A console moved elsewhere in the page reconnects; its own service stops streaming meanwhile.
    if (this.owned) this.owned.service.disconnect();
    this.outcomesSubscription?.unsubscribe();
    this.outcomesSubscription = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const map = changed as Map<PropertyKey, unknown>;
    if (
      !this.hasUpdated ||
      changed.has('service') ||
      changed.has('adapter') ||
      changed.has('simulatorOptions') ||
      map.has('contextService')
    ) {
      this.resolveService(changed.has('simulatorOptions') && this.hasUpdated);
    }
    this.clock.refresh();
  }

  /** Picks the service to use, building or disposing the console's own as needed. */
  private resolveService(optionsChanged: boolean): void {
    let next: SupervisorService | undefined = this.service;
    if (!next && this.adapter) {
      if (this.owned?.from !== 'adapter' || this.owned.adapter !== this.adapter) {
        this.adopt({
          service: new SupervisorService(this.adapter),
          adapter: this.adapter,
          from: 'adapter',
        });
      }
      next = this.owned!.service;
    }
    if (!next) next = this.contextService;
    if (!next) {
      if (this.owned?.from !== 'simulator' || optionsChanged) {
        const centre = new SimulatedCentre(this.simulatorOptions);
        this.adopt({ service: new SupervisorService(centre), adapter: centre, from: 'simulator' });
      }
      next = this.owned!.service;
    }
    if (this.owned && this.owned.service !== next) this.adopt(null);
    if (next === this.active) return;
    this.active = next;
    if (this.isConnected) next.connect();
    this.provider.setValue(next);
    // What was open belonged to the previous centre.
    this.assignDialog?.close();
    this.transferDialog?.close();
    this.forceCloseDialog?.close();
    this.bulkDialog?.close();
    this.monitoring = null;
    this.selectedRepresentative = null;
    this.log = [];
    this.connection.refresh();
    this.transfers.refresh();
    this.representatives.refresh();
    this.queues.refresh();
    this.followOutcomes();
  }

  /** Replaces the console's own service, disposing the previous one (and its simulator). */
  private adopt(next: SupervisorConsole['owned']): void {
    const previous = this.owned;
    this.owned = next;
    if (previous) {
      previous.service.dispose();
      if (previous.from === 'simulator') (previous.adapter as SimulatedCentre).dispose();
    }
  }

  private followOutcomes(): void {
    this.outcomesSubscription?.unsubscribe();
    this.outcomesSubscription = null;
    if (!this.isConnected || !this.active) return;
    this.outcomesSubscription = this.active.outcomes$.subscribe((o) => this.record(o));
  }

  // ----- opening dialogs and the panel ----------------------------------------------------------

  private onActionRequest = (event: ActionRequestEvent): void => {
    const opener = deepActiveElement();
    const { action, conversationId, conversation, target } = event.detail;
    this.remember(conversation);
    // Host listeners further up (e.g. on the document) may veto: decide once the dispatch is over.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      if (action === 'transfer' && target) void this.transferDirectly(conversationId, target);
      else this.open(action, conversationId, opener);
    });
  };

  /**
   * A one-step transfer (a stuck conversation's "Reassign to NAME"): sent straight through the
   * service, so the transfer rules still decide; the log follows it (pending, then sent, then the
   * target's answer) and the result is announced.
   */
  private async transferDirectly(conversationId: string, target: TargetRef): Promise<void> {
    const service = this.active;
    if (!service?.isEnabled('transfer')) {
      this.announce(msg('Your administrator has turned this action off.'));
      return;
    }
    const customer = this.customerOf(conversationId);
    const to =
      target.type === 'queue'
        ? queueName(service.state.queues, target.id)
        : representativeName(service.state.representatives, target.id);
    const outcome = await service.transfer(conversationId, target);
    if (outcome.status === 'succeeded') {
      this.announce(msg(str`Transfer of ${customer} to ${to} sent; waiting for an answer.`));
    } else {
      const why = outcome.error ? describeCommandError(outcome.error) : '';
      this.announce(msg(str`Transfer of ${customer} to ${to} not sent. ${why}`));
    }
  }

  /**
   * Opens what an action needs: the assign, transfer or force-close dialog, or the monitor panel.
   * Hosts can call it for their own buttons.
   */
  open(action: ConversationAction, conversationId: string, opener?: HTMLElement | null): void {
    // An action whose admin switch is off is never offered, so it never opens either (a stale menu
    // or a host's own button asking anyway gets nothing but the reason, announced).
    if (!this.active?.isEnabled(action)) {
      this.announce(msg('Your administrator has turned this action off.'));
      return;
    }
    const returnFocusTo = opener ?? deepActiveElement();
    const c = this.active?.getConversation(conversationId);
    if (c) this.remember(c);
    switch (action) {
      case 'assign':
        this.assignDialog?.show(conversationId, { returnFocusTo });
        return;
      case 'transfer':
        this.transferDialog?.show(conversationId, { returnFocusTo });
        return;
      case 'forceClose':
        this.forceCloseDialog?.show(conversationId, { returnFocusTo });
        return;
      case 'monitor':
        this.monitorOpener = returnFocusTo;
        this.monitoring = conversationId;
        this.announce(
          msg(str`Monitoring ${c?.customerName || msg('the conversation')} in the side panel.`),
        );
        return;
    }
  }

  private onBulkRequest = (event: BulkRequestEvent): void => {
    const opener = deepActiveElement();
    const request = event.detail;
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      const switchOn =
        request.action === 'force-close'
          ? this.active?.isEnabled('forceClose')
          : this.active?.isEnabled('assign');
      if (!switchOn) {
        this.announce(msg('Your administrator has turned this action off.'));
        return;
      }
      for (const id of request.conversationIds) this.customerOf(id);
      this.bulkDialog?.show(request, { returnFocusTo: opener });
    });
  };

  /** A bulk run ended: one log line with its result; rows that succeeded leave the selection. */
  private onBulkCompleted = (event: BulkCompletedEvent): void => {
    const { result } = event.detail;
    const succeeded = new Set(
      result.rows.filter((r) => r.status === 'succeeded').map((r) => r.conversationId),
    );
    const table = this.table;
    if (table && succeeded.size > 0) {
      table.selectedIds = table.selectedIds.filter((id) => !succeeded.has(id));
    }
    this.bulkRuns += 1;
    const entry: LogEntry = {
      id: `bulk-${this.bulkRuns}`,
      command: result.action.kind === 'force-close' ? 'forceClose' : 'assign',
      conversationId: '',
      customer:
        result.rows.length === 1
          ? msg('1 conversation')
          : msg(str`${result.rows.length} conversations`),
      status: result.failed > 0 ? 'failed' : 'succeeded',
      text: result.summary,
      at: this.active?.now() ?? Date.now(),
    };
    this.log = [entry, ...this.log].slice(0, LOG_LIMIT);
    this.announce(result.summary);
  };

  private onMonitorClose = (event: MonitorCloseEvent): void => {
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.monitoring = null;
      const opener = this.monitorOpener;
      this.monitorOpener = null;
      void this.updateComplete.then(() => {
        if (opener?.isConnected) opener.focus();
      });
    });
  };

  private onRepresentativeSelect = (event: RepresentativeSelectEvent): void => {
    this.filterToRepresentative(event.detail.representativeId);
  };

  /** Filters the table to one representative's conversations (`null`: everyone's). */
  filterToRepresentative(id: string | null): void {
    this.selectedRepresentative = id;
    const table = this.table;
    if (!table) return;
    const { representativeIds: _drop, ...rest } = table.filter;
    void _drop;
    const filter: ConversationFilter = id ? { ...rest, representativeIds: [id] } : rest;
    table.filter = filter;
    const name = id ? representativeName(this.representatives.value, id) : null;
    this.announce(
      name ? msg(str`Showing ${name}'s conversations.`) : msg("Showing everyone's conversations."),
    );
  }

  /** The table's own filter changed (its toolbar): keep the board's selection in step. */
  private onViewChange = (event: Event): void => {
    const filter = (event as Event & { detail?: { filter?: ConversationFilter } }).detail?.filter;
    const ids = filter?.representativeIds ?? [];
    this.selectedRepresentative = ids.length === 1 ? (ids[0] ?? null) : null;
  };

  private announce(text: string): void {
    // The same sentence twice is still announced.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  // ----- the intervention log -------------------------------------------------------------------

  private remember(c: Conversation | undefined): void {
    if (c?.customerName) this.customers.set(c.id, c.customerName);
  }

  private customerOf(id: string): string {
    const c = this.active?.getConversation(id);
    if (c) this.remember(c);
    return this.customers.get(id) || c?.customerName || id;
  }

  private record(o: Outcome): void {
    const customer = this.customerOf(o.conversationId);
    const reps = this.active?.state.representatives;
    const queues = this.active?.state.queues;
    let text: string;
    if (o.status === 'accepted' || o.status === 'rejected') {
      const who = representativeName(reps, o.toRepresentativeId, msg('The target'));
      text =
        o.status === 'accepted'
          ? msg(str`${who} accepted the transfer.`)
          : msg(str`${who} rejected the transfer.`);
    } else {
      const label = COMMAND_LABELS[o.command]?.() ?? o.command;
      const what =
        'target' in o && o.target
          ? o.target.type === 'queue'
            ? msg(str`${label} to the ${queueName(queues, o.target.id)} queue`)
            : msg(str`${label} to ${representativeName(reps, o.target.id)}`)
          : label;
      const why = 'error' in o && o.error ? describeCommandError(o.error) : '';
      // A stale action: who changed the conversation since the supervisor looked, and what changed.
      const stale =
        'conflict' in o && o.conflict
          ? [describeConflict(o.conflict), ...o.conflict.changes.map((c) => c.text)].join(' ')
          : '';
      text =
        stale !== ''
          ? msg(str`${what}: not applied. ${stale}`)
          : o.status === 'pending'
            ? msg(str`${what}: in progress…`)
            : o.status === 'succeeded'
              ? o.command === 'transfer'
                ? msg(str`${what}: sent, waiting for an answer.`)
                : msg(str`${what}: done.`)
              : o.status === 'refused'
                ? msg(str`${what}: refused. ${why}`)
                : msg(str`${what}: failed. ${why}`);
    }
    const entry: LogEntry = {
      id: o.status === 'accepted' || o.status === 'rejected' ? `${o.id}:answer` : o.id,
      command: o.command,
      conversationId: o.conversationId,
      customer,
      status: o.status,
      text,
      at: o.at,
    };
    const rest = this.log.filter((e) => e.id !== entry.id);
    this.log = [entry, ...rest].slice(0, LOG_LIMIT);
  }

  // ----- rendering ------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="console ${this.monitoring ? 'with-side' : ''}">
        <div class="toolbar" part="toolbar">
          ${this.renderConnection()}
          <slot name="toolbar"></slot>
        </div>
        <representatives-board
          part="board"
          .selected=${this.selectedRepresentative}
          @sc-representative-select=${this.onRepresentativeSelect}
        ></representatives-board>
        <ongoing-conversations-table
          part="table"
          selectable
          @sc-bulk-request=${this.onBulkRequest}
          .theme=${this.theme}
          .thresholds=${this.thresholds}
          @sc-action-request=${this.onActionRequest}
          @sc-view-change=${this.onViewChange}
        ></ongoing-conversations-table>
        ${
          this.monitoring
            ? html`<aside class="side" part="side" aria-label=${msg('Monitor')}>
                <monitor-panel
                  part="monitor"
                  conversation-id=${this.monitoring}
                  .notice=${this.notice}
                  @sc-monitor-close=${this.onMonitorClose}
                  ><slot name="notice" slot="notice"></slot
                ></monitor-panel>
              </aside>`
            : nothing
        }
        <div class="activity">${this.renderTransfers()} ${this.renderLog()}</div>
      </div>
      <assign-dialog></assign-dialog>
      <transfer-dialog></transfer-dialog>
      <force-close-dialog></force-close-dialog>
      <bulk-action-dialog @sc-bulk-completed=${this.onBulkCompleted}></bulk-action-dialog>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  private renderConnection(): TemplateResult {
    const c = this.connection.value;
    const status = c?.status ?? 'connecting';
    const problems = c?.problems.length ?? 0;
    return html`<div class="connection ${status}" part="connection">
      <span class="dot" aria-hidden="true"></span>
      <span role="status"
        ><span class="state">${CONNECTION_TEXT[status]?.() ?? status}</span>${
          c?.message ? html` <span class="message">${c.message}</span>` : nothing
        }</span
      >
      ${
        c?.lastUpdateAt
          ? html`<span class="updated">${msg(str`Updated ${formatClock(c.lastUpdateAt)}`)}</span>`
          : nothing
      }
      ${
        problems > 0
          ? html`<span class="problems"
              >${
                problems === 1
                  ? msg(str`${problems} malformed update skipped`)
                  : msg(str`${problems} malformed updates skipped`)
              }</span
            >`
          : nothing
      }
    </div>`;
  }

  private renderTransfers(): TemplateResult {
    const all = this.transfers.value ?? [];
    const list = [...all].sort(
      (a, b) =>
        Number(b.outcome === 'pending') - Number(a.outcome === 'pending') ||
        b.requestedAt - a.requestedAt,
    );
    const now = this.active?.now() ?? this.clock.value ?? Date.now();
    const reps = this.representatives.value;
    return html`<section class="transfers" part="transfers" aria-labelledby="transfers-title">
      <h2 id="transfers-title">${msg('Transfers')}</h2>
      ${
        list.length === 0
          ? html`<p class="empty">${msg('No transfer asked for in this session.')}</p>`
          : html`<ul>
              ${repeat(
                list,
                (t) => `${t.conversationId}:${t.requestedAt}`,
                (t) => {
                  const to = t.toRepresentativeId
                    ? representativeName(reps, t.toRepresentativeId)
                    : msg(str`the ${queueName(this.queues.value, t.toQueueId)} queue`);
                  const from = representativeName(reps, t.fromRepresentativeId);
                  return html`<li class=${t.outcome}>
                    <strong>${this.customerOf(t.conversationId)}</strong>
                    <span>${from} → ${to}</span>
                    ${
                      t.outcome === 'pending'
                        ? html`<span class="waiting"
                            >${msg(str`Waiting for ${to}`)}
                            <time aria-hidden="true"
                              >${formatDuration(Math.max(0, now - t.requestedAt))}</time
                            ></span
                          >`
                        : html`<span class="answer"
                            >${t.outcome === 'accepted' ? msg('Accepted') : msg('Rejected')}
                            ${
                              t.resolvedAt
                                ? msg(str`after ${formatDuration(t.resolvedAt - t.requestedAt)}`)
                                : nothing
                            }</span
                          >`
                    }
                  </li>`;
                },
              )}
            </ul>`
      }
    </section>`;
  }

  private renderLog(): TemplateResult {
    return html`<section class="log" part="log" aria-labelledby="log-title">
      <h2 id="log-title">${msg('Your interventions')}</h2>
      <div role="log" aria-labelledby="log-title" tabindex="0"><ol>
        ${repeat(
          this.log,
          (e) => e.id,
          (e) =>
            html`<li class=${e.status}>
              <time>${formatClock(e.at)}</time>
              <strong>${e.customer}</strong>
              <span>${e.text}</span>
            </li>`,
        )}
      </ol>
      ${
        this.log.length === 0
          ? html`<p class="empty">
              ${msg('Nothing yet: your assignments, transfers and more appear here.')}
            </p>`
          : nothing
      }
    </section>`;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The monitor panel was opened: bring it into view on narrow layouts.
    if ((changed as Map<PropertyKey, unknown>).has('monitoring') && this.monitoring) {
      this.monitorPanel?.scrollIntoView?.({ block: 'nearest' });
    }
  }
}
