/**
 * The table's toolbar: search, the filter disclosures (status, channel, queue, representative), the
 * wait threshold, the attention sort and the saved-views menu. Plain render functions: the element
 * owns the state and passes its (stable) event handlers in.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import {
  CHANNELS,
  ONGOING_STATUSES,
  channelLabel,
  statusLabel,
  type ConversationFilter,
  type ConversationSort,
  type Queue,
  type Representative,
} from '../../domain/index.js';
import { warningIcon } from '../shared/icons.js';
import { isFiltered, type SavedView } from './saved-views.js';

/** The filter fields the choice disclosures edit. */
export type ListField = 'statuses' | 'channels' | 'queueIds' | 'representativeIds';

interface FilterOption {
  readonly value: string;
  readonly label: string;
}

/** Wait thresholds the toolbar offers (milliseconds; 0 = any). */
export const WAIT_THRESHOLDS: readonly FilterOption[] = [
  // Getters, so each label is read in the active language.
  {
    value: '0',
    get label() {
      return msg('Any wait');
    },
  },
  {
    value: '60000',
    get label() {
      return msg('1 min or more');
    },
  },
  {
    value: '120000',
    get label() {
      return msg('2 min or more');
    },
  },
  {
    value: '300000',
    get label() {
      return msg('5 min or more');
    },
  },
  {
    value: '600000',
    get label() {
      return msg('10 min or more');
    },
  },
  {
    value: '900000',
    get label() {
      return msg('15 min or more');
    },
  },
];

/** What the toolbar shows. */
export interface ToolbarModel {
  readonly filter: ConversationFilter;
  readonly sort: ConversationSort;
  /** The search field's text (may run ahead of `filter.text` while the supervisor types). */
  readonly searchDraft: string;
  readonly queues: Iterable<Queue>;
  readonly representatives: Iterable<Representative>;
  /** `null`: saved views are off (no storage key). */
  readonly savedViews: readonly SavedView[] | null;
  readonly viewName: string | null;
  readonly urlSync: boolean;
  /**
   * The open filter disclosure, if any. Only its options are rendered: a centre with 2,000
   * representatives would otherwise keep 2,000 checkboxes in the DOM and re-render them every frame.
   */
  readonly openFilter: ListField | null;
  /** The "Alerts" disclosure (see `alerts-panel.ts`), after the attention sort. */
  readonly alerts?: TemplateResult;
}

