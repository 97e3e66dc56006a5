/**
 * How an alerting row looks: the mark in the customer cell (icon and a short word, never colour
 * alone, with the whole reason for assistive technology) and, for a stuck row, the representative
 * cell with its one-step "Reassign to …" button. Every name is bound as text (in `<bdi>`), never as
 * markup.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { presenceLabel } from '../../domain/index.js';
import { presenceIcon, warningIcon } from '../shared/icons.js';
import type { RowAlert } from './attention.js';

const stuckIcon = html`<svg
  class="icon"
  viewBox="0 0 16 16"
  width="14"
  height="14"
  aria-hidden="true"
>
  <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.5" />
  <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
</svg>`;

/** The id of a row's alert description (rows are windowed: unique per row index). */
export function alertDescriptionId(index: number): string {
  return `alert-${index}`;
}

/**
 * The mark at the start of the customer cell: "Stuck" (a clock) or "Alert" (a warning sign), with
 * the full description hidden for screen readers (and referenced by the row's `aria-describedby`).
 */
export function renderAlertMark(
  alert: RowAlert,
  description: string,
  index: number,
): TemplateResult {
  const word = alert.stuck ? msg('Stuck') : msg('Alert');
  return html`<span class="alert-mark ${alert.stuck ? 'stuck-mark' : ''}" part="alert"
    >${alert.stuck ? stuckIcon : warningIcon}<span class="alert-word" aria-hidden="true"
      >${word}</span
    ><span class="visually-hidden" id=${alertDescriptionId(index)}>${description}</span></span
  >`;
}

/** A row's alert as the row shows it: with its one step and the full description read out. */
export type ShownAlert = RowAlert & {
  readonly offer: StuckOffer | null;
  readonly description: string;
};

/** What a stuck row offers: a target, the transfer dialog, or nothing (the rules refuse). */
export type StuckOffer =
  | { readonly kind: 'reassign'; readonly id: string; readonly name: string }
  | { readonly kind: 'dialog' }
  | { readonly kind: 'none'; readonly reason: string };

/** The one step a stuck row offers (when the transfer switch is on). */
export function stuckOffer(alert: RowAlert): StuckOffer | null {
  const s = alert.stuck?.suggestion;
  if (!s) return null;
  if (s.candidate && s.verdict.allowed) {
    const rep = s.candidate.representative;
    return { kind: 'reassign', id: rep.id, name: rep.name };
  }
  return s.verdict.allowed ? { kind: 'dialog' } : { kind: 'none', reason: s.detail };
}

/**
 * The representative cell of a stuck row that offers a step: the absent representative and their
 * presence on the first line, the one-step button on the second (not in the tab order: the grid has
 * one tab stop; the row shortcut R does the same from the keyboard). Rows that offer nothing (the
 * transfer switch off, the rules refuse) keep the ordinary representative cell.
 */
export function renderStuckRepresentative(
  alert: RowAlert,
  offer: Exclude<StuckOffer, { kind: 'none' }>,
  row: number,
): { content: TemplateResult; title: string } {
  const rep = alert.stuck!.representative;
  const presence = presenceLabel(rep.presence);
  let action: TemplateResult;
  let title = `${rep.name} — ${presence}`;
  if (offer.kind === 'reassign') {
    const name = offer.name;
    title += ` — ${msg(str`Reassign to ${name}`)}`;
    action = html`<button
      type="button"
      class="reassign clip"
      part="reassign"
      tabindex="-1"
      data-reassign=${row}
      aria-keyshortcuts="R"
    >
      ${msg(html`Reassign to <bdi>${name}</bdi>`)}
    </button>`;
  } else {
    title += ` — ${msg('Nobody free: transfer it from the dialog')}`;
    action = html`<span class="reassign-line"
      ><span class="secondary">${msg('Nobody free')}</span>
      <button
        type="button"
        class="reassign"
        part="reassign"
        tabindex="-1"
        data-reassign=${row}
        aria-keyshortcuts="R"
      >
        ${msg('Transfer…')}
      </button></span
    >`;
  }
  return {
    content: html`<span class="primary clip presence-line"
        ><bdi>${rep.name}</bdi> ${presenceIcon(rep.presence)}<span class="absent"
          >${presence}</span
        ></span
      >
      ${action}`,
    title,
  };
}

/** What the row's description adds about its one step (for assistive technology). */
export function offerSentence(offer: StuckOffer | null): string {
  if (!offer) return '';
  if (offer.kind === 'reassign') {
    const name = offer.name;
    return msg(str`Press R to reassign it to ${name}.`);
  }
  if (offer.kind === 'dialog') {
    return msg('Nobody is free to take it; press R to choose in the transfer dialog.');
  }
  return offer.reason;
}
