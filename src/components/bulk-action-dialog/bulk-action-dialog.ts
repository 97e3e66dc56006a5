import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  channelLabel,
  commandError,
  describeCommandError,
  type BulkAction,
  type BulkPlan,
  type BulkPlanRow,
  type Queue,
} from '../../domain/index.js';
import type { BulkActionKind } from '../../events/bulk-request.js';
import { BulkCompletedEvent } from '../../events/bulk-completed.js';
import { BulkRunRequestEvent } from '../../events/bulk-run-request.js';
import { CommandFailedEvent } from '../../events/command-failed.js';
import {
  resultSummary,
  type BulkResult,
  type BulkRowResult,
  type CommandOutcome,
} from '../../service/index.js';
import type { SupervisorService } from '../../service/supervisor-service.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import type { ShowOptions } from '../shared/command-dialog.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { deepActiveElement } from '../shared/focus.js';
import { closeIcon } from '../shared/icons.js';
import { ModalDialogController } from '../shared/modal-dialog-controller.js';
import { formatCount } from '../ongoing-conversations-table/status-parts.js';
import { bulkActionDialogStyles } from './bulk-action-dialog.styles.js';

/** Where the dialog is: choosing a queue, previewing the plan, running it, or showing the results. */
export type BulkDialogStep = 'choose' | 'preview' | 'running' | 'results';

/** What `show()` opens the dialog on (the table's `sc-bulk-request` detail has this shape). */
export interface BulkDialogRequest {
  readonly action: BulkActionKind;
  readonly conversationIds: readonly string[];
}

/** Rows listed at most in one list: the totals always count every row. */
const LIST_LIMIT = 200;

/**
 * Runs one intervention over several selected conversations, in three steps. **Choose**: for
 * "Assign to queue", the queue (force close has nothing to choose). **Preview**: every selected row
 * with what will happen to it, or that the rules refuse it and why (the same rules as the single
 * action), with the totals; confirming says how many conversations it acts on ("Close 5
 * conversations"), and force close says that it cannot be undone. **Running**, then **results**: each
 * row's progress as it ends, then succeeded, refused or failed with the reason. One row's failure
 * loses none of the others; "Try again" resends only the failed rows (an unreachable or busy backend
 * gets the same command again, with the same idempotency key, so it cannot be applied twice).
 *
 * It reads the service from context (`<supervisor-console>` opens it on the table's
 * `sc-bulk-request`) or its `service` property, and never decides for the backend: every row still
 * goes through the service's single-command path.
 *
 * @tagname bulk-action-dialog
 * @summary Preview, confirm and run "assign to queue" or "force close" over selected conversations.
 *
 * @fires {BulkRunRequestEvent} sc-bulk-run-request - When the supervisor confirms the preview, before anything is sent; cancelable (`detail.plan`).
 * @fires {BulkCompletedEvent} sc-bulk-completed - After the run (and after each "Try again"): `detail.result` has one row per conversation.
 * @fires {CommandFailedEvent} sc-command-failed - For each row sent that failed (as the other dialogs do); `detail.message` is the explanation shown.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart header - The title row.
 * @csspart title - The title (it labels the dialog).
 * @csspart close-button - The × button.
 * @csspart body - The content.
 * @csspart options - The list of queues to choose from.
 * @csspart option - One queue choice.
 * @csspart summary - The plan's or result's sentence and totals.
 * @csspart rows - The list of rows (preview, progress or results).
 * @csspart row - One row of that list (also `row-allowed`, `row-refused`, `row-succeeded`, `row-failed`, `row-pending`).
 * @csspart progress - The progress bar while running.
 * @csspart status - The notices (a veto, nothing to do, what cannot be undone).
 * @csspart footer - The action row.
 *
 * @cssprop [--sc-dialog-width=36rem] - The dialog's width (narrower on small screens).
 * @cssprop [--sc-dialog-backdrop=rgb(15 20 25 / 0.45)] - The backdrop behind the modal dialog.
 * @cssprop [--sc-dialog-list-height=17rem] - The most height the queue list takes before it scrolls.
 * @cssprop [--sc-bulk-list-height=18rem] - The most height the rows list takes before it scrolls.
 * @cssprop --sc-color-danger - The force-close confirm button, failed rows and the warning's accent.
 */