/** The element's handlers, bound once (arrow functions), so re-renders do not re-add listeners. */
export interface ToolbarHandlers {
  readonly onSearchInput: (event: Event) => void;
  readonly onSearchKeyDown: (event: KeyboardEvent) => void;
  /** A checkbox of a choice filter changed (`input.dataset.field` names the field). */
  readonly onChoiceChange: (event: Event) => void;
  readonly onWaitChange: (event: Event) => void;
  readonly onAttentionClick: () => void;
  readonly onClearFilters: () => void;
  /** A disclosure opened or closed (one open at a time). */
  readonly onDetailsToggle: (event: Event) => void;
  /** A filter disclosure's summary was clicked (it is about to open or close). */
  readonly onFilterSummaryClick: (event: Event) => void;
  /** `currentTarget.dataset.view` names the view. */
  readonly onViewApply: (event: Event) => void;
  readonly onViewDelete: (event: Event) => void;
  readonly onViewSave: (event: SubmitEvent) => void;
  readonly onCopyLink: () => void;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const searchIcon = html`<svg
  class="icon"
  viewBox="0 0 16 16"
  width="16"
  height="16"
  aria-hidden="true"
>
  <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5" />
  <path d="M10.5 10.5l3.5 3.5" stroke="currentColor" stroke-width="1.5" />
</svg>`;

export function renderToolbar(m: ToolbarModel, h: ToolbarHandlers): TemplateResult {
  const { filter } = m;
  const attention = m.sort.key === 'attention';
  return html`
    <div class="toolbar" part="toolbar">
      <div class="filters" role="search" aria-label=${msg('Filter conversations')}>
        <label class="search" part="search">
          <span class="visually-hidden">${msg('Search conversations')}</span>
          ${searchIcon}
          <input
            type="search"
            placeholder=${msg('Search conversations')}
            title=${msg('Search customer, subject, representative and queue')}
            .value=${m.searchDraft}
            @input=${h.onSearchInput}
            @keydown=${h.onSearchKeyDown}
          />
        </label>
        ${renderChoiceFilter(m, h, 'statuses', msg('Status'), () =>
          ONGOING_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
        )}
        ${renderChoiceFilter(m, h, 'channels', msg('Channel'), () =>
          CHANNELS.map((c) => ({ value: c, label: channelLabel(c) })),
        )}
        ${renderChoiceFilter(m, h, 'queueIds', msg('Queue'), () => [
          ...[...m.queues].sort(byName).map((q) => ({ value: q.id, label: q.name })),
          { value: '', label: msg('No queue') },
        ])}
        ${renderChoiceFilter(m, h, 'representativeIds', msg('Representative'), () => [
          { value: '', label: msg('Unassigned') },
          ...[...m.representatives].sort(byName).map((r) => ({
            value: r.id,
            label: r.kind === 'ai' ? msg(str`${r.name} (AI agent)`) : r.name,
          })),
        ])}
        <label class="wait-filter" part="filter">
          <span>${msg('Waiting')}</span>
          <select @change=${h.onWaitChange}>
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
          title=${msg(
            'Sort by attention: longest wait, worst sentiment and over-capacity representatives first',
          )}
          @click=${h.onAttentionClick}
        >
          ${warningIcon} ${msg('Attention first')}
        </button>
        ${m.alerts ?? nothing}
        ${
          isFiltered(filter)
            ? html`<button type="button" class="link" @click=${h.onClearFilters}>
                ${msg('Clear filters')}
              </button>`
            : nothing
        }
      </div>
      ${m.savedViews ? renderViewsMenu(m, m.savedViews, h) : nothing}
      <slot name="toolbar"></slot>
    </div>
  `;
}

function renderChoiceFilter(
  m: ToolbarModel,
  h: ToolbarHandlers,
  field: ListField,
  label: string,
  options: () => readonly FilterOption[],
): TemplateResult {
  const chosen = new Set(m.filter[field] ?? []);
  const summary =
    chosen.size > 0 ? msg(str`${label}: ${chosen.size} selected`) : msg(str`${label}: any`);
  const open = m.openFilter === field;
  return html`
    <details
      class="choice"
      part="filter"
      data-field=${field}
      .open=${open}
      @toggle=${h.onDetailsToggle}
    >
      <summary aria-label=${summary} @click=${h.onFilterSummaryClick}>
        ${label}${
          chosen.size > 0
            ? html` <span class="count" aria-hidden="true">${chosen.size}</span>`
            : nothing
        }
      </summary>
      <fieldset class="panel" @change=${h.onChoiceChange}>
        <legend class="visually-hidden">${label}</legend>
        ${(open ? options() : []).map(
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

function renderViewsMenu(
  m: ToolbarModel,
  views: readonly SavedView[],
  h: ToolbarHandlers,
): TemplateResult {
  return html`
    <details class="choice views" part="views" @toggle=${h.onDetailsToggle}>
      <summary>
        ${
          m.viewName ? msg(html`Views: <span class="view-name">${m.viewName}</span>`) : msg('Views')
        }
      </summary>
      <div class="panel views-panel">
        ${
          views.length === 0
            ? html`<p class="muted">${msg('No saved views yet.')}</p>`
            : html`<ul class="view-list" aria-label=${msg('Saved views')}>
                ${views.map(
                  (v) => html`
                    <li>
                      <button
                        type="button"
                        class="view-apply"
                        data-view=${v.name}
                        aria-current=${v.name === m.viewName ? 'true' : 'false'}
                        @click=${h.onViewApply}
                      >
                        ${v.name}
                      </button>
                      <button
                        type="button"
                        class="view-delete icon-button"
                        data-view=${v.name}
                        aria-label=${msg(str`Delete view ${v.name}`)}
                        title=${msg('Delete')}
                        @click=${h.onViewDelete}
                      >
                        ×
                      </button>
                    </li>
                  `,
                )}
              </ul>`
        }
        <form class="save-view" @submit=${h.onViewSave}>
          <label>
            <span>${msg('Save current view as')}</span>
            <input name="name" required maxlength="80" autocomplete="off" />
          </label>
          <button type="submit">${msg('Save')}</button>
        </form>
        ${
          m.urlSync
            ? html`<button type="button" class="link copy-link" @click=${h.onCopyLink}>
                ${msg('Copy link to this view')}
              </button>`
            : nothing
        }
      </div>
    </details>
  `;
}
