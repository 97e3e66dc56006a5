import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Observable } from 'rxjs';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  DEFAULT_SORT,
  isActionEnabled,
  type Conversation,
  type ConversationFilter,
  type ConversationSort,
  type Queue,
  type RuleContext,
  type SortKey,
  type Supervisor,
} from '../../domain/index.js';
import type { TargetRef } from '../../adapters/backend-adapter.js';
import { ActionRequestEvent, type ConversationAction } from '../../events/action-request.js';
import { ViewChangeEvent, type ViewChangeSource } from '../../events/view-change.js';
import { BulkRequestEvent, type BulkActionKind } from '../../events/bulk-request.js';
import { SelectionChangeEvent } from '../../events/selection-change.js';
import { sharedClock } from '../../internal/clock.js';
import type { ConnectionState } from '../../service/state.js';
import type { ConversationView, SupervisorService } from '../../service/supervisor-service.js';
import { ActionsMenuController, type ActionsMenuHost } from './actions-menu.js';
import { offerSentence, stuckOffer, type ShownAlert } from './alert-cells.js';
import {
  alertCounts,
  renderAlertsPanel,
  thresholdsFromForm,
  type AlertsHandlers,
} from './alerts-panel.js';
import {
  AttentionTracker,
  encodeTableThresholds,
  hasTableThresholds,
  normalizeTableThresholds,
  rowAlert,
  thresholdsConverter,
  type TableThresholds,
} from './attention.js';
import { LiveAnnouncer } from './announcer.js';
import { renderBodyRow } from './body-row.js';
import {
  ACTIONS_COLUMN,
  DATA_COLUMNS,
  SORT_LABELS,
  gridTemplate,
  type CellContext,
  type Column,
} from './columns.js';
import {
  GridKeyboardController,
  type CellPosition,
  type GridBounds,
  type GridKeyboardHost,
} from './grid-keyboard-controller.js';
import { styles } from './ongoing-conversations-table.styles.js';
import {
  ROW_ACTIONS,
  actionForKey,
  actionLabel,
  anyActionEnabled,
  rowActions,
} from './row-actions.js';
import { RowChangeTracker } from './row-changes.js';
import { RowSelection } from './selection.js';
import {
  SELECT_COLUMN,
  bulkActionsEnabled,
  renderSelectHeader,
  renderSelectionBar,
  selectionStyles,
  type SelectionBarHandlers,
} from './selection-bar.js';
import {
  SavedViewStore,
  cleanViewName,
  encodeView,
  isFiltered,
  normalizeFilter,
  normalizeSort,
  urlWithView,
  viewFromUrl,
  type SavedView,
  type TableView,
} from './saved-views.js';
import {
  formatCount,
  renderBanner,
  renderEmpty,
  renderError,
  renderFooter,
  renderLoading,
  renderSkeleton,
} from './status-parts.js';
import { renderToolbar, type ListField, type ToolbarHandlers } from './toolbar.js';
import { WindowingController } from './windowing.js';
import { styleProps } from '../shared/style-props.js';

/** The grid's default accessible name, in English; shown in the active language. */
const DEFAULT_LABEL = 'Ongoing conversations';

const EMPTY_RULES: RuleContext = {
  settings: { monitor: false, assign: false, transfer: false, forceClose: false },
  supervisorId: '',
  representatives: new Map(),
};
const EMPTY_QUEUES: ReadonlyMap<string, Queue> = new Map();
const EMPTY_SUPERVISORS: ReadonlyMap<string, Supervisor> = new Map();

