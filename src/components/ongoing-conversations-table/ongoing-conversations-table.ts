import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  CHANNELS,
  DEFAULT_SORT,
  isActionEnabled,
  ONGOING_STATUSES,
  channelLabel,
  statusLabel,
  type Conversation,
  type ConversationFilter,
  type ConversationSort,
  type Queue,
  type RuleContext,
  type SortKey,
} from '../../domain/index.js';
import { ActionRequestEvent, type ConversationAction } from '../../events/action-request.js';
import { ViewChangeEvent, type ViewChangeSource } from '../../events/view-change.js';
import { sharedClock } from '../../internal/clock.js';
import { formatClock } from '../../internal/format.js';
import type { ConnectionState } from '../../service/state.js';
import type { ConversationView, SupervisorService } from '../../service/supervisor-service.js';
import {
  ACTIONS_COLUMN,
  DATA_COLUMNS,
  SORT_LABELS,
  gridTemplate,
  renderCell,
  type CellContext,
  type Column,
} from './columns.js';
import {
  GridKeyboardController,
  type CellPosition,
  type GridBounds,
} from './grid-keyboard-controller.js';
import { styles } from './ongoing-conversations-table.styles.js';
import {
  ROW_ACTIONS,
  actionForKey,
  actionLabel,
  anyActionEnabled,
  rowActions,
  type RowAction,
} from './row-actions.js';
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
import { WindowingController } from './windowing.js';

type ListField = 'statuses' | 'channels' | 'queueIds' | 'representativeIds';

interface FilterOption {
  readonly value: string;
  readonly label: string;
}

/** Wait thresholds the toolbar offers (milliseconds; 0 = any). */
const WAIT_THRESHOLDS: readonly FilterOption[] = [
  { value: '0', label: 'Any wait' },
  { value: '60000', label: '1 min or more' },
  { value: '120000', label: '2 min or more' },
  { value: '300000', label: '5 min or more' },
  { value: '600000', label: '10 min or more' },
  { value: '900000', label: '15 min or more' },
];

const EMPTY_RULES: RuleContext = {
  settings: { monitor: false, assign: false, transfer: false, forceClose: false },
  supervisorId: '',
  representatives: new Map(),
};
const EMPTY_QUEUES: ReadonlyMap<string, Queue> = new Map();
/** How long a changed row stays highlighted (matches the CSS animation). */
const FLASH_MS = 1200;
const SKELETON_ROWS = 8;
const count = new Intl.NumberFormat();

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
 * Row shortcuts: **M** Monitor, **A** Assign, **T** Transfer, **Delete** Force close. In the menu:
 * arrows, Home/End, Enter/Space, the same letters, Escape to close.
 *
 * **Saved views** are kept in `localStorage` under `persist-key`; with `url-sync` the current view is
 * written to (and read from) the page URL's `url-param` parameter, so a link shares it.
 *
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
 *
 * @cssprop [--sc-table-height=36rem] - Height of the element (the body scrolls inside it).
 * @cssprop [--sc-table-min-width=68rem] - Width under which the grid scrolls sideways.
 * @cssprop [--sc-table-columns] - Overrides the grid's `grid-template-columns` (one track per column).
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
 *   (`detail: { action, conversationId, conversation }`). Cancelable: `preventDefault()` vetoes it.
 * @fires {ViewChangeEvent} sc-view-change - The supervisor changed the filter or sort (`detail:
 *   { filter, sort, viewName, encoded, source }`). Not fired when the host sets `filter` or `sort`.
 */
export class OngoingConversationsTable extends LitElement {
  static override styles = styles;

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

  /** The grid's accessible name. */
  @property()
  label = 'Ongoing conversations';

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

  /** The row whose actions menu is open (by conversation id). */
  @state() private menuFor: string | null = null;
  /** The search field's text (committed to `filter.text` after a short pause). */
  @state() private searchDraft = '';
  @state() private savedViews: SavedView[] = [];

  @query('.body') private bodyEl?: HTMLElement;
  @query('.probe') private probeEl?: HTMLElement;
  @query('.menu') private menuEl?: HTMLElement;
  @query('.live') private liveEl?: HTMLElement;
  @query('.cell-tip') private tipEl?: HTMLElement;
  @query('.frame') private frameEl?: HTMLElement;

  private readonly view = new ObservableController<ConversationView>(this, () =>
    this.service?.view$({ filter: this.filter, sort: this.sort }),
  );
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
  /** One shared one-second tick re-renders the visible times; each time is computed at render. */
  private readonly clock = new ObservableController<number>(this, () =>
    this.service ? sharedClock() : undefined,
  );
  private readonly windowing = new WindowingController(this, { overscan: 6 });
  private readonly keyboard = new GridKeyboardController(this);

  private boundFilter?: ConversationFilter;
  private boundSort?: ConversationSort;
  private boundService?: SupervisorService;
  private appliedViewName: string | null = null;
  private activeId: string | null = null;
  private pendingFocus: CellPosition | null = null;
  private menuOpening = false;
  private menuFocus = 0;
  private menuClosedAt = 0;
  private menuClosedFor: string | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private announceSort = false;
  private announceFilter = false;
  private initialized = false;

