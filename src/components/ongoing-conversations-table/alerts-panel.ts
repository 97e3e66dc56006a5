/**
 * The toolbar's "Alerts" disclosure: the view's thresholds as a small form (wait limit, sentiment
 * step, over capacity, stuck after), and the count of rows that alert now. A plain render function,
 * like the toolbar: the element owns the thresholds and passes one stable change handler in.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SENTIMENT_SCALE, sentimentLabel, type Sentiment } from '../../domain/index.js';
import { normalizeTableThresholds, type TableThresholds } from './attention.js';
import { formatCount } from './status-parts.js';

/** What the panel shows. */
export interface AlertsModel {
  readonly thresholds: TableThresholds;
  /** Rows that need attention now (any attention threshold). */
  readonly attention: number;
  /** Stuck rows now. */
  readonly stuck: number;
}

/** The panel's handlers, bound once by the element. */
export interface AlertsHandlers {
  /** A control changed: read the form back with `thresholdsFromForm`. */
  readonly onAlertsChange: (event: Event) => void;
  readonly onDetailsToggle: (event: Event) => void;
}

const bellIcon = html`<svg
  class="icon"
  viewBox="0 0 16 16"
  width="16"
  height="16"
  aria-hidden="true"
>
  <path
    d="M4 11.5V7a4 4 0 018 0v4.5l1.25 1.25H2.75zM6.5 14h3"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
  />
</svg>`;

/** Minutes as the form shows them ('' when off). */
function minutes(ms: number | undefined): string {
  return ms === undefined ? '' : String(Math.round((ms / 60_000) * 100) / 100);
}

/** A threshold's field in minutes, up to a week ('' is off). */
function minutesInput(name: string, ms: number | undefined, describedBy?: string): TemplateResult {
  return html`<input
    name=${name}
    aria-describedby=${ifDefined(describedBy)}
    type="number"
    min="0"
    max="10080"
    step="0.5"
    inputmode="decimal"
    placeholder=${msg('Off')}
    .value=${minutes(ms)}
  />`;
}

/** A minutes field back to milliseconds (`undefined`: off, or not a sensible number). */
function fromMinutes(value: string): number | undefined {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) && n > 0 ? Math.round(n * 60_000) : undefined;
}

/** The thresholds the panel's form holds now (validated like any untrusted input). */
export function thresholdsFromForm(form: HTMLFormElement): TableThresholds {
  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const sentiment = field('sentiment')?.value ?? '';
  return normalizeTableThresholds({
    maxWaitMs: fromMinutes(field('wait')?.value ?? ''),
    sentimentAtOrBelow: sentiment === '' ? undefined : (sentiment as Sentiment),
    representativeOverCapacity: (field('capacity') as HTMLInputElement | null)?.checked === true,
    stuckAfterMs: fromMinutes(field('stuck')?.value ?? ''),
  });
}

/** How many rows alert now, in words: "3 need attention, 1 stuck", "1 needs attention", "none now". */
export function alertCounts(attention: number, stuck: number): string {
  const parts: string[] = [];
  const a = formatCount(attention);
  if (attention === 1) parts.push(msg('1 needs attention'));
  else if (attention > 1) parts.push(msg(str`${a} need attention`));
  if (stuck > 0) {
    const n = formatCount(stuck);
    parts.push(msg(str`${n} stuck`));
  }
  return parts.length > 0 ? parts.join(', ') : msg('none now');
}

/** The "Alerts" disclosure of the toolbar. */
export function renderAlertsPanel(m: AlertsModel, h: AlertsHandlers): TemplateResult {
  const t = m.thresholds;
  const count = m.attention + m.stuck;
  return html`
    <details class="choice alerts" part="filter alerts" @toggle=${h.onDetailsToggle}>
      <summary>
        ${bellIcon}
        ${msg('Alerts')}${
          count > 0
            ? html` <span class="count alert-count" aria-hidden="true">${formatCount(count)}</span>`
            : nothing
        }<span class="visually-hidden"> (${alertCounts(m.attention, m.stuck)})</span>
      </summary>
      <form class="panel alerts-panel" @change=${h.onAlertsChange} @submit=${preventSubmit}>
        <p class="muted alerts-intro">
          ${msg('Mark rows that cross a limit and announce them. Saved with the view.')}
        </p>
        <label class="field">
          <span>${msg('Waiting longer than (minutes)')}</span>
          ${minutesInput('wait', t.maxWaitMs)}
        </label>
        <label class="field">
          <span>${msg('Sentiment at or below')}</span>
          <select name="sentiment">
            <option value="" ?selected=${t.sentimentAtOrBelow === undefined}>${msg('Off')}</option>
            ${SENTIMENT_SCALE.map(
              (s) =>
                html`<option value=${s} ?selected=${t.sentimentAtOrBelow === s}>
                  ${sentimentLabel(s)}
                </option>`,
            )}
          </select>
        </label>
        <label class="option">
          <input
            name="capacity"
            type="checkbox"
            .checked=${t.representativeOverCapacity === true}
          />
          <span>${msg('Representative over capacity')}</span>
        </label>
        <label class="field">
          <span>${msg('Stuck after (minutes)')}</span>
          ${minutesInput('stuck', t.stuckAfterMs, 'stuck-hint')}
        </label>
        <p class="hint" id="stuck-hint">
          ${msg('Stuck: the representative is away or offline and the customer is waiting.')}
        </p>
      </form>
    </details>
  `;
}

function preventSubmit(event: Event): void {
  // Enter in a field applies it (the change event already did): the form never navigates.
  event.preventDefault();
}
