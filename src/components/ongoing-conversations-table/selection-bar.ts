/**
 * What row selection adds to the table's markup: the leading checkbox column (its header checkbox
 * selects all rows shown or none, with the mixed state), each row's checkbox, and the selection bar
 * ("3 selected" · Assign to queue… · Force close… · Clear). Plain render functions; the element owns
 * the state (`RowSelection`) and the handlers.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Conversation, SupervisorSettings } from '../../domain/index.js';
import type { BulkActionKind } from '../../events/bulk-request.js';
import type { Column } from './columns.js';
import type { SelectAllState } from './selection.js';
import { formatCount } from './status-parts.js';

/** The leading checkbox column (shown when the table is `selectable` and a bulk action is on). */
export const SELECT_COLUMN: Column = {
  id: 'select',
  get label() {
    return msg('Select');
  },
  sortKey: null,
  firstDirection: 'asc',
  width: '2.75rem',
};

/** The bulk actions whose admin switch is on (a switched-off action is not offered at all). */
export function bulkActionsEnabled(settings: SupervisorSettings): BulkActionKind[] {
  const actions: BulkActionKind[] = [];
  if (settings.assign) actions.push('assign-queue');
  if (settings.forceClose) actions.push('force-close');
  return actions;
}

/** The header checkbox: all rows shown, some (mixed) or none. */
export function renderSelectHeader(
  state: SelectAllState,
  shown: number,
  col: number,
  active: boolean,
): TemplateResult {
  return html`<div class="cell head-cell select-cell" part="header-cell" role="columnheader">
    <input
      type="checkbox"
      class="select-all"
      data-row="0"
      data-col=${col}
      tabindex=${active ? 0 : -1}
      aria-label=${msg(str`Select all ${formatCount(shown)} conversations shown`)}
      .checked=${live(state === 'all')}
      .indeterminate=${live(state === 'some')}
      ?disabled=${shown === 0}
    />
  </div>`;
}

/** A row's checkbox cell. */
export function renderSelectCell(
  c: Conversation,
  selected: boolean,
  row: number,
  col: number,
  active: boolean,
): TemplateResult {
  return html`<div class="cell select-cell" part="cell" role="gridcell">
    <input
      type="checkbox"
      class="select-row"
      data-row=${row}
      data-col=${col}
      tabindex=${active ? 0 : -1}
      aria-label=${msg(str`Select ${c.customerName || msg('Unnamed customer')}`)}
      .checked=${live(selected)}
    />
  </div>`;
}

/** What the selection bar's buttons do. */
export interface SelectionBarHandlers {
  readonly onBulk: (event: Event) => void;
  readonly onClear: () => void;
}

/** The bar shown while something is selected: the count and the bulk actions that are on. */
export function renderSelectionBar(
  count: number,
  actions: readonly BulkActionKind[],
  handlers: SelectionBarHandlers,
): TemplateResult | typeof nothing {
  if (count === 0) return nothing;
  const labelled = (action: BulkActionKind): string =>
    action === 'assign-queue' ? msg('Assign to queue…') : msg('Force close…');
  return html`<div
    class="selection-bar"
    part="selection-bar"
    role="toolbar"
    aria-label=${msg('Selected conversations')}
  >
    <span class="selection-count"
      >${count === 1 ? msg('1 selected') : msg(str`${formatCount(count)} selected`)}</span
    >
    ${actions.map(
      (action) =>
        html`<button
          type="button"
          class=${ifDefined(action === 'force-close' ? 'danger' : undefined)}
          part="bulk-action"
          data-bulk=${action}
          @click=${handlers.onBulk}
        >
          ${labelled(action)}
        </button>`,
    )}
    <button type="button" class="link" part="bulk-clear" @click=${handlers.onClear}>
      ${msg('Clear selection')}
    </button>
  </div>`;
}

/** The selection column, selected rows and the selection bar. */
export const selectionStyles = css`
  .select-cell {
    align-items: center;
    justify-content: center;
    padding: 0;
  }
  .select-cell input {
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .select-cell input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* A light tint (text keeps its contrast) and a bar at the row's start edge mark a selected row. */
  .body-row[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 7%, var(--_bg));
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .body-row[aria-selected='true']:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_accent);
  }
  .body-row[aria-selected='true']:hover {
    background: color-mix(in srgb, var(--_accent) 9%, var(--_bg));
  }
  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: 0.35rem var(--_space);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    border-bottom: 1px solid var(--_border);
  }
  .selection-count {
    font-weight: 600;
    margin-inline-end: auto;
  }
  @media (forced-colors: active) {
    .body-row[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