/**
 * The supervisor's live list of ongoing conversations: who is waiting, who handles what, how the
 * customer feels, and the row actions Monitor, Assign, Transfer and Force close. It follows the
 * `SupervisorService` it gets through context (or the `service` property) and never calls the backend
 * itself: an action only fires a cancelable `sc-action-request`, and the console opens the dialog.
 *
 * It is an ARIA grid with one tab stop. Rows are windowed at a fixed height (`--sc-row-height`), so
 * 10,000 conversations keep only the visible rows in the DOM; `aria-rowcount`/`aria-rowindex` still
 * count every row (the header is row 1).
 *
 * **Keyboard** (when the grid has focus): arrows move the active cell; Home/End go to the row's first
 * or last cell, Ctrl+Home/Ctrl+End to the first or last row; PageUp/PageDown move a screenful;
 * Enter or Space on a header sorts by it (again: reverses); Enter on a row opens its actions menu.
 * Row shortcuts: **M** Monitor, **A** Assign, **T** Transfer, **Delete** (or Backspace) Force
 * close. In the menu: arrows, Home/End, Enter/Space, the same letters, Escape to close.
 *
 * **Selection** (with `selectable`, when the admin has turned on assigning or force close): a leading
 * checkbox column (its header selects every row shown, or none); the grid is `aria-multiselectable`
 * and each row carries `aria-selected`. Space toggles the focused row (Enter still opens its menu);
 * Shift+Space selects from the last toggled row to the focused one; Shift+ArrowUp/ArrowDown move and
 * extend the selection; Ctrl+A (⌘A) selects every row shown; Escape clears the selection. The
 * selection is kept by conversation id, so it survives live updates, sorting and scrolling; a
 * conversation that leaves the rows shown (closed, filtered out) leaves the selection. While rows
 * are selected, a bar offers the bulk actions that are on; picking one fires `sc-bulk-request`.
 *
 * **Saved views** are kept in `localStorage` under `persist-key`; with `url-sync` the current view is
 * written to (and read from) the page URL's `url-param` parameter, so a link shares it.
 *
 * **Alerts** (`thresholds`, the toolbar's "Alerts" panel; saved with a view): rows over the wait
 * limit, at or below a sentiment step, or whose representative is over capacity are marked (an icon
 * and "Alert", the reasons in the row's description) and newly crossed ones are announced politely,
 * at most once per `announceIntervalMs`, several collapsed into a count. With `stuckAfterMs`, rows
 * whose customer has waited that long on an away or offline representative are marked "Stuck" and,
 * while transfers are on, offer one step: "Reassign to NAME" (or the transfer dialog when nobody is
 * free), also on the row shortcut **R**. It fires `sc-action-request` for `transfer` with the
 * suggested `target` in its detail.
 *
 * @tagname ongoing-conversations-table
 * @summary Live, virtualized, keyboard-accessible grid of ongoing conversations with row actions,
 * filters, sorting and saved views.
 *
 * @slot empty - Shown when no conversation matches (default: a sentence and, when filtered, a
 *   "Clear filters" button).
 * @slot toolbar - Extra controls at the end of the toolbar.
 * @slot footer - Extra content in the footer, after the row count.
 *
 * @csspart toolbar - The bar holding search, filters, sort and saved views.
 * @csspart search - The search field.
 * @csspart filter - Each filter control (disclosure or select).
 * @csspart views - The saved-views disclosure.
 * @csspart status - The "last updated" time and connection indicator.
 * @csspart banner - The reconnecting/offline banner (a `role=status` region).
 * @csspart grid - The element with `role=grid` (header and body).
 * @csspart header - The header row.
 * @csspart header-cell - Each column header.
 * @csspart body - The scrolling body holding the rows.
 * @csspart row - Each body row (also `row-closing` while a closed conversation leaves, `row-changed`
 *   while highlighted).
 * @csspart cell - Each body cell.
 * @csspart actions - Each row's actions button.
 * @csspart menu - The row actions menu.
 * @csspart menu-item - Each item of the actions menu.
 * @csspart empty - The empty state (around the `empty` slot).
 * @csspart error - The error state.
 * @csspart loading - The loading state (skeleton rows).
 * @csspart footer - The footer with the row count and key help.
 * @csspart alerts - The "Alerts" disclosure of the toolbar (also `filter`).
 * @csspart row-alert - Each row that needs attention or is stuck (with `row`; also `row-stuck`).
 * @csspart alert - The mark at the start of an alerting row's customer cell.
 * @csspart reassign - A stuck row's one-step button ("Reassign to NAME", or "Transfer…").
 * @csspart selection-bar - The bar shown while rows are selected (count, bulk actions, Clear).
 * @csspart bulk-action - Each bulk action button of the selection bar.
 * @csspart bulk-clear - The selection bar's "Clear selection" button.
 *
 * @cssprop [--sc-table-height=36rem] - Height of the element (the body scrolls inside it).
 * @cssprop [--sc-table-min-width=68rem] - Width under which the grid scrolls sideways.
 * @cssprop [--sc-table-columns] - Overrides the grid's `grid-template-columns`: one track per data column,
 * plus the Actions column when shown. The selection checkbox column keeps its own track before them.
 * @cssprop [--sc-row-height=40px] - Height of every body row (fixed: rows are windowed by it).
 * @cssprop [--sc-color-background=#ffffff] - Background (dark: #16191d).
 * @cssprop [--sc-color-surface=#f6f7f9] - Header, toolbar and hover background (dark: #1f2328).
 * @cssprop [--sc-color-text=#1b1f24] - Text (dark: #e8eaed).
 * @cssprop [--sc-color-text-muted=#59636e] - Secondary text (dark: #a4adb8).
 * @cssprop [--sc-color-border=#d4d9df] - Borders and rules (dark: #3a4149).
 * @cssprop [--sc-color-accent=#0f62c9] - Sort indicator, links, pressed toggles (dark: #7cb4ff).
 * @cssprop [--sc-color-focus=#0f62c9] - Focus ring (dark: #7cb4ff).
 * @cssprop [--sc-color-highlight=#fff4c2] - Flash of a row that just changed (dark: #4a3f12).
 * @cssprop [--sc-color-warning=#8a5a00] - Reconnecting banner, over-capacity note (dark: #f5c451).
 * @cssprop [--sc-color-danger=#b3261e] - Offline banner and error state (dark: #ff8a80).
 * @cssprop [--sc-color-sentiment-positive=#1e7a3a] - Positive sentiment (dark: #7ddc96).
 * @cssprop [--sc-color-sentiment-negative=#b3261e] - Negative sentiment (dark: #ff8a80).
 * @cssprop [--sc-color-sentiment-neutral=#59636e] - Neutral sentiment (dark: #a4adb8).
 * @cssprop [--sc-radius=6px] - Corner radius of controls.
 * @cssprop [--sc-font-family=system-ui] - Font.
 * @cssprop [--sc-font-size=0.875rem] - Base font size.
 * @cssprop [--sc-spacing=0.5rem] - Base spacing unit.
 *
 * @fires {ActionRequestEvent} sc-action-request - The supervisor picked an allowed row action
 *   (`detail: { action, conversationId, conversation, target? }`; `target` is set by a stuck row's
 *   "Reassign to NAME"). Cancelable: `preventDefault()` vetoes it.
 * @fires {ViewChangeEvent} sc-view-change - The supervisor changed the filter, sort or alert
 *   thresholds (`detail: { filter, sort, thresholds, viewName, encoded, source }`). Not fired when
 *   the host sets `filter`, `sort` or `thresholds`.
 * @fires {SelectionChangeEvent} sc-selection-change - The row selection changed (`detail:
 *   { selectedIds, source }`). Not fired when the host sets `selectedIds`.
 * @fires {BulkRequestEvent} sc-bulk-request - The supervisor picked a bulk action in the selection
 *   bar (`detail: { action, conversationIds }`). Cancelable: `preventDefault()` vetoes it.
 */
