/**
 * The table's non-row parts: the connection indicator and "last updated" time, the reconnecting or
 * offline banner, the skeleton rows, the loading/error/empty states and the footer. Plain render
 * functions of what the element knows.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { SupervisorSettings } from '../../domain/index.js';
import { isActionEnabled } from '../../domain/index.js';
import { formatClock, formatCount as formatNumber } from '../../internal/format.js';
import type { ConnectionState } from '../../service/state.js';
import type { Column } from './columns.js';
import { ROW_ACTIONS } from './row-actions.js';
import { styleProps } from '../shared/style-props.js';

/** "10,000" in the active language ("10.000" in German). */
export function formatCount(n: number): string {
  return formatNumber(n);
}

// Functions, so each word follows the active language.
const WORDS: Record<string, () => string> = {
  connecting: () => msg('Connecting'),
  live: () => msg('Live'),
  reconnecting: () => msg('Reconnecting'),
  offline: () => msg('Offline'),
};

/** The connection pill and the time of the last update received. */
export function renderConnectionStatus(connection: ConnectionState | undefined): TemplateResult {
  const updated = connection?.lastUpdateAt ?? null;
  // Data arrived but the adapter sent no "live" status (the contract does not require one).
  const status =
    connection?.status === 'connecting' && updated !== null
      ? 'live'
      : (connection?.status ?? 'connecting');
  return html`
    <span class="connection" part="status">
      <span class="pill pill-${status}"
        ><span class="dot" aria-hidden="true"></span>${WORDS[status]?.() ?? status}</span
      >
      ${
        updated !== null
          ? html`<span class="updated"
              >${msg(html`Last updated <time>${formatClock(updated)}</time>`)}</span
            >`
          : nothing
      }
    </span>
  `;
}

/**
 * The banner over live data that went stale: reconnecting, or offline with a reconnect button. The
 * `role=status` region is always rendered (empty when live) so its changes are announced.
 */
export function renderBanner(
  connection: ConnectionState | undefined,
  onRetry: () => void,
): TemplateResult {
  let content: TemplateResult | typeof nothing = nothing;
  let tone = '';
  if (connection && connection.lastUpdateAt !== null && connection.status !== 'live') {
    // Formatted only when shown: while live, the time changes every frame and nobody reads it here.
    const at = formatClock(connection.lastUpdateAt);
    const since = ` ${msg(str`The list shows data from ${at}.`)}`;
    if (connection.status === 'reconnecting') {
      tone = 'warning';
      content = html`<span class="spinner" aria-hidden="true"></span>
        <span>${msg('Reconnecting to the contact centre…')}${since}</span>`;
    } else if (connection.status === 'offline') {
      tone = 'danger';
      content = html`<span
          >${
            connection.message ? msg(str`Offline: ${connection.message}.`) : msg('Offline.')
          }${since}</span
        >
        <button type="button" @click=${onRetry}>${msg('Reconnect')}</button>`;
    }
  }
  return html`<div class="banner ${tone}" part="banner" role="status">${content}</div>`;
}

/** Placeholder rows while the first snapshot loads (hidden from assistive technology). */
export function renderSkeleton(
  columns: readonly Column[],
  rowHeight: number,
  rows = 8,
): TemplateResult {
  return html`${Array.from(
    { length: rows },
    (_, i) =>
      html`<div
        class="row skeleton"
        aria-hidden="true"
        style=${styleProps({ transform: `translateY(${i * rowHeight}px)` })}
      >
        ${columns.map(() => html`<div class="cell"><span class="bone"></span></div>`)}
      </div>`,
  )}`;
}

export function renderLoading(): TemplateResult {
  return html`<div class="state loading" part="loading">
    <span class="visually-hidden">${msg('Loading conversations…')}</span>
  </div>`;
}

export function renderError(message: string, onRetry: () => void): TemplateResult {
  return html`<div class="state message error" part="error" role="alert">
    <p class="title">${msg('Conversations could not be loaded')}</p>
    <p>${message}</p>
    <button type="button" class="primary" @click=${onRetry}>${msg('Retry')}</button>
  </div>`;
}

/**
 * The empty state around the `empty` slot. `hiddenByFilters`: how many ongoing conversations the
 * filters hide (0: nothing is ongoing at all).
 */
export function renderEmpty(hiddenByFilters: number, onClearFilters: () => void): TemplateResult {
  return html`<div class="state message empty" part="empty">
    <slot name="empty">
      ${
        hiddenByFilters > 0
          ? html`<p class="title">${msg('No conversations match these filters')}</p>
              <p>
                ${msg(
                  str`${formatCount(hiddenByFilters)} ongoing conversations are hidden by the filters.`,
                )}
              </p>
              <button type="button" @click=${onClearFilters}>${msg('Clear filters')}</button>`
          : html`<p class="title">${msg('No ongoing conversations')}</p>
              <p>${msg('New conversations appear here as soon as customers reach out.')}</p>`
      }
    </slot>
  </div>`;
}

/** The footer: row count, key help (also the grid's description), host content, connection. */
export function renderFooter(
  counts: { readonly shown: number; readonly total: number } | null,
  settings: SupervisorSettings,
  connection: ConnectionState | undefined,
  /** Rows can be selected (the key help then says how). */
  selecting = false,
): TemplateResult {
  const keys = ROW_ACTIONS.filter((a) => isActionEnabled(settings, a.action));
  return html`<div class="footer" part="footer">
    <span class="row-count">
      ${
        counts
          ? msg(str`${formatCount(counts.shown)} of ${formatCount(counts.total)} conversations`)
          : nothing
      }
    </span>
    <span class="keys" id="keys-help">
      ${
        keys.length
          ? msg('Arrow keys move, Enter opens actions')
          : msg('Arrow keys move, Enter on a header sorts')
      }${keys.map(
        (a, i) => html`${i === 0 ? '; ' : ', '}<kbd>${a.keyLabel}</kbd> ${a.label.toLowerCase()}`,
      )}.${
        selecting
          ? html` ${msg(html`<kbd>Space</kbd> selects, <kbd>Ctrl+A</kbd> all, <kbd>Esc</kbd> none.`)}`
          : nothing
      }
    </span>
    <slot name="footer"></slot>
    <span class="spacer"></span>
    ${renderConnectionStatus(connection)}
  </div>`;
}