  // Row highlight: the conversations of the last view, to spot changed rows by identity/version.
  private lastView?: ConversationView;
  private lastQueryKey = '';
  private previousRows = new Map<string, Conversation>();
  private readonly flashes = new Map<string, { until: number; parity: number }>();
  private hadRows = false;
  private focusInGrid = false;
  /** Rows of the view that are not closing (the count the footer shows). */
  private shownCount = 0;
  private rowShortcuts = 'Enter';

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

  /** Saves the current filter and sort under `name` (replacing a view of that name). */
  saveView(name: string): boolean {
    const clean = cleanViewName(name);
    const store = this.store();
    if (!clean || !store.save({ name: clean, filter: this.filter, sort: this.sort })) return false;
    this.appliedViewName = clean;
    this.viewName = clean;
    this.refreshSavedViews();
    this.announce(`View "${clean}" saved.`);
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
    this.announce(`View "${clean}" deleted.`);
    return true;
  }

  /** Moves focus to the grid's active cell. */
  focusGrid(): void {
    this.focusCell(this.keyboard.active);
  }

  // ----- lifecycle ----------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('persistKey')) this.refreshSavedViews();
    if (changed.has('viewName') && this.viewName !== this.appliedViewName) {
      const view = this.viewName ? this.store().get(this.viewName) : undefined;
      if (view) {
        this.filter = view.filter;
        this.sort = view.sort;
        this.appliedViewName = view.name;
        this.searchDraft = view.filter.text ?? '';
      } else {
        this.appliedViewName = null;
        this.viewName = null;
      }
    }
    if (changed.has('filter') && !this.searchTimer) this.searchDraft = this.filter.text ?? '';
    const serviceChanged = this.service !== this.boundService;
    if (serviceChanged) {
      this.boundService = this.service;
      this.connection.refresh();
      this.rules.refresh();
      this.queues.refresh();
      this.clock.refresh();
    }
    if (serviceChanged || this.filter !== this.boundFilter || this.sort !== this.boundSort) {
      if (this.boundFilter !== undefined) {
        // A new filter or sort starts at the top: the active row and the scroll position reset (on
        // live data changes, by contrast, the active cell follows its conversation).
        this.activeId = null;
        if (this.keyboard.active.row > 1)
          this.keyboard.active = { row: 1, col: this.keyboard.active.col };
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
    const view = this.view.value;
    if (view && view !== this.lastView) this.trackChanges(view);
    this.followActiveRow();
    const focusedNow = this.shadowRoot?.activeElement ?? null;
    this.focusInGrid = focusedNow !== null && focusedNow.closest('[role="grid"]') !== null;
  }

  protected override firstUpdated(): void {
    if (this.bodyEl) this.windowing.attach(this.bodyEl, this.probeEl ?? null);
  }

  protected override updated(): void {
    if (!this.pendingFocus && this.focusInGrid && !this.shadowRoot?.activeElement) {
      // The focused row was moved or replaced by this render (a live reorder, a conversation that
      // left): put focus back on the active cell, which follows the conversation.
      this.cellTarget(this.keyboard.active)?.focus({ preventScroll: true });
    }
    this.focusInGrid = false;
    if (this.pendingFocus) {
      const pos = this.pendingFocus;
      this.pendingFocus = null;
      const target = this.cellTarget(pos);
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
    if (this.menuOpening) {
      this.menuOpening = false;
      this.showMenu();
    }
  }

  // ----- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const view = this.view.value;
    const connection = this.connection.value;
    const rules = this.rules.value ?? EMPTY_RULES;
    const columns = this.columns(rules);
    const loading =
      !view || (connection !== undefined && connection.lastUpdateAt === null && !this.failed);
    const failed = this.failed;
    const rows = !loading && !failed && view ? view.rows : [];
    const bodyRows = rows.length;
    if (bodyRows > 0 && !this.hadRows && !this.matches(':focus-within')) {
      // Rows arrived (first load, or after an empty result): the tab stop goes back to the first row.
      this.keyboard.active = { row: 1, col: this.keyboard.active.col };
    }
    this.hadRows = bodyRows > 0;
    this.keyboard.clamp(this.gridBounds(bodyRows, columns.length));
    const state = failed ? 'error' : loading ? 'loading' : bodyRows === 0 ? 'empty' : 'rows';
    return html`
      ${this.renderToolbar(rules)} ${this.renderBanner(connection)}
      <div class="frame">
        <div
          part="grid"
          class="grid"
          role="grid"
          aria-label=${this.label}
          aria-describedby="keys-help"
          aria-rowcount=${bodyRows + 1}
          aria-colcount=${columns.length}
          aria-busy=${loading ? 'true' : 'false'}
          style="--_columns: var(--sc-table-columns, ${gridTemplate(columns)})"
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
              state === 'rows'
                ? this.renderRows(rows, columns, rules)
                : state === 'loading'
                  ? this.renderSkeleton(columns)
                  : nothing
            }
          </div>
        </div>
        ${state === 'rows' ? nothing : this.renderState(state, view)}
        <div class="cell-tip" aria-hidden="true" hidden></div>
      </div>
      ${this.renderFooter(view, connection, rules)} ${this.renderMenu(rules)}
      <div class="visually-hidden live" role="status" aria-live="polite" aria-atomic="true"></div>
    `;
  }

  private get failed(): boolean {
    const connection = this.connection.value;
    return (
      this.view.error !== undefined ||
      (connection !== undefined &&
        connection.status === 'offline' &&
        connection.lastUpdateAt === null)
    );
  }

  private renderToolbar(rules: RuleContext): TemplateResult {
    const filter = this.filter;
    const queues = [...(this.queues.value ?? EMPTY_QUEUES).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const reps = [...rules.representatives.values()].sort((a, b) => a.name.localeCompare(b.name));
    const attention = this.sort.key === 'attention';
    return html`
      <div class="toolbar" part="toolbar">
        <div class="filters" role="search" aria-label="Filter conversations">
          <label class="search" part="search">
            <span class="visually-hidden">Search conversations</span>
            <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M10.5 10.5l3.5 3.5" stroke="currentColor" stroke-width="1.5" />
            </svg>
            <input
              type="search"
              placeholder="Search conversations"
              title="Search customer, subject, representative and queue"
              .value=${this.searchDraft}
              @input=${this.onSearchInput}
              @keydown=${this.onSearchKeyDown}
            />
          </label>
          ${this.renderChoiceFilter(
            'statuses',
            'Status',
            ONGOING_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
            filter.statuses,
          )}
          ${this.renderChoiceFilter(
            'channels',
            'Channel',
            CHANNELS.map((c) => ({ value: c, label: channelLabel(c) })),
            filter.channels,
          )}
          ${this.renderChoiceFilter(
            'queueIds',
            'Queue',
            [
              ...queues.map((q) => ({ value: q.id, label: q.name })),
              { value: '', label: 'No queue' },
            ],
            filter.queueIds,
          )}
          ${this.renderChoiceFilter(
            'representativeIds',
            'Representative',
            [
              { value: '', label: 'Unassigned' },
              ...reps.map((r) => ({
                value: r.id,
                label: r.kind === 'ai' ? `${r.name} (AI agent)` : r.name,
              })),
            ],
            filter.representativeIds,
          )}
          <label class="wait-filter" part="filter">
            <span>Waiting</span>
            <select @change=${this.onWaitChange}>
              ${WAIT_THRESHOLDS.map(
                (o) =>
                  html`<option
                    value=${o.value}
                    ?selected=${String(filter.minWaitMs ?? 0) === o.value}
                  >
                    ${o.label}
                  </option>`,
              )}
            </select>
          </label>
          <button
            type="button"
            class="toggle"
            part="filter"
            aria-pressed=${attention ? 'true' : 'false'}
            title="Sort by attention: longest wait, worst sentiment and over-capacity representatives first"
            @click=${this.onAttentionClick}
          >
            <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M8 2l6.5 11.5h-13z" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M8 6.5v3M8 11.5v.01" stroke="currentColor" stroke-width="1.5" />
            </svg>
            Attention first
          </button>
          ${
            isFiltered(filter)
              ? html`<button type="button" class="link" @click=${this.clearFilters}>
                  Clear filters
                </button>`
              : nothing
          }
        </div>
        ${this.persistKey ? this.renderViewsMenu() : nothing}
        <slot name="toolbar"></slot>
      </div>
    `;
  }

  private renderChoiceFilter(
    field: ListField,
    label: string,
    options: readonly FilterOption[],
    selected: readonly string[] | undefined,
  ): TemplateResult {
    const chosen = new Set(selected ?? []);
    const summary = chosen.size > 0 ? `${label}: ${chosen.size} selected` : `${label}: any`;
    return html`
      <details class="choice" part="filter" data-field=${field} @toggle=${this.onDetailsToggle}>
        <summary aria-label=${summary}>
          ${label}${
            chosen.size > 0
              ? html` <span class="count" aria-hidden="true">${chosen.size}</span>`
              : nothing
          }
        </summary>
        <fieldset class="panel" @change=${this.onChoiceChange}>
          <legend class="visually-hidden">${label}</legend>
          ${options.map(
            (o) => html`
              <label class="option">
                <input
                  type="checkbox"
                  data-field=${field}
                  .value=${o.value}
                  .checked=${chosen.has(o.value)}
                />
                <span>${o.label}</span>
              </label>
            `,
          )}
        </fieldset>
      </details>
    `;
  }

  private renderViewsMenu(): TemplateResult {
    const views = this.savedViews;
    return html`
      <details class="choice views" part="views" @toggle=${this.onDetailsToggle}>
        <summary>
          Views${this.viewName ? html`: <span class="view-name">${this.viewName}</span>` : nothing}
        </summary>
        <div class="panel views-panel">
          ${
            views.length === 0
              ? html`<p class="muted">No saved views yet.</p>`
              : html`<ul class="view-list" aria-label="Saved views">
                  ${views.map(
                    (v) => html`
                      <li>
                        <button
                          type="button"
                          class="view-apply"
                          data-view=${v.name}
                          aria-current=${v.name === this.viewName ? 'true' : 'false'}
                          @click=${this.onViewApply}
                        >
                          ${v.name}
                        </button>
                        <button
                          type="button"
                          class="view-delete icon-button"
                          data-view=${v.name}
                          aria-label="Delete view ${v.name}"
                          title="Delete"
                          @click=${this.onViewDelete}
                        >
                          ×
                        </button>
                      </li>
                    `,
                  )}
                </ul>`
          }
          <form class="save-view" @submit=${this.onViewSave}>
            <label>
              <span>Save current view as</span>
              <input name="name" required maxlength="80" autocomplete="off" />
            </label>
            <button type="submit">Save</button>
          </form>
          ${
            this.urlSync
              ? html`<button type="button" class="link copy-link" @click=${this.onCopyLink}>
                  Copy link to this view
                </button>`
              : nothing
          }
        </div>
      </details>
    `;
  }

  private renderConnectionStatus(
    view: ConversationView | undefined,
    connection: ConnectionState | undefined,
  ): TemplateResult {
    const words: Record<string, string> = {
      connecting: 'Connecting',
      live: 'Live',
      reconnecting: 'Reconnecting',
      offline: 'Offline',
    };
    const updated = connection?.lastUpdateAt ?? null;
    // Data arrived but the adapter sent no "live" status (the contract does not require one).
    const status =
      connection?.status === 'connecting' && updated !== null
        ? 'live'
        : (connection?.status ?? 'connecting');
    return html`
      <span class="connection" part="status">
        <span class="pill pill-${status}"
          ><span class="dot" aria-hidden="true"></span>${words[status] ?? status}</span
        >
        ${
          updated !== null && view
            ? html`<span class="updated">Last updated <time>${formatClock(updated)}</time></span>`
            : nothing
        }
      </span>
    `;
  }

  private renderBanner(connection: ConnectionState | undefined): TemplateResult {
    const status = connection?.status;
    const since =
      connection?.lastUpdateAt != null
        ? ` The list shows data from ${formatClock(connection.lastUpdateAt)}.`
        : '';
    let content: TemplateResult | typeof nothing = nothing;
    let tone = '';
    if (connection && connection.lastUpdateAt !== null && status === 'reconnecting') {
      tone = 'warning';
      content = html`<span class="spinner" aria-hidden="true"></span>
        <span>Reconnecting to the contact centre…${since}</span>`;
    } else if (connection && connection.lastUpdateAt !== null && status === 'offline') {
      tone = 'danger';
      content = html`<span
          >Offline${connection.message ? html`: ${connection.message}` : nothing}.${since}</span
        >
        <button type="button" @click=${this.retry}>Reconnect</button>`;
    }
    return html`<div class="banner ${tone}" part="banner" role="status">${content}</div>`;
  }

  private renderHeader(columns: readonly Column[]): TemplateResult {
    return html`
      <div class="head" role="rowgroup">
        <div class="row header-row" part="header" role="row" aria-rowindex="1">
          ${columns.map((col, i) => {
            const active = this.keyboard.isActive(0, i);
            const sorted = col.sortKey !== null && this.sort.key === col.sortKey;
            const ariaSort = sorted
              ? this.sort.direction === 'asc'
                ? 'ascending'
                : 'descending'
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
                        <span>${col.label}</span>${sortIcon(sorted ? this.sort.direction : null)}
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
    // The active row stays rendered even when scrolled away, so focus is never lost.
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
    };
    return html`
      <div class="spacer-y" aria-hidden="true" style="height:${rows.length * h}px"></div>
      ${repeat(
        indexes,
        (i) => rows[i]!.id,
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
    const row = index + 1;
    const flash = this.flashes.get(c.id);
    const flashing = flash !== undefined && flash.until > ctx.now;
    const closing = c.status === 'closed';
    const classes = `row body-row${flashing ? ` flash-${flash.parity}` : ''}${closing ? ' closing' : ''}`;
    const parts = `row${closing ? ' row-closing' : ''}${flashing ? ' row-changed' : ''}`;
    return html`
      <div
        class=${classes}
        part=${parts}
        role="row"
        aria-rowindex=${index + 2}
        data-index=${index}
        style="transform:translateY(${index * rowHeight}px)"
      >
        ${columns.map((col, i) => {
          const active = this.keyboard.isActive(row, i);
          if (col.id === 'actions') {
            const open = this.menuFor === c.id;
            return html`<div class="cell actions-cell" part="cell" role="gridcell">
              <button
                type="button"
                class="actions"
                part="actions"
                data-row=${row}
                data-col=${i}
                tabindex=${active ? 0 : -1}
                aria-haspopup="menu"
                aria-expanded=${open ? 'true' : 'false'}
                aria-label="Actions for ${c.customerName}"
                aria-keyshortcuts=${this.rowShortcuts}
              >
                Actions
                <svg
                  class="icon chevron"
                  viewBox="0 0 16 16"
                  width="12"
                  height="12"
                  aria-hidden="true"
                >
                  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.5" />
                </svg>
              </button>
            </div>`;
          }
          const cell = renderCell(col.id, c, ctx);
          return html`<div
            class="cell c-${col.id}${col.numeric ? ' numeric' : ''}"
            part="cell"
            role="gridcell"
            data-row=${row}
            data-col=${i}
            tabindex=${active ? 0 : -1}
            title=${ifDefined(cell.title || undefined)}
          >
            ${cell.content}
          </div>`;
        })}
      </div>
    `;
  }

  private renderSkeleton(columns: readonly Column[]): TemplateResult {
    const rows = Array.from({ length: SKELETON_ROWS }, (_, i) => i);
    return html`${rows.map(
      (i) =>
        html`<div
          class="row skeleton"
          aria-hidden="true"
          style="transform:translateY(${i * this.windowing.rowHeight}px)"
        >
          ${columns.map(() => html`<div class="cell"><span class="bone"></span></div>`)}
        </div>`,
    )}`;
  }

  private renderState(
    state: 'loading' | 'error' | 'empty',
    view: ConversationView | undefined,
  ): TemplateResult {
    if (state === 'loading') {
      return html`<div class="state loading" part="loading">
        <span class="visually-hidden">Loading conversations…</span>
      </div>`;
    }
    if (state === 'error') {
      const message =
        this.connection.value?.message ??
        (this.view.error instanceof Error ? this.view.error.message : null) ??
        'The contact centre could not be reached.';
      return html`<div class="state message error" part="error" role="alert">
        <p class="title">Conversations could not be loaded</p>
        <p>${message}</p>
        <button type="button" class="primary" @click=${this.retry}>Retry</button>
      </div>`;
    }
    const filtered = isFiltered(this.filter) && (view?.total ?? 0) > 0;
    return html`<div class="state message empty" part="empty">
      <slot name="empty">
        ${
          filtered
            ? html`<p class="title">No conversations match these filters</p>
                <p>
                  ${count.format(view?.total ?? 0)} ongoing conversations are hidden by the filters.
                </p>
                <button type="button" @click=${this.clearFilters}>Clear filters</button>`
            : html`<p class="title">No ongoing conversations</p>
                <p>New conversations appear here as soon as customers reach out.</p>`
        }
      </slot>
    </div>`;
  }

  private renderFooter(
    view: ConversationView | undefined,
    connection: ConnectionState | undefined,
    rules: RuleContext,
  ): TemplateResult {
    const keys = ROW_ACTIONS.filter((a) => isActionEnabled(rules.settings, a.action));
    return html`<div class="footer" part="footer">
      <span class="row-count">
        ${
          view && !this.failed
            ? html`${count.format(this.shownCount)} of ${count.format(view.total)} conversations`
            : nothing
        }
      </span>
      <span class="keys" id="keys-help">
        Arrow keys move, Enter
        ${keys.length ? 'opens actions' : 'on a header sorts'}${keys.map(
          (a, i) => html`${i === 0 ? '; ' : ', '}<kbd>${a.keyLabel}</kbd> ${a.label.toLowerCase()}`,
        )}.
      </span>
      <slot name="footer"></slot>
      <span class="spacer"></span>
      ${this.renderConnectionStatus(view, connection)}
    </div>`;
  }

  private renderMenu(rules: RuleContext): TemplateResult {
    const c = this.menuFor ? this.findRow(this.menuFor) : undefined;
    const actions = c ? rowActions(rules, c) : [];
    return html`<div
      class="menu"
      part="menu"
      role="menu"
      popover="auto"
      aria-label=${c ? `Actions for ${c.customerName}` : 'Actions'}
      @toggle=${this.onMenuToggle}
      @keydown=${this.onMenuKeyDown}
      @click=${this.onMenuClick}
    >
      ${
        actions.length === 0
          ? html`<div role="menuitem" aria-disabled="true" tabindex="-1" class="menu-item">
              No actions available
            </div>`
          : actions.map((a, i) => this.renderMenuItem(a, i))
      }
    </div>`;
  }

  private renderMenuItem(a: RowAction, i: number): TemplateResult {
    // The reason sits beside the item (not inside it), so the item's name stays its label and the
    // reason is its description.
    const reasonId = `reason-${a.action}`;
    return html`<div class="menu-entry" role="none">
      <div
        class="menu-item${a.allowed ? '' : ' disabled'}"
        part="menu-item"
        role="menuitem"
        tabindex=${i === this.menuFocus ? 0 : -1}
        data-action=${a.action}
        aria-disabled=${a.allowed ? 'false' : 'true'}
        aria-describedby=${ifDefined(a.allowed ? undefined : reasonId)}
        aria-keyshortcuts=${a.keyLabel}
        title=${ifDefined(a.allowed ? undefined : a.reason)}
      >
        <span class="menu-label">${a.label}</span>
        <kbd aria-hidden="true">${a.keyLabel}</kbd>
      </div>
      ${
        a.allowed
          ? nothing
          : html`<div class="reason" role="none" id=${reasonId} data-action=${a.action}>
              ${a.reason}
            </div>`
      }
    </div>`;
  }

  // ----- columns, rows and focus ----------------------------------------------------------------

  private columns(rules: RuleContext): readonly Column[] {
    return anyActionEnabled(rules) ? [...DATA_COLUMNS, ACTIONS_COLUMN] : DATA_COLUMNS;
  }

  private get rows(): readonly Conversation[] {
    return this.failed ? [] : (this.view.value?.rows ?? []);
  }

  private findRow(id: string): Conversation | undefined {
    return this.rows.find((c) => c.id === id);
  }

  /** For the keyboard controller. */
  gridBounds(bodyRows = this.rows.length, cols?: number): GridBounds {
    return {
      bodyRows,
      cols: cols ?? this.columns(this.rules.value ?? EMPTY_RULES).length,
      pageSize: this.windowing.pageSize,
    };
  }

  /** For the keyboard controller: brings the cell into view, then focuses it after the update. */
  focusCell(pos: CellPosition): void {
    const rows = this.rows;
    if (pos.row > 0) {
      this.activeId = rows[pos.row - 1]?.id ?? null;
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
      return header?.querySelector<HTMLElement>('.sort') ?? header;
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
    const at = rows[active.row - 1];
    if (this.activeId !== null && at?.id !== this.activeId) {
      const index = rows.findIndex((c) => c.id === this.activeId);
      if (index >= 0) {
        this.keyboard.active = { row: index + 1, col: active.col };
        return;
      }
    }
    const clamped = Math.min(active.row, rows.length);
    if (clamped !== active.row) this.keyboard.active = { row: clamped, col: active.col };
    this.activeId = rows[clamped - 1]?.id ?? null;
  }

  /** Marks the rows whose conversation changed since the last view, for a short highlight. */
  private trackChanges(view: ConversationView): void {
    this.lastView = view;
    const key = encodeView({
      filter: view.query.filter ?? {},
      sort: view.query.sort ?? DEFAULT_SORT,
    });
    const compare = key === this.lastQueryKey && this.previousRows.size > 0;
    this.lastQueryKey = key;
    const now = view.now;
    const next = new Map<string, Conversation>();
    let shown = 0;
    for (const c of view.rows) {
      next.set(c.id, c);
      if (c.status !== 'closed') shown += 1;
      if (!compare) continue;
      const before = this.previousRows.get(c.id);
      if (before !== c && (before === undefined || before.version !== c.version)) {
        const parity = this.flashes.get(c.id)?.parity === 0 ? 1 : 0;
        this.flashes.set(c.id, { until: now + FLASH_MS, parity });
      }
    }
    this.previousRows = next;
    this.shownCount = shown;
    if (this.flashes.size > 200) {
      for (const [id, f] of this.flashes) if (f.until <= now) this.flashes.delete(id);
    }
  }

  private cssRowHeight(): number | undefined {
    const value = getComputedStyle(this).getPropertyValue('--sc-row-height').trim();
    return value.endsWith('px') ? parseFloat(value) : undefined;
  }

  // ----- grid events ----------------------------------------------------------------------------

  private readonly onGridKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (target.closest('.menu')) return;
    if (this.keyboard.onKeyDown(event)) {
      event.preventDefault();
      return;
    }
    const row = this.keyboard.active.row;
    if (row === 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const c = this.rows[row - 1];
    if (!c) return;
    if (event.key === 'Enter' || (event.key === ' ' && !target.matches('button'))) {
      event.preventDefault();
      this.openMenu(c.id);
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
    const col = Number(el.dataset.col);
    const rowEl = el.closest<HTMLElement>('.body-row');
    const row = rowEl ? Number(rowEl.dataset.index) + 1 : 0;
    if (row > 0) this.activeId = this.rows[row - 1]?.id ?? null;
    this.keyboard.setActive({ row, col });
    this.showTip(row > 0 ? el : null);
  };

  private readonly onBodyScroll = (): void => {
    if (this.tipEl && !this.tipEl.hidden) this.tipEl.hidden = true;
  };

  private readonly onGridFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.showTip(null);
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

  private readonly onGridPointerDown = (event: PointerEvent): void => {
    // Pointer focus on a cell (not a control) should still move the roving tab stop.
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.body-row .cell');
    if (cell && !cell.hasAttribute('tabindex')) {
      cell.querySelector<HTMLElement>('[data-col]')?.focus();
    }
  };

  private readonly onGridClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    const sort = target.closest<HTMLElement>('button.sort');
    if (sort) {
      this.sortBy(sort.dataset.sort as SortKey);
      return;
    }
    const actions = target.closest<HTMLElement>('button.actions');
    if (actions) {
      const rowEl = actions.closest<HTMLElement>('.body-row');
      const c = rowEl ? this.rows[Number(rowEl.dataset.index)] : undefined;
      if (!c) return;
      const justClosed = this.menuClosedFor === c.id && performance.now() - this.menuClosedAt < 300;
      if (this.menuFor === c.id || justClosed) this.closeMenu(false);
      else this.openMenu(c.id);
    }
  };

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

  // ----- actions menu -----------------------------------------------------------------------------

  private openMenu(id: string): void {
    const rules = this.rules.value ?? EMPTY_RULES;
    if (!anyActionEnabled(rules)) {
      this.announce('No actions are available.');
      return;
    }
    const c = this.findRow(id);
    if (!c) return;
    const actions = rowActions(rules, c);
    const firstAllowed = actions.findIndex((a) => a.allowed);
    this.menuFocus = Math.max(0, firstAllowed);
    this.menuFor = id;
    this.menuOpening = true;
  }

  private showMenu(): void {
    const menu = this.menuEl;
    if (!menu || !this.menuFor || !this.isConnected) return;
    const index = this.rows.findIndex((c) => c.id === this.menuFor);
    const anchor =
      index >= 0
        ? (this.renderRoot as ShadowRoot).querySelector<HTMLElement>(
            `.body-row[data-index="${index}"] .actions, .body-row[data-index="${index}"]`,
          )
        : null;
    if (!menu.matches(':popover-open')) menu.showPopover();
    if (anchor) {
      const a = anchor.getBoundingClientRect();
      const m = menu.getBoundingClientRect();
      const below = a.bottom + 4 + m.height <= window.innerHeight;
      const top = below ? a.bottom + 4 : Math.max(4, a.top - 4 - m.height);
      const left = Math.min(Math.max(4, a.right - m.width), window.innerWidth - m.width - 4);
      menu.style.top = `${Math.round(top)}px`;
      menu.style.left = `${Math.round(left)}px`;
    }
    this.menuItems()[this.menuFocus]?.focus();
  }

  private menuItems(): HTMLElement[] {
    return [...(this.menuEl?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  /** Closes the menu; `restoreFocus` returns focus to the row's actions cell. */
  private closeMenu(restoreFocus: boolean): void {
    const id = this.menuFor;
    if (this.menuEl?.matches(':popover-open')) this.menuEl.hidePopover();
    this.menuFor = null;
    if (restoreFocus && id) {
      const index = this.rows.findIndex((c) => c.id === id);
      const cols = this.columns(this.rules.value ?? EMPTY_RULES);
      if (index >= 0) {
        const pos = { row: index + 1, col: cols.length - 1 };
        this.keyboard.setActive(pos);
        this.focusCell(pos);
      }
    }
  }

  private readonly onMenuToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    // Light dismiss (Escape, a click outside) closes it natively: bring our state along.
    if (this.menuFor) {
      const focusWasInside = this.menuEl?.contains(this.shadowRoot?.activeElement ?? null) ?? false;
      this.menuClosedFor = this.menuFor;
      this.menuClosedAt = performance.now();
      this.closeMenu(focusWasInside || this.shadowRoot?.activeElement == null);
    }
  };

  private readonly onMenuKeyDown = (event: KeyboardEvent): void => {
    const items = this.menuItems();
    const current = items.indexOf(event.target as HTMLElement);
    const move = (to: number) => {
      if (items.length === 0) return;
      this.menuFocus = (to + items.length) % items.length;
      items.forEach((el, i) => el.setAttribute('tabindex', i === this.menuFocus ? '0' : '-1'));
      items[this.menuFocus]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        this.closeMenu(true);
        break;
      case 'Enter':
      case ' ': {
        const action = items[current]?.dataset.action as ConversationAction | undefined;
        if (action) this.activateMenuAction(action);
        break;
      }
      default: {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const action = actionForKey(event.key);
        if (!action) return;
        this.activateMenuAction(action);
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  private readonly onMenuClick = (event: MouseEvent): void => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const action = item?.dataset.action as ConversationAction | undefined;
    if (action) this.activateMenuAction(action);
  };

  private activateMenuAction(action: ConversationAction): void {
    const c = this.menuFor ? this.findRow(this.menuFor) : undefined;
    if (!c) return;
    const offered = rowActions(this.rules.value ?? EMPTY_RULES, c).find((a) => a.action === action);
    if (!offered) return;
    if (!offered.allowed) {
      this.announce(`${offered.label} is not available: ${offered.reason}`);
      return;
    }
    this.closeMenu(true);
    this.dispatchAction(c, action);
  }

  /** A shortcut key on a row: an allowed action fires; a disabled one says why; a switched-off one is not offered. */
  private tryAction(c: Conversation, action: ConversationAction): void {
    const offered = rowActions(this.rules.value ?? EMPTY_RULES, c).find((a) => a.action === action);
    if (!offered) return;
    if (!offered.allowed) {
      this.announce(`${offered.label} is not available: ${offered.reason}`);
      return;
    }
    this.dispatchAction(c, action);
  }

  private dispatchAction(c: Conversation, action: ConversationAction): void {
    const event = new ActionRequestEvent({ action, conversationId: c.id, conversation: c });
    this.dispatchEvent(event);
    if (event.defaultPrevented) this.announce(`${actionLabel(action)} was cancelled.`);
  }

  // ----- toolbar events ---------------------------------------------------------------------------

  private readonly onSearchInput = (event: Event): void => {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = undefined;
      this.commitSearch();
    }, 250);
  };

  private readonly onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      clearTimeout(this.searchTimer);
      this.searchTimer = undefined;
      this.commitSearch();
    }
  };

  private commitSearch(): void {
    const text = this.searchDraft;
    if ((this.filter.text ?? '') === text) return;
    const rest = withoutField(this.filter, 'text');
    this.changeView({ filter: text.trim() ? { ...rest, text } : rest, sort: this.sort }, 'user');
  }

  private readonly onChoiceChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const field = input.dataset.field as ListField | undefined;
    if (!field) return;
    const set = new Set<string>(this.filter[field] ?? []);
    if (input.checked) set.add(input.value);
    else set.delete(input.value);
    const next: Record<string, unknown> = { ...this.filter, [field]: [...set] };
    if (set.size === 0) delete next[field];
    this.changeView({ filter: next as ConversationFilter, sort: this.sort }, 'user');
  };

  private readonly onWaitChange = (event: Event): void => {
    const ms = Number((event.target as HTMLSelectElement).value);
    const rest = withoutField(this.filter, 'minWaitMs');
    this.changeView(
      { filter: ms > 0 ? { ...rest, minWaitMs: ms } : rest, sort: this.sort },
      'user',
    );
  };

  private readonly onAttentionClick = (): void => {
    const sort: ConversationSort =
      this.sort.key === 'attention' ? DEFAULT_SORT : { key: 'attention', direction: 'desc' };
    this.changeView({ filter: this.filter, sort }, 'user');
  };

  private readonly clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchDraft = '';
    this.changeView({ filter: {}, sort: this.sort }, 'user');
  };

  private readonly onDetailsToggle = (event: Event): void => {
    const details = event.target as HTMLDetailsElement;
    if (!details.open) return;
    // One disclosure open at a time.
    for (const other of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details.choice')) {
      if (other !== details) other.open = false;
    }
  };

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    const path = event.composedPath();
    for (const details of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details[open]')) {
      if (!path.includes(details)) details.open = false;
    }
  };

  private readonly onViewApply = (event: Event): void => {
    const name = (event.currentTarget as HTMLElement).dataset.view ?? '';
    if (this.applyView(name)) {
      this.closeDetails(event.currentTarget as HTMLElement);
    }
  };

  private readonly onViewDelete = (event: Event): void => {
    this.deleteView((event.currentTarget as HTMLElement).dataset.view ?? '');
    this.renderRoot.querySelector<HTMLElement>('.views summary')?.focus();
  };

  private readonly onViewSave = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('name') as HTMLInputElement;
    if (this.saveView(input.value)) {
      input.value = '';
      this.closeDetails(form);
    }
  };

  private readonly onCopyLink = async (): Promise<void> => {
    const url = urlWithView(location.href, { filter: this.filter, sort: this.sort }, this.urlParam);
    try {
      await navigator.clipboard.writeText(url);
      this.announce('Link to this view copied.');
    } catch {
      this.announce('The link could not be copied; copy it from the address bar.');
    }
  };

  private closeDetails(inside: HTMLElement): void {
    const details = inside.closest('details');
    if (!details) return;
    details.open = false;
    details.querySelector<HTMLElement>('summary')?.focus();
  }

  private readonly retry = (): void => {
    const service = this.service;
    if (!service) return;
    service.disconnect();
    service.connect();
  };

  // ----- view changes, persistence and announcements ----------------------------------------------

  private store(): SavedViewStore {
    return new SavedViewStore(this.persistKey || '', this.persistKey ? undefined : null);
  }

  private refreshSavedViews(): void {
    this.savedViews = this.persistKey ? this.store().list() : [];
  }

  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === this.persistKey) this.refreshSavedViews();
  };

  private readonly onPopState = (): void => {
    if (!this.urlSync) return;
    const view = viewFromUrl(location.href, this.urlParam) ?? { filter: {}, sort: DEFAULT_SORT };
    if (encodeView(view) !== encodeView({ filter: this.filter, sort: this.sort })) {
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
    const store = this.store();
    if (this.viewName) return; // applied in willUpdate
    const untouched = !isFiltered(this.filter) && this.sort === DEFAULT_SORT;
    const last = this.persistKey && untouched ? store.lastUsed : null;
    if (last && store.get(last)) this.applyView(last);
  }

  /** Every change the supervisor makes to the view goes through here. */
  private changeView(
    view: TableView,
    source: ViewChangeSource,
    viewName: string | null = null,
  ): void {
    const filter = normalizeFilter(view.filter);
    const sort = normalizeSort(view.sort);
    const sortChanged = sort.key !== this.sort.key || sort.direction !== this.sort.direction;
    const filterChanged =
      encodeView({ filter, sort }) !== encodeView({ filter: this.filter, sort });
    this.filter = filter;
    this.sort = sort;
    this.appliedViewName = viewName;
    this.viewName = viewName;
    if (source !== 'user' || filter.text === undefined) this.searchDraft = filter.text ?? '';
    if (this.persistKey && source !== 'url') this.store().setLastUsed(viewName);
    const encoded = encodeView({ filter, sort });
    if (this.urlSync && source !== 'url') {
      const url = urlWithView(location.href, { filter, sort }, this.urlParam);
      if (url !== location.href) history.replaceState(history.state, '', url);
    }
    this.announceSort ||= sortChanged;
    this.announceFilter ||= filterChanged || source !== 'user';
    this.scheduleAnnouncement();
    this.dispatchEvent(new ViewChangeEvent({ filter, sort, viewName, encoded, source }));
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const parts: string[] = [];
      if (this.announceSort) {
        parts.push(
          this.sort.key === 'attention'
            ? `Sorted by ${SORT_LABELS.attention}.`
            : `Sorted by ${SORT_LABELS[this.sort.key]}, ${this.sort.direction === 'asc' ? 'ascending' : 'descending'}.`,
        );
      }
      const view = this.view.value;
      if (this.announceFilter && view) {
        parts.push(
          view.rows.length === 0
            ? `No conversations match, of ${count.format(view.total)}.`
            : `${count.format(view.rows.length)} of ${count.format(view.total)} conversations.`,
        );
      }
      this.announceSort = false;
      this.announceFilter = false;
      if (parts.length) this.announce(parts.join(' '));
    }, 400);
  }

  /** Says something through the polite live region (written directly: no re-render). */
  private announce(text: string): void {
    const live = this.liveEl;
    if (!live) return;
    // Clearing first makes a repeated identical message be read again.
    live.textContent = '';
    setTimeout(() => {
      live.textContent = text;
    }, 50);
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