@localized()
export class BulkActionDialog extends LitElement {
  static override styles = [tokens, buttonStyles, dialogStyles, bulkActionDialogStyles];

  /** The data service. Provided by `<supervisor-console>` (context) or set by the host. */
  @consume({ context: supervisorServiceContext, subscribe: true })
  @property({ attribute: false })
  service?: SupervisorService;

  /** Whether the dialog is open. Prefer `show(request)` and `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The bulk action: `assign-queue` or `force-close`. */
  @property() action: BulkActionKind = 'force-close';

  /** The selected conversations the action is for, in the order they were selected. */
  @property({ attribute: false }) conversationIds: readonly string[] = [];

  /** The step the dialog is on. */
  @state() step: BulkDialogStep = 'choose';
  /** The queue chosen for `assign-queue`. */
  @state() private queueId: string | null = null;
  /** The plan previewed (and run). */
  @state() private plan: BulkPlan | null = null;
  /** While running: each row's result as it ends (by plan index). */
  @state() private progress: readonly (BulkRowResult | undefined)[] = [];
  /** The last run's result, retried rows merged in. */
  @state() private result: BulkResult | null = null;
  /** The host vetoed the last run (`preventDefault()` on `sc-bulk-run-request`). */
  @state() private vetoed = false;

  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  private readonly queuesController = new ObservableController<ReadonlyMap<string, Queue>>(
    this,
    () => (this.open ? this.service?.queues$ : undefined),
  );

  private readonly modal = new ModalDialogController(
    this,
    () => this.dialogElement,
    () => this.step,
  );
  /** Bumped by every show(): a run that ends after the dialog was reopened updates nothing. */
  private runToken = 0;

  /** Opens the dialog on a bulk request (e.g. the table's `sc-bulk-request` detail). */
  show(request: BulkDialogRequest, options: ShowOptions = {}): void {
    this.modal.opener = options.returnFocusTo ?? deepActiveElement();
    this.action = request.action;
    this.conversationIds = [...request.conversationIds];
    this.runToken += 1;
    this.queueId = null;
    this.plan = null;
    this.result = null;
    this.progress = [];
    this.vetoed = false;
    this.step = 'choose';
    this.open = true;
    // Force close has nothing to choose: straight to the preview.
    if (request.action === 'force-close') this.preview();
  }

  /** Closes the dialog (a run goes on; its results are still reported with `sc-bulk-completed`). */
  close(): void {
    this.open = false;
  }

  /** Plans the action over the selection from the state now and shows the preview. */
  preview(): BulkPlan | null {
    const service = this.service;
    const action = this.bulkAction();
    if (!service || !action) return null;
    this.plan = service.planBulk(action, this.conversationIds);
    this.vetoed = false;
    this.step = 'preview';
    return this.plan;
  }

  /**
   * Runs the previewed plan (as the confirm button does): fires the cancelable `sc-bulk-run-request`,
   * then runs every allowed row and shows each as it ends. Resolves with the result (undefined when
   * vetoed or there is nothing to run).
   */
  async confirm(): Promise<BulkResult | undefined> {
    const service = this.service;
    const plan = this.plan;
    if (!service || !plan || this.step !== 'preview' || plan.totals.allowed === 0) return undefined;
    const request = new BulkRunRequestEvent({ plan });
    this.dispatchEvent(request);
    if (request.defaultPrevented) {
      this.vetoed = true;
      return undefined;
    }
    const token = this.runToken;
    this.startProgress(plan.rows.length, []);
    const result = await service.runBulk(plan, {
      onRow: (row, index) => token === this.runToken && this.setProgress(index, row),
    });
    this.finish(token, result, false);
    return result;
  }