@localized()
export class OngoingConversationsTable
  extends LitElement
  implements GridKeyboardHost, ActionsMenuHost
{
  static override styles = [...styles, selectionStyles];

  /** The data service; provided through `supervisorServiceContext` or set directly. */
  @consume({ context: supervisorServiceContext, subscribe: true })
  @property({ attribute: false })
  service?: SupervisorService;

  /** What the table shows: every field narrows (see `ConversationFilter`). */
  @property({ attribute: false })
  filter: ConversationFilter = {};

  /** How the rows are ordered; `{ key: 'attention', direction: 'desc' }` ranks what needs you first. */
  @property({ attribute: false })
  sort: ConversationSort = DEFAULT_SORT;

  /** The grid's accessible name (the default is said in the active language). */
  @property()
  label = DEFAULT_LABEL;

  /**
   * `localStorage` key under which saved views are kept (one list per key). Empty: no saved views.
   */
  @property({ attribute: 'persist-key' })
  persistKey = 'sc-ongoing-conversations';

  /**
   * The saved view applied now (`null` after the supervisor changes filter or sort). Setting it applies
   * the saved view of that name.
   */
  @property({ attribute: 'view-name', reflect: true })
  viewName: string | null = null;

  /** Read the view from the page URL on load and write it there on every change (for share links). */
  @property({ attribute: 'url-sync', type: Boolean })
  urlSync = false;

  /** The URL query parameter `url-sync` uses. */
  @property({ attribute: 'url-param' })
  urlParam = 'view';

  /** Forces the light or dark palette; by default it follows `prefers-color-scheme`. */
  @property({ reflect: true })
  theme?: 'light' | 'dark';

  /**
   * The alert thresholds (`TableThresholds`: `maxWaitMs`, `sentimentAtOrBelow`,
   * `representativeOverCapacity`, `stuckAfterMs`; a missing field is off). Part of a saved view and of
   * the `url-sync` link. The attribute takes the URL form: `await:300;asent:negative;acap:1;astuck:120`
   * (seconds). Setting it fires no event.
   */
  @property({ attribute: 'alert-thresholds', converter: thresholdsConverter })
  thresholds: TableThresholds = {};

  /** The least time between two alert announcements (milliseconds); the rest is collapsed. */
  @property({ attribute: false })
  announceIntervalMs = 10_000;

  /**
   * Rows can be selected for a bulk action (a leading checkbox column and a selection bar). Off by
   * default, so a table embedded on its own keeps its columns; `<supervisor-console>` turns it on.
   * Even on, selection is offered only while assigning or force close is switched on.
   */
  @property({ type: Boolean, reflect: true })
  selectable = false;

  /**
   * The selected conversation ids, in the order they were selected (always a subset of the rows
   * shown). Setting it replaces the selection (ids not shown are dropped at the next update) and
   * fires no event.
   */
  get selectedIds(): readonly string[] {
    return this.selection.list();
  }
  set selectedIds(ids: readonly string[]) {
    if (this.selection.replace(ids ?? [])) this.requestUpdate();
  }

  /** The search field's text (committed to `filter.text` after a short pause). */
  @state() private searchDraft = '';
  @state() private savedViews: SavedView[] = [];
  /** The filter disclosure open now (only its options are rendered). */
  @state() private openFilter: ListField | null = null;

  @query('.body') private bodyEl?: HTMLElement;
  @query('.probe') private probeEl?: HTMLElement;
  @query('.live') private liveEl?: HTMLElement;
  @query('.cell-tip') private tipEl?: HTMLElement;
  @query('.frame') private frameEl?: HTMLElement;

  private readonly view = new ObservableController<ConversationView>(this, () => this.viewSource());
  private viewCache?: {
    service: SupervisorService;
    filter: ConversationFilter;
    sort: ConversationSort;
    source: Observable<ConversationView>;
  };
  private readonly connection = new ObservableController<ConnectionState>(
    this,
    () => this.service?.connection$,
  );
  private readonly rules = new ObservableController<RuleContext>(
    this,
    () => this.service?.ruleContext$,
  );
  private readonly queues = new ObservableController<ReadonlyMap<string, Queue>>(
    this,
    () => this.service?.queues$,
  );
  /** The centre's supervisors, to name who else monitors or joined a conversation. */
  private readonly supervisors = new ObservableController<ReadonlyMap<string, Supervisor>>(
    this,
    () => this.service?.supervisors$,
  );
  /** One shared one-second tick re-renders the visible times; each time is computed at render. */
  private readonly clock = new ObservableController<number>(this, () =>
    this.service ? sharedClock() : undefined,
  );
  /*
   * Two rows beyond each edge: the window is re-rendered in the frame of every scroll event, so more
   * only adds rows to build, lay out and update on every change (each is about 6% of a render).
   */
  private readonly windowing = new WindowingController(this, { overscan: 2 });
  private readonly keyboard = new GridKeyboardController(this);
  private readonly menu = new ActionsMenuController(this);
  private readonly changes = new RowChangeTracker(1200);
  private readonly announcer = new LiveAnnouncer(() => this.liveEl);
  private readonly attention = new AttentionTracker();
  /** What the last alert evaluation was against (a new one re-bases silently) and when. */
  private alertBase: {
    thresholds: TableThresholds;
    filter: ConversationFilter;
    service: SupervisorService;
    loaded: boolean;
  } | null = null;
  private lastAlertTick: number | undefined;
  private announceAlerts = false;
  private readonly selection = new RowSelection();

  private boundFilter?: ConversationFilter;
  private boundSort?: ConversationSort;
  private boundService?: SupervisorService;
  private appliedViewName: string | null = null;
  /** The conversation of the active row: the active cell follows it when rows reorder. */
  private activeId: string | null = null;
  private pendingFocus: CellPosition | null = null;
  private focusInGrid = false;
  private hadRows = false;
  private lastTick: number | undefined;
  private rowShortcuts = 'Enter';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private announceSort = false;
  private announceFilter = false;
  private initialized = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.initialized) {
      this.initialized = true;
      this.restoreInitialView();
    }
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('storage', this.onStorage);
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('storage', this.onStorage);
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    clearTimeout(this.searchTimer);
    clearTimeout(this.announceTimer);
    this.announcer.cancel();
  }

  // ----- public API ---------------------------------------------------------------------------

  /** The saved views of this table (`persist-key`), in the order they were saved. */
  getSavedViews(): SavedView[] {
    return this.store().list();
  }

  /**
   * Applies the saved view `name` (filter and sort) as if the supervisor picked it, and fires
   * `sc-view-change`. Returns `false` when there is no such view.
   */
  applyView(name: string): boolean {
    const view = this.store().get(name);
    if (!view) return false;
    this.changeView(view, 'saved-view', view.name);
    return true;
  }

  /** Saves the current filter, sort and alert thresholds under `name` (replacing a view of that name). */
  saveView(name: string): boolean {
    const clean = cleanViewName(name);
    const view = { name: clean, filter: this.filter, sort: this.sort, thresholds: this.thresholds };
    if (!clean || !this.store().save(view)) {
      return false;
    }
    this.appliedViewName = clean;
    this.viewName = clean;
    this.refreshSavedViews();
    this.announce(msg(str`View "${clean}" saved.`));
    return true;
  }

  /** Deletes the saved view `name`. */
  deleteView(name: string): boolean {
    const clean = cleanViewName(name);
    if (!this.store().remove(clean)) return false;
    if (this.viewName === clean) {
      this.appliedViewName = null;
      this.viewName = null;
    }
    this.refreshSavedViews();
    this.announce(msg(str`View "${clean}" deleted.`));
    return true;
  }

  /** Moves focus to the grid's active cell (its one tab stop). */
  focusGrid(): void {
    this.focusCell(this.keyboard.active);
  }

  /** Unselects every row (fires no event: the host asked). */
  clearSelection(): void {
    if (this.selection.clear()) this.requestUpdate();
  }

  // ----- lifecycle ----------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('persistKey')) this.refreshSavedViews();
    if (changed.has('viewName') && this.viewName !== this.appliedViewName) {
      // The host named a saved view: apply it (quietly: the host asked, not the supervisor).
      const view = this.viewName ? this.store().get(this.viewName) : undefined;
      this.appliedViewName = view?.name ?? null;
      this.viewName = view?.name ?? null;
      if (view) {
        this.filter = view.filter;
        this.sort = view.sort;
      }
    }
    if (changed.has('filter') && !this.searchTimer) this.searchDraft = this.filter.text ?? '';
    const serviceChanged = this.service !== this.boundService;
    if (serviceChanged) {
      this.boundService = this.service;
      this.connection.refresh();
      this.rules.refresh();
      this.queues.refresh();
      this.supervisors.refresh();
      this.clock.refresh();
    }
    if (serviceChanged || this.filter !== this.boundFilter || this.sort !== this.boundSort) {
      if (this.boundFilter !== undefined) {
        // A new filter or sort starts at the top: the active row and the scroll position reset (on
        // live data changes, by contrast, the active cell follows its conversation).
        this.activeId = null;
        const { row, col } = this.keyboard.active;
        if (row > 1) this.keyboard.active = { row: 1, col };
        this.windowing.scrollToIndex(0);
      }
      this.boundFilter = this.filter;
      this.boundSort = this.sort;
      this.view.refresh();
    }
    if (!this.hasUpdated) {
      // Size the first window from the host, so the first render already shows the rows.
      this.windowing.estimate(this.clientHeight, this.cssRowHeight());
    }
    this.refreshTimeFilteredView();
    const view = this.view.value;
    if (view && this.service) this.changes.track(view, this.service.state.conversations);
    this.evaluateAlerts();
    this.pruneSelection();
    this.followActiveRow();
    if (this.menu.openFor && !this.findRow(this.menu.openFor)) {
      // The conversation left the view (closed, filtered out) while its menu was open.
      this.menu.close(false);
      this.announce(msg('That conversation is no longer in the list.'));
    }
    const focused = this.shadowRoot?.activeElement ?? null;
    this.focusInGrid = focused !== null && focused.closest('[role="grid"]') !== null;
  }

  protected override firstUpdated(): void {
    if (this.bodyEl) this.windowing.attach(this.bodyEl, this.probeEl ?? null);
  }

  protected override updated(): void {
    // Rows are rendered (repeat renders them at commit): the new view's changes have been seen.
    this.changes.rendered();
    if (!this.pendingFocus && this.focusInGrid && !this.shadowRoot?.activeElement) {
      // The focused row was moved or replaced by this render (a live reorder, a conversation that
      // left): put focus back on the active cell, which follows the conversation.
      this.cellTarget(this.keyboard.active)?.focus({ preventScroll: true });
    }
    this.focusInGrid = false;
    if (this.pendingFocus) {
      const target = this.cellTarget(this.pendingFocus);
      this.pendingFocus = null;
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  }

  // ----- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const view = this.view.value;
    const connection = this.connection.value;
    const rules = this.rules.value ?? EMPTY_RULES;
    const columns = this.columns(rules);
    const failed = this.failed;
    const loading = !failed && (!view || connection?.lastUpdateAt === null);
    const rows = loading || failed || !view ? [] : view.rows;
    if (rows.length > 0 && !this.hadRows && !this.matches(':focus-within')) {
      // Rows arrived (first load, or after an empty result): the tab stop goes back to the first row.
      this.keyboard.active = { row: 1, col: this.keyboard.active.col };
    }
    this.hadRows = rows.length > 0;
    this.keyboard.clamp(this.gridBounds(rows.length, columns.length));
    return html`
      ${renderToolbar(
        {
          filter: this.filter,
          sort: this.sort,
          searchDraft: this.searchDraft,
          queues: (this.queues.value ?? EMPTY_QUEUES).values(),
          representatives: rules.representatives.values(),
          savedViews: this.persistKey ? this.savedViews : null,
          viewName: this.viewName,
          urlSync: this.urlSync,
          openFilter: this.openFilter,
          alerts: renderAlertsPanel(
            {
              thresholds: this.thresholds,
              attention: this.attention.attention,
              stuck: this.attention.stuck,
            },
            this.alertsHandlers,
          ),
        },
        this.toolbarHandlers,
      )}
      ${renderBanner(connection, this.retry)}
      ${
        this.selecting(rules)
          ? renderSelectionBar(
              this.selection.size,
              bulkActionsEnabled(rules.settings),
              this.selectionBarHandlers,
            )
          : nothing
      }
      <div class="frame">
        <div
          part="grid"
          class="grid"
          role="grid"
          aria-label=${this.label === DEFAULT_LABEL ? msg('Ongoing conversations') : this.label}
          aria-describedby="keys-help"
          aria-rowcount=${rows.length + 1}
          aria-colcount=${columns.length}
          aria-busy=${loading ? 'true' : 'false'}
          aria-multiselectable=${ifDefined(this.selecting(rules) ? 'true' : undefined)}
          style=${styleProps({ '--_columns': columnTracks(columns) })}
          @keydown=${this.onGridKeyDown}
          @focusin=${this.onGridFocusIn}
          @focusout=${this.onGridFocusOut}
          @click=${this.onGridClick}
          @pointerdown=${this.onGridPointerDown}
        >
          ${this.renderHeader(columns)}
          <div class="body" part="body" @scroll=${this.onBodyScroll}>
            <div class="probe" aria-hidden="true"></div>
            ${
              rows.length > 0
                ? this.renderRows(rows, columns, rules)
                : loading
                  ? renderSkeleton(columns, this.windowing.rowHeight)
                  : nothing
            }
          </div>
        </div>
        ${
          failed
            ? renderError(this.errorMessage(), this.retry)
            : loading
              ? renderLoading()
              : rows.length === 0
                ? renderEmpty(isFiltered(this.filter) ? (view?.total ?? 0) : 0, this.clearFilters)
                : nothing
        }
        <div class="cell-tip" aria-hidden="true" hidden></div>
      </div>
      ${renderFooter(
        view && !failed && !loading ? { shown: this.changes.shown, total: view.total } : null,
        rules.settings,
        connection,
        this.selecting(rules),
      )}
      ${this.menu.render()}
      <div class="visually-hidden live" role="status" aria-live="polite" aria-atomic="true"></div>
    `;
  }

  private renderHeader(columns: readonly Column[]): TemplateResult {
    return html`
      <div class="head" role="rowgroup">
        <div class="row header-row" part="header" role="row" aria-rowindex="1">
          ${columns.map((col, i) => {
            const active = this.keyboard.isActive(0, i);
            if (col.id === 'select') {
              const shown = this.rows.length;
              return renderSelectHeader(this.selection.allState(shown), shown, i, active);
            }
            const sorted = col.sortKey !== null && this.sort.key === col.sortKey;
            const direction = sorted ? this.sort.direction : null;
            const ariaSort =
              direction === 'asc'
                ? 'ascending'
                : direction === 'desc'
                  ? 'descending'
                  : col.sortKey
                    ? 'none'
                    : undefined;
            return html`
              <div
                class="cell head-cell ${col.numeric ? 'numeric' : ''}"
                part="header-cell"
                role="columnheader"
                aria-sort=${ifDefined(ariaSort)}
                data-col=${i}
                tabindex=${ifDefined(col.sortKey ? undefined : active ? 0 : -1)}
              >
                ${
                  col.sortKey
                    ? html`<button
                        type="button"
                        class="sort"
                        data-row="0"
                        data-col=${i}
                        data-sort=${col.sortKey}
                        tabindex=${active ? 0 : -1}
                      >
                        <span>${col.label}</span>${sortIcon(direction)}
                      </button>`
                    : html`<span class="head-label">${col.label}</span>`
                }
              </div>
            `;
          })}
        </div>
      </div>
    `;
  }

  private renderRows(
    rows: readonly Conversation[],
    columns: readonly Column[],
    rules: RuleContext,
  ): TemplateResult {
    const h = this.windowing.rowHeight;
    const range = this.windowing.range(rows.length);
    const indexes: number[] = [];
    for (let i = range.start; i < range.end; i++) indexes.push(i);
    const span = Math.max(1, range.end - range.start);
    // The active row stays rendered even when scrolled away: it holds the grid's one tab stop.
    const activeIndex = this.keyboard.active.row - 1;
    if (
      activeIndex >= 0 &&
      activeIndex < rows.length &&
      (activeIndex < range.start || activeIndex >= range.end)
    ) {
      indexes.push(activeIndex);
    }
    this.rowShortcuts = [
      'Enter',
      ...ROW_ACTIONS.filter((a) => isActionEnabled(rules.settings, a.action)).map(
        (a) => a.keyLabel,
      ),
    ].join(' ');
    const ctx: CellContext = {
      now: this.service?.now() ?? Date.now(),
      representatives: rules.representatives,
      queues: this.queues.value ?? EMPTY_QUEUES,
      supervisorId: rules.supervisorId,
      supervisors: this.supervisors.value ?? EMPTY_SUPERVISORS,
    };
    this.renderRules = rules;
    return html`
      <div
        class="spacer-y"
        aria-hidden="true"
        style=${styleProps({ height: `${rows.length * h}px` })}
      ></div>
      ${repeat(
        indexes,
        // Keyed by position in the window, not by conversation: a sort, a filter or a scroll step
        // reuses the same row elements with new content (as a hand-written virtual table recycles
        // its pool) instead of building new ones. The active row (the grid's tab stop, maybe
        // focused) has a key of its own, so its element follows it wherever it moves.
        (i) => (i === activeIndex ? 'active' : i % span),
        (i) => this.renderRow(rows[i]!, i, columns, ctx, h),
      )}
    `;
  }

  private renderRow(
    c: Conversation,
    index: number,
    columns: readonly Column[],
    ctx: CellContext,
    rowHeight: number,
  ): TemplateResult {
    const selectable = columns[0]?.id === SELECT_COLUMN.id;
    const active = this.keyboard.active;
    return renderBodyRow(c, {
      index,
      rowHeight,
      ctx,
      activeCol: active.row === index + 1 ? active.col : -1,
      flash: this.changes.flash(c, ctx.now),
      alert: this.alertOf(c, ctx.now),
      selectable,
      selected: selectable && this.selection.has(c.id),
      actions: columns[columns.length - 1]?.id === ACTIONS_COLUMN.id,
      menuOpen: this.menu.openFor === c.id,
      shortcuts: this.rowShortcuts,
    });
  }

  // ----- alerts and stuck conversations ---------------------------------------------------------

  /** The rule context of the render in progress (the rows' alerts read it). */
  private renderRules: RuleContext = EMPTY_RULES;

  /** A visible row's alert now (`null`: none), computed when it is rendered. */
  private alertOf(c: Conversation, now: number): ShownAlert | null {
    const alert = rowAlert(c, this.renderRules, this.thresholds, now);
    if (!alert) return null;
    const offer =
      alert.stuck && isActionEnabled(this.renderRules.settings, 'transfer')
        ? stuckOffer(alert)
        : null;
    const extra = offerSentence(offer);
    return {
      ...alert,
      offer,
      description: extra ? `${alert.description} ${extra}` : alert.description,
    };
  }

  /** A stuck row's one step: fire the transfer request with the suggested target (or none: the dialog). */
  private reassign(c: Conversation): void {
    const alert = this.alertOf(c, this.service?.now() ?? Date.now());
    const offer = alert?.offer;
    if (!offer) return;
    if (offer.kind === 'none') {
      this.announce(offer.reason);
      return;
    }
    this.requestAction(
      c,
      'transfer',
      offer.kind === 'reassign' ? { type: 'representative', id: offer.id } : undefined,
    );
  }

  /**
   * Evaluates every row of the view against the thresholds once per tick of the shared clock (and at
   * once when the thresholds, the filter or the service change: silently, as a new baseline), and
   * announces what newly crossed, rate-limited.
   */
  private evaluateAlerts(): void {
    const view = this.view.value;
    const service = this.service;
    if (!view || !service) return;
    const base = this.alertBase;
    const loaded = this.connection.value?.lastUpdateAt != null;
    const rebase =
      !base ||
      base.thresholds !== this.thresholds ||
      base.filter !== this.filter ||
      base.service !== service ||
      base.loaded !== loaded;
    const tick = this.clock.value;
    if (!rebase && tick === this.lastAlertTick) return;
    this.lastAlertTick = tick;
    if (rebase)
      this.alertBase = { thresholds: this.thresholds, filter: this.filter, service, loaded };
    const text = this.attention.evaluate(
      view.rows,
      (this.rules.value ?? EMPTY_RULES).representatives,
      this.thresholds,
      service.now(),
      this.alertBase,
      this.announceIntervalMs,
    );
    if (text) this.announce(text);
  }

  private readonly alertsHandlers: AlertsHandlers = {
    onAlertsChange: (event) => {
      const form = (event.currentTarget as HTMLElement).closest('form');
      if (!form) return;
      this.changeView(
        { filter: this.filter, sort: this.sort, thresholds: thresholdsFromForm(form) },
        'user',
      );
    },
    onDetailsToggle: (event) => this.toolbarHandlers.onDetailsToggle(event),
  };

  // ----- state, columns, rows and focus -------------------------------------------------------

  /**
   * A wait- or handle-time threshold depends on the clock, not only on the data: on each tick of the
   * shared clock, recompute the view so conversations appear as they cross the threshold even when
   * nothing else changes.
   */
  private refreshTimeFilteredView(): void {
    const tick = this.clock.value;
    if (tick === this.lastTick) return;
    this.lastTick = tick;
    const { service, filter, sort } = this;
    if (!service || !this.view.value || !(filter.minWaitMs || filter.minHandleMs)) return;
    this.view.value = service.computeView(service.state, { filter, sort });
  }

  /** The service's view for the current filter and sort (the same observable while they stay). */
  private viewSource(): Observable<ConversationView> | undefined {
    const { service, filter, sort } = this;
    if (!service) return undefined;
    const cache = this.viewCache;
    if (cache?.service !== service || cache.filter !== filter || cache.sort !== sort) {
      this.viewCache = { service, filter, sort, source: service.view$({ filter, sort }) };
    }
    return this.viewCache!.source;
  }

  private get failed(): boolean {
    const connection = this.connection.value;
    return (
      this.view.error !== undefined ||
      (connection?.status === 'offline' && connection.lastUpdateAt === null)
    );
  }

  private errorMessage(): string {
    const error = this.view.error;
    return (
      this.connection.value?.message ??
      (error instanceof Error ? error.message : null) ??
      msg('The contact centre could not be reached.')
    );
  }

  private columns(rules: RuleContext): readonly Column[] {
    const data = anyActionEnabled(rules) ? [...DATA_COLUMNS, ACTIONS_COLUMN] : DATA_COLUMNS;
    return this.selecting(rules) ? [SELECT_COLUMN, ...data] : data;
  }

  private get rows(): readonly Conversation[] {
    return this.failed ? [] : (this.view.value?.rows ?? []);
  }

  private findRow(id: string): Conversation | undefined {
    return this.rows.find((c) => c.id === id);
  }

  /** @internal For the keyboard controller: the grid's extent now. */
  gridBounds(bodyRows = this.rows.length, cols?: number): GridBounds {
    return {
      bodyRows,
      cols: cols ?? this.columns(this.rules.value ?? EMPTY_RULES).length,
      pageSize: this.windowing.pageSize,
    };
  }

  /** @internal For the keyboard controller: brings a cell into view, then focuses it after the update. */
  focusCell(pos: CellPosition): void {
    if (pos.row > 0) {
      this.activeId = this.rows[pos.row - 1]?.id ?? null;
      this.windowing.scrollToIndex(pos.row - 1);
    }
    this.pendingFocus = pos;
    this.requestUpdate();
  }

  /** The focusable element of a cell: the header's sort button, the actions button, or the cell. */
  private cellTarget(pos: CellPosition): HTMLElement | null {
    const root = this.renderRoot as ShadowRoot;
    if (pos.row === 0) {
      const header = root.querySelector<HTMLElement>(`.head-cell[data-col="${pos.col}"]`);
      return header?.querySelector<HTMLElement>('.sort, .select-all') ?? header;
    }
    return root.querySelector<HTMLElement>(
      `.body-row [data-row="${pos.row}"][data-col="${pos.col}"]`,
    );
  }

  /** After the rows changed, keep the active cell on the same conversation when it is still shown. */
  private followActiveRow(): void {
    const rows = this.rows;
    const active = this.keyboard.active;
    if (active.row === 0 || rows.length === 0) return;
    if (this.activeId !== null && rows[active.row - 1]?.id !== this.activeId) {
      const index = rows.findIndex((c) => c.id === this.activeId);
      if (index >= 0) {
        this.keyboard.active = { row: index + 1, col: active.col };
        return;
      }
    }
    const row = Math.min(active.row, rows.length);
    if (row !== active.row) this.keyboard.active = { row, col: active.col };
    this.activeId = rows[row - 1]?.id ?? null;
  }

  private cssRowHeight(): number | undefined {
    const value = getComputedStyle(this).getPropertyValue('--sc-row-height').trim();
    return value.endsWith('px') ? parseFloat(value) : undefined;
  }

  // ----- grid events ----------------------------------------------------------------------------

  private readonly onGridKeyDown = (event: KeyboardEvent): void => {
    if (this.selecting() && this.onSelectionKey(event)) {
      event.preventDefault();
      return;
    }
    if (this.keyboard.onKeyDown(event)) {
      event.preventDefault();
      return;
    }
    const row = this.keyboard.active.row;
    if (row === 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const c = this.rows[row - 1];
    if (!c) return;
    const onButton = (event.target as HTMLElement).matches('button');
    if (event.key === 'Enter' || (event.key === ' ' && !onButton)) {
      event.preventDefault();
      this.openMenu(c.id);
      return;
    }
    if ((event.key === 'r' || event.key === 'R') && !event.shiftKey) {
      event.preventDefault();
      this.reassign(c);
      return;
    }
    const action = actionForKey(event.key);
    if (action) {
      event.preventDefault();
      this.tryAction(c, action);
    }
  };

  private readonly onGridFocusIn = (event: FocusEvent): void => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (!el) return;
    const rowEl = el.closest<HTMLElement>('.body-row');
    const row = rowEl ? Number(rowEl.dataset.index) + 1 : 0;
    if (row > 0) this.activeId = this.rows[row - 1]?.id ?? null;
    this.keyboard.setActive({ row, col: Number(el.dataset.col) });
    this.showTip(row > 0 ? el : null);
  };

  private readonly onGridFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.showTip(null);
  };

  private readonly onBodyScroll = (): void => {
    if (this.tipEl && !this.tipEl.hidden) this.tipEl.hidden = true;
  };

  private readonly onGridPointerDown = (event: PointerEvent): void => {
    // A click on the actions cell around its button still moves the tab stop there.
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.body-row .cell');
    if (cell && !cell.hasAttribute('tabindex')) {
      cell.querySelector<HTMLElement>('[data-col]')?.focus();
    }
  };

  private readonly onGridClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    if (target.matches('input.select-all, input.select-row')) {
      this.onSelectClick(target as HTMLInputElement, event.shiftKey);
      return;
    }
    const reassign = target.closest<HTMLElement>('button.reassign');
    if (reassign) {
      const c = this.rows[Number(reassign.dataset.reassign) - 1];
      if (c) this.reassign(c);
      return;
    }
    const sort = target.closest<HTMLElement>('button.sort');
    if (sort) {
      this.sortBy(sort.dataset.sort as SortKey);
      return;
    }
    const actions = target.closest<HTMLElement>('button.actions');
    const rowEl = actions?.closest<HTMLElement>('.body-row');
    const c = rowEl ? this.rows[Number(rowEl.dataset.index)] : undefined;
    if (c) this.menu.toggle(c.id);
  };

  /**
   * Shows the full value of a focused cell whose text is cut off (hover has the native tooltip).
   * Written straight to the DOM: focus moves inside updates, which must not schedule another one.
   */
  private showTip(cell: HTMLElement | null): void {
    const tip = this.tipEl;
    const frame = this.frameEl;
    if (!tip || !frame) return;
    const clipped =
      cell !== null &&
      cell.title !== '' &&
      [...cell.querySelectorAll<HTMLElement>('.clip')].some((e) => e.scrollWidth > e.clientWidth);
    if (!clipped) {
      tip.hidden = true;
      return;
    }
    const c = cell.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    tip.textContent = cell.title;
    tip.hidden = false;
    const below = c.bottom - f.top + 2;
    const top = below + tip.offsetHeight > f.height ? c.top - f.top - tip.offsetHeight - 2 : below;
    tip.style.top = `${Math.max(0, top)}px`;
    tip.style.left = `${c.left - f.left + frame.scrollLeft}px`;
  }

  private sortBy(key: SortKey): void {
    const column = DATA_COLUMNS.find((c) => c.sortKey === key);
    const direction =
      this.sort.key === key
        ? this.sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : (column?.firstDirection ?? 'asc');
    this.changeView({ filter: this.filter, sort: { key, direction } }, 'user');
  }

  // ----- row selection --------------------------------------------------------------------------

  /** Is selection offered: `selectable`, and assigning or force close is switched on. */
  private selecting(rules: RuleContext = this.rules.value ?? EMPTY_RULES): boolean {
    return this.selectable && bulkActionsEnabled(rules.settings).length > 0;
  }

  /** Keeps the selection a subset of the rows shown (and empty while selection is not offered). */
  private pruneSelection(): void {
    if (this.selection.size === 0 || !this.rules.value) return;
    if (!this.selecting()) {
      if (this.selection.clear()) this.selectionChanged('view');
      return;
    }
    const view = this.view.value;
    if (!view || this.failed) return;
    if (this.selection.prune(view.rows)) this.selectionChanged('view');
  }

  private selectionChanged(source: 'user' | 'view'): void {
    this.requestUpdate();
    this.dispatchEvent(new SelectionChangeEvent({ selectedIds: this.selection.list(), source }));
    if (source === 'user') this.announceSelection();
  }

  private announceSelection(): void {
    const n = this.selection.size;
    this.announce(
      n === 0
        ? msg('Selection cleared.')
        : n === 1
          ? msg('1 conversation selected.')
          : msg(str`${formatCount(n)} conversations selected.`),
    );
  }

  /**
   * The selection keys (ARIA grid with selectable rows): Space toggles the focused row, Shift+Space
   * selects from the anchor to it, Shift+ArrowUp/Down move and extend, Ctrl/⌘+A selects every row
   * shown, Escape clears. Returns whether the key was handled.
   */
  private onSelectionKey(event: KeyboardEvent): boolean {
    const { key } = event;
    const mod = event.ctrlKey || event.metaKey;
    const rows = this.rows;
    if (mod && !event.altKey && !event.shiftKey && key.toLowerCase() === 'a') {
      if (this.selection.selectAll(rows)) this.selectionChanged('user');
      else this.announceSelection();
      return true;
    }
    if (key === 'Escape' && !mod && !event.altKey) {
      if (!this.selection.clear()) return false;
      this.selectionChanged('user');
      return true;
    }
    const row = this.keyboard.active.row;
    const current = rows[row - 1];
    if (row === 0 || !current || mod || event.altKey) return false;
    if (key === ' ' && !(event.target as HTMLElement).matches('button')) {
      if (event.shiftKey) this.selection.extendTo(rows, row - 1);
      else this.selection.toggle(current.id);
      this.selectionChanged('user');
      return true;
    }
    if (event.shiftKey && (key === 'ArrowDown' || key === 'ArrowUp')) {
      if (!this.keyboard.onKeyDown(event)) return false;
      const to = this.keyboard.active.row;
      if (to > 0) {
        // No anchor yet (or it left the rows): the range starts at the row we moved from.
        if (!rows.some((c) => c.id === this.selection.anchor)) this.selection.anchor = current.id;
        if (this.selection.extendTo(rows, to - 1)) this.selectionChanged('user');
      }
      return true;
    }
    return false;
  }

  /** A click on a checkbox: the header's selects all or none, a row's toggles (Shift: extends). */
  private onSelectClick(input: HTMLInputElement, shift: boolean): void {
    const rows = this.rows;
    if (input.classList.contains('select-all')) {
      const changed =
        this.selection.allState(rows.length) === 'all'
          ? this.selection.clear()
          : this.selection.selectAll(rows);
      if (changed) this.selectionChanged('user');
      else this.requestUpdate();
      return;
    }
    const index = Number(input.closest<HTMLElement>('.body-row')?.dataset.index);
    const c = rows[index];
    if (!c) return;
    if (shift) this.selection.extendTo(rows, index);
    else this.selection.toggle(c.id);
    this.selectionChanged('user');
  }

  private readonly selectionBarHandlers: SelectionBarHandlers = {
    onBulk: (event) => {
      this.requestBulk((event.currentTarget as HTMLElement).dataset.bulk as BulkActionKind);
    },
    onClear: () => {
      if (this.selection.clear()) this.selectionChanged('user');
      // The bar (and the focused button) goes away: focus goes back to the grid.
      this.focusGrid();
    },
  };

  /** The selection bar's one way to act: a cancelable request for the console. */
  private requestBulk(action: BulkActionKind): void {
    const ids = this.selection.list();
    const enabled = bulkActionsEnabled((this.rules.value ?? EMPTY_RULES).settings);
    if (ids.length === 0 || !enabled.includes(action)) return;
    const event = new BulkRequestEvent({ action, conversationIds: ids });
    this.dispatchEvent(event);
    if (event.defaultPrevented) this.announce(msg('The bulk action was cancelled.'));
  }

  // ----- row actions ----------------------------------------------------------------------------

  private openMenu(id: string): void {
    if (!anyActionEnabled(this.rules.value ?? EMPTY_RULES)) {
      this.announce(msg('No actions are available.'));
      return;
    }
    this.menu.open(id);
  }

  /** A shortcut key on a row: an allowed action fires; a disabled one says why; a switched-off one is not offered. */
  private tryAction(c: Conversation, action: ConversationAction): void {
    const offered = rowActions(this.rules.value ?? EMPTY_RULES, c).find((a) => a.action === action);
    if (!offered) return;
    if (!offered.allowed) {
      this.announce(msg(str`${offered.label} is not available: ${offered.reason}`));
      return;
    }
    this.requestAction(c, action);
  }

  /** The table's one way to act: a cancelable request for the console (it never calls the backend). */
  private requestAction(c: Conversation, action: ConversationAction, target?: TargetRef): void {
    const event = new ActionRequestEvent(
      target
        ? { action, conversationId: c.id, conversation: c, target }
        : { action, conversationId: c.id, conversation: c },
    );
    this.dispatchEvent(event);
    if (event.defaultPrevented) this.announce(msg(str`${actionLabel(action)} was cancelled.`));
  }

  /** @internal ActionsMenuHost */
  menuConversation(id: string): Conversation | undefined {
    return this.findRow(id);
  }

  /** @internal ActionsMenuHost */
  menuRules(): RuleContext {
    return this.rules.value ?? EMPTY_RULES;
  }

  /** @internal ActionsMenuHost */
  menuAnchor(id: string): HTMLElement | null {
    const index = this.rows.findIndex((c) => c.id === id);
    if (index < 0) return null;
    const row = this.renderRoot.querySelector<HTMLElement>(`.body-row[data-index="${index}"]`);
    return row?.querySelector<HTMLElement>('button.actions') ?? row;
  }

  /** @internal ActionsMenuHost */
  menuClosed(id: string, restoreFocus: boolean): void {
    if (!restoreFocus) return;
    const index = this.rows.findIndex((c) => c.id === id);
    if (index < 0) return;
    const pos = { row: index + 1, col: this.columns(this.menuRules()).length - 1 };
    this.keyboard.setActive(pos);
    this.focusCell(pos);
  }

  /** @internal ActionsMenuHost */
  menuActivate(c: Conversation, action: ConversationAction): void {
    this.requestAction(c, action);
  }

  /** @internal Says something through the polite live region. */
  announce(text: string): void {
    this.announcer.announce(text);
  }

  // ----- toolbar --------------------------------------------------------------------------------

  private readonly retry = (): void => {
    // The service reconnects (the table never talks to the backend itself).
    this.service?.disconnect();
    this.service?.connect();
    if (this.view.error !== undefined) {
      this.view.error = undefined;
      this.viewCache = undefined;
      this.view.refresh();
      this.requestUpdate();
    }
  };

  private readonly clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchDraft = '';
    this.changeView({ filter: {}, sort: this.sort }, 'user');
  };

  private readonly toolbarHandlers: ToolbarHandlers = {
    onSearchInput: (event) => {
      this.searchDraft = (event.target as HTMLInputElement).value;
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        this.searchTimer = undefined;
        this.commitSearch();
      }, 250);
    },
    onSearchKeyDown: (event) => {
      if (event.key !== 'Enter') return;
      clearTimeout(this.searchTimer);
      this.searchTimer = undefined;
      this.commitSearch();
    },
    onChoiceChange: (event) => {
      const input = event.target as HTMLInputElement;
      const field = input.dataset.field as ListField | undefined;
      if (!field) return;
      const set = new Set<string>(this.filter[field] ?? []);
      if (input.checked) set.add(input.value);
      else set.delete(input.value);
      const next = { ...this.filter, [field]: [...set] };
      this.changeView(
        { filter: set.size ? next : withoutField(next, field), sort: this.sort },
        'user',
      );
    },
    onWaitChange: (event) => {
      const ms = Number((event.target as HTMLSelectElement).value);
      const rest = withoutField(this.filter, 'minWaitMs');
      this.changeView(
        { filter: ms > 0 ? { ...rest, minWaitMs: ms } : rest, sort: this.sort },
        'user',
      );
    },
    onAttentionClick: () => {
      const sort: ConversationSort =
        this.sort.key === 'attention' ? DEFAULT_SORT : { key: 'attention', direction: 'desc' };
      this.changeView({ filter: this.filter, sort }, 'user');
    },
    onClearFilters: this.clearFilters,
    onDetailsToggle: (event) => {
      const details = event.target as HTMLDetailsElement;
      const field = (details.dataset.field as ListField | undefined) ?? null;
      if (!details.open) {
        if (field && this.openFilter === field) this.openFilter = null;
        return;
      }
      if (field) this.openFilter = field;
      // One disclosure open at a time.
      for (const other of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details.choice')) {
        if (other !== details) other.open = false;
      }
    },
    onFilterSummaryClick: (event) => {
      // Render the options before the disclosure opens (the toggle event comes a task later).
      const details = (event.currentTarget as HTMLElement).parentElement as HTMLDetailsElement;
      const field = details.dataset.field as ListField;
      this.openFilter = details.open ? null : field;
    },
    onViewApply: (event) => {
      const button = event.currentTarget as HTMLElement;
      if (this.applyView(button.dataset.view ?? '')) closeDetails(button);
    },
    onViewDelete: (event) => {
      this.deleteView((event.currentTarget as HTMLElement).dataset.view ?? '');
      this.renderRoot.querySelector<HTMLElement>('.views summary')?.focus();
    },
    onViewSave: (event) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const input = form.elements.namedItem('name') as HTMLInputElement;
      if (this.saveView(input.value)) {
        input.value = '';
        closeDetails(form);
      }
    },
    onCopyLink: () => {
      const url = urlWithView(
        location.href,
        { filter: this.filter, sort: this.sort, thresholds: this.thresholds },
        this.urlParam,
      );
      navigator.clipboard.writeText(url).then(
        () => this.announce(msg('Link to this view copied.')),
        () => this.announce(msg('The link could not be copied; copy it from the address bar.')),
      );
    },
  };

  private commitSearch(): void {
    const text = this.searchDraft;
    if ((this.filter.text ?? '') === text) return;
    const rest = withoutField(this.filter, 'text');
    this.changeView({ filter: text.trim() ? { ...rest, text } : rest, sort: this.sort }, 'user');
  }

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    // Filter and view disclosures close on a click elsewhere.
    const path = event.composedPath();
    for (const details of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details[open]')) {
      if (!path.includes(details)) details.open = false;
    }
  };

  // ----- view changes, persistence and announcements ----------------------------------------------

  private store(): SavedViewStore {
    return new SavedViewStore(this.persistKey, this.persistKey ? undefined : null);
  }

  private refreshSavedViews(): void {
    this.savedViews = this.persistKey ? this.store().list() : [];
  }

  private readonly onStorage = (event: StorageEvent): void => {
    // Another tab saved or deleted a view.
    if (event.key === this.persistKey) this.refreshSavedViews();
  };

  private readonly onPopState = (): void => {
    if (!this.urlSync) return;
    const view = viewFromUrl(location.href, this.urlParam) ?? { filter: {}, sort: DEFAULT_SORT };
    const current = { filter: this.filter, sort: this.sort, thresholds: this.thresholds };
    if (encodeView({ thresholds: this.thresholds, ...view }) !== encodeView(current)) {
      this.changeView(view, 'url');
    }
  };

  /** On first connection: the URL's view (with `url-sync`), else `view-name`, else the last used. */
  private restoreInitialView(): void {
    this.refreshSavedViews();
    if (this.urlSync) {
      const view = viewFromUrl(location.href, this.urlParam);
      if (view) {
        this.changeView(view, 'url');
        return;
      }
    }
    if (this.viewName || !this.persistKey) return; // a named view is applied in willUpdate
    // Restore the view used last, unless the host set a filter or sort of its own.
    const untouched = !isFiltered(this.filter) && this.sort === DEFAULT_SORT;
    const last = untouched ? this.store().lastUsed : null;
    if (last) this.applyView(last);
  }

  /** Every change the supervisor makes to the view goes through here. */
  private changeView(
    view: TableView,
    source: ViewChangeSource,
    viewName: string | null = null,
  ): void {
    const filter = normalizeFilter(view.filter);
    const sort = normalizeSort(view.sort);
    // A view that does not say (an old saved view, a link without alerts) keeps the thresholds.
    const thresholds =
      view.thresholds === undefined ? this.thresholds : normalizeTableThresholds(view.thresholds);
    const encoded = encodeView({ filter, sort, thresholds });
    const sortChanged = sort.key !== this.sort.key || sort.direction !== this.sort.direction;
    const filterChanged =
      encodeView({ filter, sort }) !== encodeView({ filter: this.filter, sort });
    const thresholdsChanged =
      encodeTableThresholds(thresholds) !== encodeTableThresholds(this.thresholds);
    this.filter = filter;
    this.sort = sort;
    if (thresholdsChanged) this.thresholds = thresholds;
    this.appliedViewName = viewName;
    this.viewName = viewName;
    if (source !== 'user') this.searchDraft = filter.text ?? '';
    if (this.persistKey && source !== 'url') this.store().setLastUsed(viewName);
    if (this.urlSync && source !== 'url') {
      const url = urlWithView(location.href, { filter, sort, thresholds }, this.urlParam);
      if (url !== location.href) history.replaceState(history.state, '', url);
    }
    this.announceSort ||= sortChanged;
    this.announceFilter ||= filterChanged || source !== 'user';
    this.announceAlerts ||= thresholdsChanged;
    this.scheduleAnnouncement();
    this.dispatchEvent(
      new ViewChangeEvent({ filter, sort, thresholds, viewName, encoded, source }),
    );
  }

  /** "Alerts on: 3 need attention, 1 stuck." after the supervisor changed the thresholds. */
  private alertCountSentence(): string {
    if (!hasTableThresholds(this.thresholds)) return msg('Alerts off.');
    // Count against the new thresholds now (the tick's evaluation may not have run yet).
    this.evaluateAlerts();
    const counts = alertCounts(this.attention.attention, this.attention.stuck);
    return msg(str`Alerts on: ${counts}.`);
  }

  /** "Sorted by wait time, descending. 42 of 10,000 conversations." once the supervisor pauses. */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const parts: string[] = [];
      if (this.announceSort) {
        const { key, direction } = this.sort;
        parts.push(
          key === 'attention'
            ? msg(str`Sorted by ${SORT_LABELS.attention}.`)
            : direction === 'asc'
              ? msg(str`Sorted by ${SORT_LABELS[key]}, ascending.`)
              : msg(str`Sorted by ${SORT_LABELS[key]}, descending.`),
        );
      }
      const view = this.view.value;
      if (this.announceFilter && view) {
        const shown = this.changes.shown;
        parts.push(
          shown === 0
            ? msg(str`No conversations match, of ${formatCount(view.total)}.`)
            : msg(str`${formatCount(shown)} of ${formatCount(view.total)} conversations.`),
        );
      }
      if (this.announceAlerts) parts.push(this.alertCountSentence());
      this.announceSort = false;
      this.announceFilter = false;
      this.announceAlerts = false;
      if (parts.length) this.announce(parts.join(' '));
    }, 400);
  }
}

