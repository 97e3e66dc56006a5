/**
 * One body row of the table as one template: the nine data cells are written out in it, each cell's
 * text bound as a value, and only the parts that really vary in shape (an alert mark, the
 * representative's line, who monitors, the optional checkbox and Actions cells, icons) are nested
 * templates. A visible row used to be some 28 template instances (a wrapper per cell, its content,
 * an icon frame and its shape); it is now about 8, which is most of the table's first-render and
 * re-render cost (`npm run bench`: mount, sort and filter). Every value from the backend is bound as
 * text, never as markup.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  channelLabel,
  handleTime,
  isMessagingChannel,
  presenceLabel,
  sentimentLabel,
  sentimentScore,
  statusLabel,
  waitTime,
  type Conversation,
} from '../../domain/index.js';
import { describeDuration, formatDuration } from '../../internal/format.js';
import { channelIcon, presenceIcon, sentimentIcon, warningIcon } from '../shared/icons.js';
import { styleProps } from '../shared/style-props.js';
import {
  alertDescriptionId,
  renderAlertMark,
  renderStuckRepresentative,
  type ShownAlert,
} from './alert-cells.js';
import type { CellContext } from './columns.js';
import { renderSelectCell } from './selection-bar.js';

/** Everything about a row that is not the conversation itself. */
export interface BodyRowState {
  /** Position in the view (0-based). */
  readonly index: number;
  readonly rowHeight: number;
  readonly ctx: CellContext;
  /** The column of this row's active cell (the grid's tab stop), or -1. */
  readonly activeCol: number;
  /** The row's change flash (one of two identical animations), or `null`. */
  readonly flash: 0 | 1 | null;
  readonly alert: ShownAlert | null;
  /** The checkbox column is shown (`selected`: this row is ticked). */
  readonly selectable: boolean;
  readonly selected: boolean;
  /** The Actions column is shown (`menuOpen`: its menu is open for this row). */
  readonly actions: boolean;
  readonly menuOpen: boolean;
  /** The row's keyboard shortcuts, for the Actions button's `aria-keyshortcuts`. */
  readonly shortcuts: string;
}

