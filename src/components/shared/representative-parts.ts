/**
 * Small render helpers shared by the dialogs, the board and the panel: a representative's presence
 * (icon and text, never colour alone), capacity and the one-line conversation summary.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import {
  channelLabel,
  isStandardPresence,
  presenceLabel,
  statusLabel,
  type Conversation,
  type Queue,
  type Representative,
} from '../../domain/index.js';
import { channelIcon, presenceIcon } from './icons.js';

/** `available`, `busy`, … or `custom`: the class suffix a presence is styled with. */
export function presenceClass(presence: string): string {
  return `presence-${isStandardPresence(presence) ? presence : 'custom'}`;
}

/** Presence as icon and text. */
export function renderPresence(presence: string): TemplateResult {
  return html`<span class="presence ${presenceClass(presence)}"
    >${presenceIcon(presence)} <span class="presence-text">${presenceLabel(presence)}</span></span
  >`;
}

/** "3/10 units used". */
export function capacityText(rep: Representative): string {
  const { used, total } = rep.capacity;
  return msg(str`${used}/${total} units used`);
}

/** `unit` or `units`. */
export function units(n: number): string {
  return Math.abs(n) === 1 ? msg('unit') : msg('units');
}

/** A representative's display name (an unnamed one shows its id), or a fallback for none. */
export function representativeName(
  representatives: ReadonlyMap<string, Representative> | undefined,
  id: string | null,
  none = msg('nobody'),
): string {
  if (id === null) return none;
  const rep = representatives?.get(id);
  return rep?.name || id;
}

/** A queue's display name, or a fallback. */
export function queueName(
  queues: ReadonlyMap<string, Queue> | undefined,
  id: string | null,
  none = msg('no queue'),
): string {
  if (id === null) return none;
  return queues?.get(id)?.name || id;
}

/**
 * "Olga Open · Live chat · Open · General queue · Hana Human": who and where, for dialog headers.
 * Backend text next to other text sits in `<bdi>`, so a right-to-left override in a name cannot flip
 * its neighbours.
 */
export function renderConversationSummary(
  c: Conversation,
  representatives: ReadonlyMap<string, Representative> | undefined,
  queues: ReadonlyMap<string, Queue> | undefined,
): TemplateResult {
  const rep = representativeName(representatives, c.representativeId);
  return html`<p class="summary" part="summary">
    <strong>${c.customerName || msg('Unnamed customer')}</strong>
    <span>${channelIcon(c.channel)} ${channelLabel(c.channel)}</span>
    <span>${statusLabel(c.status)}</span>
    <span>${msg(html`Queue: <bdi>${queueName(queues, c.queueId)}</bdi>`)}</span>
    <span
      >${
        c.representativeId === null
          ? msg('Unassigned')
          : msg(html`Representative: <bdi>${rep}</bdi>`)
      }</span
    >
    ${c.subject ? html`<span>“<bdi>${c.subject}</bdi>”</span>` : null}
  </p>`;
}