function sortIcon(direction: 'asc' | 'desc' | null): TemplateResult {
  const path =
    direction === 'asc'
      ? 'M8 3.5v9M4.5 7L8 3.5 11.5 7'
      : direction === 'desc'
        ? 'M8 3.5v9M4.5 9L8 12.5 11.5 9'
        : 'M5 6.5L8 3.5 11 6.5M5 9.5L8 12.5 11 9.5';
  return html`<svg
    class="icon sort-icon ${direction ? 'sorted' : ''}"
    viewBox="0 0 16 16"
    width="14"
    height="14"
    aria-hidden="true"
  >
    <path d=${path} fill="none" stroke="currentColor" stroke-width="1.5" />
  </svg>`;
}

function withoutField(
  filter: ConversationFilter,
  field: keyof ConversationFilter,
): ConversationFilter {
  const copy: Record<string, unknown> = { ...filter };
  delete copy[field];
  return copy as ConversationFilter;
}

function closeDetails(inside: HTMLElement): void {
  const details = inside.closest('details');
  if (!details) return;
  details.open = false;
  details.querySelector<HTMLElement>('summary')?.focus();
}

/**
 * The grid's column tracks. A host's `--sc-table-columns` sizes the data and Actions columns; the
 * checkbox column, there only while selection is offered, keeps its own track in front, so a host's
 * override stays right whether or not rows can be selected.
 */
function columnTracks(columns: readonly Column[]): string {
  const select = columns[0]?.id === SELECT_COLUMN.id ? `${SELECT_COLUMN.width} ` : '';
  const rest = select ? columns.slice(1) : columns;
  return `${select}var(--sc-table-columns, ${gridTemplate(rest)})`;
}