/** Renders one body row. */
export function renderBodyRow(c: Conversation, s: BodyRowState): TemplateResult {
  const { index, ctx, alert } = s;
  const row = index + 1;
  // Columns shift right by one while the checkbox column is shown.
  const first = s.selectable ? 1 : 0;
  const tab = (col: number): number => (s.activeCol === first + col ? 0 : -1);
  const closing = c.status === 'closed';
  let classes = `row body-row${s.flash === null ? '' : ` flash-${s.flash}`}${closing ? ' closing' : ''}`;
  let parts = `row${closing ? ' row-closing' : ''}${s.flash === null ? '' : ' row-changed'}`;
  if (alert) {
    classes += alert.stuck ? ' alerting stuck' : ' alerting';
    parts += alert.stuck ? ' row-alert row-stuck' : ' row-alert';
  }

  const customer = c.customerName || msg('Unnamed customer');
  const customerTitle = c.subject ? `${customer} — ${c.subject}` : customer;

  const status = statusLabel(c.status);
  const pending = c.pendingTransfer !== null && !closing;

  const channel = channelLabel(c.channel);
  const escalated = isMessagingChannel(c.channel) && c.mode !== 'text';
  const mode = modeLabel(c.mode);

  const representative =
    alert?.offer && alert.offer.kind !== 'none'
      ? renderStuckRepresentative(alert, alert.offer, row)
      : representativeCell(c, ctx);

  const queue = c.queueId ? (ctx.queues.get(c.queueId)?.name ?? c.queueId) : '';

  const wait = waitTime(c, ctx.now);
  const handle = handleTime(c, ctx.now);

  const sentiment = sentimentLabel(c.sentiment);
  const score = sentimentScore(c.sentiment);
  const tone = score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';

  const monitoring = monitoringCell(c, ctx);

  return html`<div
    class=${classes}
    part=${parts}
    aria-describedby=${ifDefined(alert ? alertDescriptionId(index) : undefined)}
    role="row"
    aria-rowindex=${index + 2}
    aria-selected=${ifDefined(s.selectable ? String(s.selected) : undefined)}
    data-index=${index}
    style=${styleProps({ transform: `translateY(${index * s.rowHeight}px)` })}
  >
    ${s.selectable ? renderSelectCell(c, s.selected, row, 0, s.activeCol === 0) : nothing}
    <div
      class="cell c-customer"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first}
      tabindex=${tab(0)}
      title=${alert ? `${customerTitle} — ${alert.description}` : customerTitle}
    >
      ${alert ? renderAlertMark(alert, alert.description, index) : nothing}<span
        class="primary clip"
        >${customer}</span
      >
      <span class="secondary clip">${c.subject}</span>
    </div>
    <div
      class="cell c-status"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 1}
      tabindex=${tab(1)}
      title=${pending ? `${status} — ${msg('transfer pending')}` : status}
    >
      <span class="badge status-${statusClass(c.status)}">${status}</span>
      ${pending ? html`<span class="secondary clip">${msg('Transfer pending')}</span>` : nothing}
    </div>
    <div
      class="cell c-channel"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 2}
      tabindex=${tab(2)}
      title=${escalated ? msg(str`${channel}, escalated to ${mode}`) : channel}
    >
      ${channelIcon(c.channel)}<span class="clip"
        >${channel}${
          escalated
            ? html`<span class="visually-hidden">${msg(', escalated to')}</span>
                <span class="tag">${mode}</span>`
            : nothing
        }</span
      >
    </div>
    <div
      class="cell c-representative"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 3}
      tabindex=${tab(3)}
      title=${ifDefined(representative.title || undefined)}
    >
      ${representative.content}
    </div>
    <div
      class="cell c-queue"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 4}
      tabindex=${tab(4)}
      title=${ifDefined(queue || undefined)}
    >
      ${queue ? html`<span class="clip">${queue}</span>` : spoken('—', msg('No queue'))}
    </div>
    <div
      class="cell c-wait numeric"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 5}
      tabindex=${tab(5)}
    >
      <span aria-hidden="true">${formatDuration(wait)}</span>
      <span class="visually-hidden"
        >${wait === null ? msg('Nobody waiting') : describeDuration(wait)}</span
      >
    </div>
    <div
      class="cell c-handle numeric"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 6}
      tabindex=${tab(6)}
    >
      <span aria-hidden="true">${formatDuration(handle)}</span>
      <span class="visually-hidden"
        >${handle === null ? msg('Not handled yet') : describeDuration(handle)}</span
      >
    </div>
    <div
      class="cell c-sentiment"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 7}
      tabindex=${tab(7)}
      title=${sentiment}
    >
      <span class="sentiment tone-${tone} strength-${Math.abs(score)}"
        >${sentimentIcon(c.sentiment)}<span class="clip">${sentiment}</span></span
      >
    </div>
    <div
      class="cell c-monitoring"
      part="cell"
      role="gridcell"
      data-row=${row}
      data-col=${first + 8}
      tabindex=${tab(8)}
      title=${ifDefined(monitoring.title || undefined)}
    >
      ${monitoring.content}
    </div>
    ${s.actions ? actionsCell(c, row, first + 9, s) : nothing}
  </div>`;
}

function actionsCell(c: Conversation, row: number, col: number, s: BodyRowState): TemplateResult {
  return html`<div class="cell actions-cell" part="cell" role="gridcell">
    <button
      type="button"
      class="actions"
      part="actions"
      data-row=${row}
      data-col=${col}
      tabindex=${s.activeCol === col ? 0 : -1}
      aria-haspopup="menu"
      aria-expanded=${s.menuOpen ? 'true' : 'false'}
      aria-label=${msg(str`Actions for ${c.customerName || msg('Unnamed customer')}`)}
      aria-keyshortcuts=${s.shortcuts}
    >
      ${msg('Actions')}
    </button>
  </div>`;
}

/** A cell's content and the full text for its tooltip. */
interface CellContent {
  readonly content: TemplateResult | string;
  /** The full value (shown on hover; also the focused cell's tip when the text is cut off). */
  readonly title: string;
}

/** Visible text for the eye and a spoken form for screen readers (e.g. "—" / "No queue"). */
function spoken(visible: string, words: string): TemplateResult {
  return html`<span aria-hidden="true">${visible}</span>
    <span class="visually-hidden">${words}</span>`;
}