  /**
   * "Try again": resends only the failed rows. A row whose backend was unreachable or busy is resent
   * as it was (same idempotency key); any other failure is planned again from the state now (the
   * rules may refuse it this time). Rows that succeeded or were refused are kept as they were.
   */
  async tryAgain(): Promise<BulkResult | undefined> {
    const service = this.service;
    const previous = this.result;
    const action = this.plan?.action;
    if (!service || !previous || !action || this.step !== 'results') return undefined;
    const failed = previous.rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.status === 'failed');
    if (failed.length === 0) return undefined;
    const token = this.runToken;
    const rows = [...previous.rows];
    this.startProgress(
      rows.length,
      rows.map((r) => (r.status === 'failed' ? undefined : r)),
    );
    const settle = (index: number, row: BulkRowResult) => {
      rows[index] = row;
      if (token === this.runToken) this.setProgress(index, row);
    };
    const resend = failed.filter(({ row }) => row.outcome && service.canRetry(row.outcome));
    const replan = failed.filter((f) => !resend.includes(f));
    await Promise.all([
      ...resend.map(async ({ row, index }) =>
        settle(index, fromOutcome(row.conversationId, await service.retry(row.outcome!))),
      ),
      (async () => {
        if (replan.length === 0) return;
        const plan = service.planBulk(
          action,
          replan.map(({ row }) => row.conversationId),
        );
        const again = await service.runBulk(plan);
        again.rows.forEach((row, i) => settle(replan[i]!.index, row));
      })(),
    ]);
    const count = (status: BulkRowResult['status']) =>
      rows.filter((r) => r.status === status).length;
    const result: BulkResult = {
      action,
      rows,
      succeeded: count('succeeded'),
      refused: count('refused'),
      failed: count('failed'),
      summary: resultSummary(
        action,
        rows.length,
        count('succeeded'),
        count('failed'),
        count('refused'),
      ),
    };
    this.finish(token, result, true);
    return result;
  }

  private bulkAction(): BulkAction | null {
    if (this.action === 'force-close') return { kind: 'force-close' };
    return this.queueId ? { kind: 'assign-queue', queueId: this.queueId } : null;
  }

  private startProgress(length: number, done: readonly (BulkRowResult | undefined)[]): void {
    const progress = new Array<BulkRowResult | undefined>(length).fill(undefined);
    done.forEach((r, i) => (progress[i] = r));
    this.progress = progress;
    this.step = 'running';
  }

  private setProgress(index: number, row: BulkRowResult): void {
    const next = [...this.progress];
    next[index] = row;
    this.progress = next;
  }

  private finish(token: number, result: BulkResult, retry: boolean): void {
    // Each failed row was just sent (a retry sends only failed rows): report it as a single command's
    // failure is reported, then the whole result.
    for (const row of result.rows) {
      if (row.status !== 'failed' || !row.outcome) continue;
      const message = row.error ? describeCommandError(row.error) : msg('The command failed.');
      this.dispatchEvent(
        new CommandFailedEvent({
          conversationId: row.conversationId,
          outcome: row.outcome,
          message,
        }),
      );
    }
    this.dispatchEvent(new BulkCompletedEvent({ result, retry }));
    if (token !== this.runToken) return;
    this.result = result;
    this.step = 'results';
  }

  private get queues(): ReadonlyMap<string, Queue> | undefined {
    return this.queuesController.value;
  }

  // ----- opening, closing and focus (as the single-conversation dialogs do) ----------------------

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service') || changed.has('open')) this.queuesController.refresh();
    // Force close has nothing to choose: once a service is there (it may come later, by context),
    // the dialog goes straight to the preview.
    if (this.open && this.step === 'choose' && this.action === 'force-close' && this.service) {
      this.preview();
    }
  }

  // ----- rendering --------------------------------------------------------------------------------

  private get heading(): string {
    const count = this.conversationIds.length;
    const n = formatCount(count);
    if (this.action === 'force-close') {
      return count === 1
        ? msg('Force close 1 conversation')
        : msg(str`Force close ${n} conversations`);
    }
    return count === 1
      ? msg('Assign 1 conversation to a queue')
      : msg(str`Assign ${n} conversations to a queue`);
  }

  override render(): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.modal.onClose}>
      <div class="header" part="header">
        <h2 class="title" id="title" part="title">${this.heading}</h2>
        <button class="close" part="close-button" aria-label=${msg('Close')} @click=${this.close}>
          ${closeIcon}
        </button>
      </div>
      <div class="body" part="body">${this.open ? this.renderBody() : nothing}</div>
      <div class="footer" part="footer">${this.open ? this.renderActions() : nothing}</div>
    </dialog>`;
  }

  private renderBody(): unknown {
    if (!this.service) return html`<p>${msg('No supervisor service is connected.')}</p>`;
    switch (this.step) {
      case 'choose':
        return this.renderChoose();
      case 'preview':
        return this.renderPreview();
      case 'running':
        return this.renderRunning();
      case 'results':
        return this.renderResults();
    }
  }

  private renderChoose(): TemplateResult {
    const queues = [...(this.queues?.values() ?? [])];
    if (queues.length === 0) return html`<p>${msg('There is no queue to assign to.')}</p>`;
    return html`<fieldset>
      <legend>${msg('Choose a queue')}</legend>
      <ul class="options" part="options">
        ${repeat(
          queues,
          (q) => q.id,
          (q) =>
            html`<li>
              <label class="option" part="option">
                <input
                  type="radio"
                  name="queue"
                  .value=${q.id}
                  .checked=${this.queueId === q.id}
                  @change=${() => (this.queueId = q.id)}
                />
                <span class="name"><bdi>${q.name || q.id}</bdi></span>
              </label>
            </li>`,
        )}
      </ul>
    </fieldset>`;
  }

  private renderPreview(): unknown {
    const plan = this.plan;
    if (!plan) return nothing;
    const { allowed, refused } = plan.totals;
    return html`<div class="summary-block" part="summary">
        <p class="sentence"><strong>${plan.summary}</strong></p>
        <p class="totals">
          <span class="count allowed">${msg(str`${formatCount(allowed)} will change`)}</span>
          <span class="count refused">${msg(str`${formatCount(refused)} refused`)}</span>
        </p>
      </div>
      ${this.renderList(plan.rows, (row) => this.previewRow(row))}
      ${
        allowed === 0
          ? html`<p class="notice warning" part="status">
              ${msg('Nothing to do: the rules refuse every selected conversation.')}
            </p>`
          : plan.action.kind === 'force-close'
            ? html`<div class="notice danger-zone" part="status">
                <p>
                  ${msg(
                    'The customers and representatives are told that their conversations were ended, and each status becomes Closed.',
                  )}
                </p>
                <p><strong>${msg('This cannot be undone.')}</strong></p>
              </div>`
            : nothing
      }
      ${
        this.vetoed
          ? html`<p class="notice warning" part="status" role="status">
              ${msg('The page stopped this; nothing was sent.')}
            </p>`
          : nothing
      }`;
  }

  private renderRunning(): TemplateResult {
    const plan = this.plan;
    const rows = plan?.rows ?? [];
    const done = this.progress.filter((r) => r !== undefined).length;
    const label = msg(str`${formatCount(done)} of ${formatCount(rows.length)} done`);
    return html`<div class="summary-block" part="summary">
        <label class="progress-label">
          <span>${label}</span>
          <progress part="progress" max=${rows.length} .value=${done}></progress>
        </label>
      </div>
      ${this.renderList(rows, (row, i) => this.resultRow(row, this.progress[i]))}`;
  }

  private renderResults(): TemplateResult {
    const plan = this.plan;
    const result = this.result;
    if (!plan || !result) return html``;
    return html`<div
        class="summary-block ${result.failed > 0 ? 'has-failures' : ''}"
        part="summary"
        role=${result.failed > 0 ? 'alert' : 'status'}
      >
        <p class="sentence"><strong>${result.summary}</strong></p>
        <p class="totals">
          <span class="count succeeded"
            >${msg(str`${formatCount(result.succeeded)} succeeded`)}</span
          >
          <span class="count failed">${msg(str`${formatCount(result.failed)} failed`)}</span>
          <span class="count refused">${msg(str`${formatCount(result.refused)} refused`)}</span>
        </p>
      </div>
      ${this.renderList(plan.rows, (row, i) => this.resultRow(row, result.rows[i]))}`;
  }

  private renderList(
    rows: readonly BulkPlanRow[],
    item: (row: BulkPlanRow, index: number) => TemplateResult,
  ): TemplateResult {
    const shown = rows.slice(0, LIST_LIMIT);
    return html`<ul class="rows" part="rows" aria-label=${msg('Selected conversations')}>
        ${repeat(
          shown,
          (r) => r.conversationId,
          (r, i) => item(r, i),
        )}
      </ul>
      ${
        rows.length > shown.length
          ? html`<p class="more">
              ${msg(str`And ${formatCount(rows.length - shown.length)} more, counted above.`)}
            </p>`
          : nothing
      }`;
  }

  private who(row: BulkPlanRow): TemplateResult {
    const c = row.conversation;
    const name = c ? c.customerName || msg('Unnamed customer') : row.conversationId;
    return html`<span class="who"
      ><strong><bdi>${name}</bdi></strong
      >${c ? html` <span class="channel">${channelLabel(c.channel)}</span>` : nothing}</span
    >`;
  }

  private previewRow(row: BulkPlanRow): TemplateResult {
    const verdict = row.verdict;
    return html`<li
      class="row ${verdict.allowed ? 'allowed' : 'refused'}"
      part="row ${verdict.allowed ? 'row-allowed' : 'row-refused'}"
    >
      ${this.who(row)}
      <span class="badge">${verdict.allowed ? msg('Will change') : msg('Refused')}</span>
      <span class="what">${row.effect}</span>
      ${verdict.allowed ? nothing : html`<span class="why">${verdict.detail}</span>`}
    </li>`;
  }

  private resultRow(row: BulkPlanRow, result: BulkRowResult | undefined): TemplateResult {
    const status = result?.status ?? 'pending';
    const label =
      status === 'succeeded'
        ? msg('Succeeded')
        : status === 'failed'
          ? msg('Failed')
          : status === 'refused'
            ? msg('Refused')
            : msg('Waiting…');
    const what =
      status === 'pending'
        ? row.effect
        : status === 'succeeded'
          ? this.doneText()
          : result?.error
            ? describeCommandError(result.error)
            : '';
    return html`<li class="row ${status}" part="row row-${status}">
      ${this.who(row)}
      <span class="badge">${label}</span>
      <span class="what">${what}</span>
    </li>`;
  }

  /** What a row that succeeded now is: "Closed." or "Now in the Billing queue." */
  private doneText(): string {
    const action = this.plan?.action;
    if (!action || action.kind === 'force-close') return msg('Closed; its participants were told.');
    const queue = this.queues?.get(action.queueId)?.name || action.queueId;
    return msg(str`Now in the ${queue} queue.`);
  }

  private renderActions(): unknown {
    switch (this.step) {
      case 'choose':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
            ${msg('Cancel')}
          </button>
          <button class="primary" ?disabled=${!this.queueId} @click=${this.onPreview}>
            ${msg('Preview')}
          </button>`;
      case 'preview': {
        const allowed = this.plan?.totals.allowed ?? 0;
        const n = formatCount(allowed);
        const confirm =
          this.action === 'force-close'
            ? allowed === 1
              ? msg('Close 1 conversation')
              : msg(str`Close ${n} conversations`)
            : allowed === 1
              ? msg('Assign 1 conversation')
              : msg(str`Assign ${n} conversations`);
        return html`${
            this.action === 'assign-queue'
              ? html`<button class="secondary" @click=${this.onBack}>${msg('Back')}</button>`
              : nothing
          }
          <button class="secondary" data-initial-focus @click=${this.close}>
            ${allowed > 0 ? msg('Cancel') : msg('Close')}
          </button>
          ${
            allowed > 0
              ? html`<button
                  class="${this.action === 'force-close' ? 'danger' : 'primary'} primary-action"
                  @click=${this.onConfirm}
                >
                  ${confirm}
                </button>`
              : nothing
          }`;
      }
      case 'running':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
          ${msg('Close')}
        </button>`;
      case 'results':
        return html`<button class="secondary" data-initial-focus @click=${this.close}>
            ${msg('Done')}
          </button>
          ${
            (this.result?.failed ?? 0) > 0
              ? html`<button class="primary primary-action" @click=${this.onTryAgain}>
                  ${msg('Try again')}
                </button>`
              : nothing
          }`;
    }
  }

  private onPreview = (): void => {
    this.preview();
  };

  private onBack = (): void => {
    this.plan = null;
    this.vetoed = false;
    this.step = 'choose';
  };

  private onConfirm = (): void => {
    void this.confirm();
  };

  private onTryAgain = (): void => {
    void this.tryAgain();
  };
}

/** A single command's final outcome as a bulk row's result (for a same-key resend). */
function fromOutcome(conversationId: string, outcome: CommandOutcome): BulkRowResult {
  if (outcome.status === 'succeeded')
    return { conversationId, status: 'succeeded', sent: true, outcome };
  if (outcome.status === 'refused') {
    return {
      conversationId,
      status: 'refused',
      sent: false,
      outcome,
      error: outcome.error ?? commandError('invalid'),
    };
  }
  return {
    conversationId,
    status: 'failed',
    sent: true,
    outcome,
    error: outcome.error ?? commandError('unavailable'),
  };
}