function modeLabel(mode: string): string {
  return mode === 'voice' ? msg('voice') : mode === 'video' ? msg('video') : mode;
}

/** A CSS-safe class suffix for a status (unknown statuses from a newer backend get `other`). */
function statusClass(status: string): string {
  return /^[a-z-]+$/.test(status) ? status : 'other';
}

function representativeCell(c: Conversation, ctx: CellContext): CellContent {
  if (c.representativeId === null) {
    const unassigned = msg('Unassigned');
    return { content: html`<span class="muted clip">${unassigned}</span>`, title: unassigned };
  }
  const rep = ctx.representatives.get(c.representativeId);
  const name = rep?.name ?? c.representativeId;
  const you = c.representativeId === ctx.supervisorId ? ` ${msg('(you)')}` : '';
  if (!rep) return { content: `${name}${you}`, title: `${name}${you}` };
  const { used, total } = rep.capacity;
  const over = used > total;
  let detail: TemplateResult;
  let detailText: string;
  if (rep.kind === 'ai') {
    detailText = msg('AI agent');
    detail = html`<span class="secondary clip"
      >${msg(html`<span class="tag">AI</span> agent`)}</span
    >`;
  } else if (over) {
    detailText = msg(str`Over capacity: ${used} of ${total} units`);
    detail = html`<span class="secondary clip over"
      >${warningIcon}${msg(str`Over capacity ${used}/${total}`)}</span
    >`;
  } else {
    const presence = presenceLabel(rep.presence);
    detailText = msg(str`${presence}, ${used} of ${total} units`);
    detail = html`<span class="secondary clip presence-line"
      >${presenceIcon(rep.presence)}<bdi>${presence}</bdi> · ${used}/${total}</span
    >`;
  }
  const pending = c.pendingTransfer?.toRepresentativeId
    ? ctx.representatives.get(c.pendingTransfer.toRepresentativeId)?.name
    : undefined;
  const title = `${name}${you} — ${detailText}${pending ? ` — ${msg(str`transfer to ${pending} pending`)}` : ''}`;
  return {
    content: html`<span class="primary clip"><bdi>${name}</bdi>${you}</span> ${detail}`,
    title,
  };
}

/** How many supervisors the Monitoring cell names before "+N" (the full list is in its title). */
const MONITORING_SHOWN = 2;

/**
 * Who monitors or joined: "You, Priya Lead +1" — you first, then the joined ones (tagged), then the
 * silent ones, in the backend's order (no sorting: this runs for every visible row every tick). The
 * title and the spoken text give the full list with each one's role.
 */
function monitoringCell(c: Conversation, ctx: CellContext): CellContent {
  const { joinedBy, monitoredBy } = c;
  if (monitoredBy.length === 0 && joinedBy.length === 0) {
    return { content: spoken('—', msg('Nobody')), title: '' };
  }
  const me = ctx.supervisorId;
  const ids: string[] = [];
  if (joinedBy.includes(me) || monitoredBy.includes(me)) ids.push(me);
  for (const id of joinedBy) if (!ids.includes(id)) ids.push(id);
  for (const id of monitoredBy) if (!ids.includes(id)) ids.push(id);
  const nameOf = (id: string): string =>
    id === me
      ? msg('You')
      : ctx.supervisors.get(id)?.name || ctx.representatives.get(id)?.name || id;
  const full = ids
    .map((id) => {
      const who = nameOf(id);
      return joinedBy.includes(id) ? msg(str`${who} (joined)`) : msg(str`${who} (monitoring)`);
    })
    .join(', ');
  const more = ids.length - MONITORING_SHOWN;
  const shown = ids
    .slice(0, MONITORING_SHOWN)
    .map(
      (id, i) =>
        html`${i > 0 ? ', ' : ''}<bdi>${nameOf(id)}</bdi>${
          joinedBy.includes(id) ? html` <span class="tag">${msg('joined')}</span>` : nothing
        }`,
    );
  // "+N" sits outside the clipped names, so a narrow column cuts a name, never the count.
  return {
    content: html`<span class="who-list" aria-hidden="true"
        ><span class="clip">${shown}</span>${
          more > 0 ? html`<span class="more">+${more}</span>` : nothing
        }</span
      >
      <span class="visually-hidden">${full}</span>`,
    title: full,
  };
}
