/**
 * The table's columns: header label, sort key and default direction, width, and how each cell shows a
 * conversation. Cell renderers are plain functions of the conversation and a shared context (lookups
 * and the clock value of this render), so a row costs no timers, subscriptions or closures of its own.
 * Every value from the backend is bound as text, never as markup.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
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
  type Queue,
  type Representative,
  type SortDirection,
  type SortKey,
  type Supervisor,
} from '../../domain/index.js';
import { describeDuration, formatDuration } from '../../internal/format.js';
import { channelIcon, presenceIcon, sentimentIcon } from '../shared/icons.js';

export type ColumnId =
  | 'customer'
  | 'status'
  | 'channel'
  | 'representative'
  | 'queue'
  | 'wait'
  | 'handle'
  | 'sentiment'
  | 'monitoring'
  | 'actions'
  /** The leading checkbox column of a `selectable` table (see `selection-bar.ts`). */
  | 'select';

export interface Column {
  readonly id: ColumnId;
  /** Header text. */
  readonly label: string;
  /** The sort this column's header applies, or `null` when it does not sort. */
  readonly sortKey: SortKey | null;
  /** The direction a first click sorts in (the one a supervisor most likely wants). */
  readonly firstDirection: SortDirection;
  /** Its track in the rows' `grid-template-columns`. */
  readonly width: string;
  /** Right-aligned numbers. */
  readonly numeric?: boolean;
}

/** The data columns, in display order. */
export const DATA_COLUMNS: readonly Column[] = [
  {
    id: 'customer',
    get label() {
      return msg('Customer');
    },
    sortKey: 'customer',
    firstDirection: 'asc',
    width: 'minmax(11rem, 2fr)',
  },
  {
    id: 'status',
    get label() {
      return msg('Status');
    },
    sortKey: 'status',
    firstDirection: 'asc',
    width: '6.75rem',
  },
  {
    id: 'channel',
    get label() {
      return msg('Channel');
    },
    sortKey: 'channel',
    firstDirection: 'asc',
    width: '8rem',
  },
  {
    id: 'representative',
    get label() {
      return msg('Representative');
    },
    sortKey: 'representative',
    firstDirection: 'asc',
    width: 'minmax(10rem, 1.4fr)',
  },
  {
    id: 'queue',
    get label() {
      return msg('Queue');
    },
    sortKey: 'queue',
    firstDirection: 'asc',
    width: 'minmax(8rem, 1.1fr)',
  },
  {
    id: 'wait',
    get label() {
      return msg('Wait');
    },
    sortKey: 'wait',
    firstDirection: 'desc',
    width: '5.5rem',
    numeric: true,
  },
  {
    id: 'handle',
    get label() {
      return msg('Handle');
    },
    sortKey: 'handle',
    firstDirection: 'desc',
    width: '5.5rem',
    numeric: true,
  },
  {
    id: 'sentiment',
    get label() {
      return msg('Sentiment');
    },
    sortKey: 'sentiment',
    firstDirection: 'asc',
    width: '10.5rem',
  },
  {
    id: 'monitoring',
    get label() {
      return msg('Monitoring');
    },
    sortKey: 'monitoring',
    firstDirection: 'desc',
    width: 'minmax(6.5rem, 1.2fr)',
  },
];

/** The row-actions column (shown when at least one action's admin switch is on). */
export const ACTIONS_COLUMN: Column = {
  id: 'actions',
  get label() {
    return msg('Actions');
  },
  sortKey: null,
  firstDirection: 'asc',
  width: '6.5rem',
};

/**
 * Human words for sort keys, for announcements ("Sorted by wait time, descending"). Getters, so each
 * read is in the active language.
 */
export const SORT_LABELS: Readonly<Record<SortKey, string>> = {
  get customer() {
    return msg('customer');
  },
  get status() {
    return msg('status');
  },
  get channel() {
    return msg('channel');
  },
  get representative() {
    return msg('representative');
  },
  get queue() {
    return msg('queue');
  },
  get wait() {
    return msg('wait time');
  },
  get handle() {
    return msg('handle time');
  },
  get sentiment() {
    return msg('sentiment');
  },
  get monitoring() {
    return msg('monitoring');
  },
  get attention() {
    return msg('attention (longest wait, worst sentiment, over-capacity representative first)');
  },
};

/** The `grid-template-columns` value for these columns. */
export function gridTemplate(columns: readonly Column[]): string {
  return columns.map((c) => c.width).join(' ');
}

/** What every cell renderer may read: lookups and the clock value of this render. */
export interface CellContext {
  readonly now: number;
  readonly representatives: ReadonlyMap<string, Representative>;
  readonly queues: ReadonlyMap<string, Queue>;
  readonly supervisorId: string;
  /** The centre's supervisors by id, to name who else monitors or joined a conversation. */
  readonly supervisors: ReadonlyMap<string, Supervisor>;
}

/** A cell's content and the full text for its tooltip. */
export interface CellContent {
  readonly content: TemplateResult | string;
  /** The full value (shown on hover; also the focused cell's tip when the text is cut off). */
  readonly title: string;
}

/** Visible text for the eye and a spoken form for screen readers (e.g. "4:05" / "4 minutes 5 seconds"). */
function spoken(visible: string, words: string): TemplateResult {
  return html`<span aria-hidden="true">${visible}</span>
    <span class="visually-hidden">${words}</span>`;
}

function modeLabel(mode: string): string {
  return mode === 'voice' ? msg('voice') : mode === 'video' ? msg('video') : mode;
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
      ><svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path d="M8 2l6.5 11.5h-13z" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path d="M8 6.5v3M8 11.5v.01" stroke="currentColor" stroke-width="1.5" /></svg
      >${msg(str`Over capacity ${used}/${total}`)}</span
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

/** Renders one data cell of a conversation. */
export function renderCell(column: ColumnId, c: Conversation, ctx: CellContext): CellContent {
  switch (column) {
    case 'customer': {
      // A backend may leave the name out: say so, as the dialogs and the monitor panel do.
      const name = c.customerName || msg('Unnamed customer');
      const title = c.subject ? `${name} — ${c.subject}` : name;
      return {
        content: html`<span class="primary clip">${name}</span>
          <span class="secondary clip">${c.subject}</span>`,
        title,
      };
    }
    case 'status': {
      const label = statusLabel(c.status);
      const pending = c.pendingTransfer !== null && c.status !== 'closed';
      return {
        content: html`<span class="badge status-${statusClass(c.status)}">${label}</span> ${
            pending ? html`<span class="secondary clip">${msg('Transfer pending')}</span>` : nothing
          }`,
        title: pending ? `${label} — ${msg('transfer pending')}` : label,
      };
    }
    case 'channel': {
      const label = channelLabel(c.channel);
      const escalated = isMessagingChannel(c.channel) && c.mode !== 'text';
      const mode = modeLabel(c.mode);
      const text = escalated ? msg(str`${label}, escalated to ${mode}`) : label;
      return {
        content: html`${channelIcon(c.channel)}<span class="clip"
            >${label}${
              escalated
                ? html`<span class="visually-hidden">${msg(', escalated to')}</span>
                    <span class="tag">${mode}</span>`
                : nothing
            }</span
          >`,
        title: text,
      };
    }
    case 'representative':
      return representativeCell(c, ctx);
    case 'queue': {
      const name = c.queueId ? (ctx.queues.get(c.queueId)?.name ?? c.queueId) : '';
      return name
        ? { content: html`<span class="clip">${name}</span>`, title: name }
        : { content: spoken('—', msg('No queue')), title: '' };
    }
    case 'wait': {
      const ms = waitTime(c, ctx.now);
      return {
        content: spoken(
          formatDuration(ms),
          ms === null ? msg('Nobody waiting') : describeDuration(ms),
        ),
        title: '',
      };
    }
    case 'handle': {
      const ms = handleTime(c, ctx.now);
      return {
        content: spoken(
          formatDuration(ms),
          ms === null ? msg('Not handled yet') : describeDuration(ms),
        ),
        title: '',
      };
    }
    case 'sentiment': {
      const label = sentimentLabel(c.sentiment);
      const score = sentimentScore(c.sentiment);
      const tone = score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';
      return {
        content: html`<span class="sentiment tone-${tone} strength-${Math.abs(score)}"
          >${sentimentIcon(c.sentiment)}<span class="clip">${label}</span></span
        >`,
        title: label,
      };
    }
    case 'monitoring':
      return monitoringCell(c, ctx);
    case 'actions':
    case 'select':
      return { content: '', title: '' };
  }
}

/** A CSS-safe class suffix for a status (unknown statuses from a newer backend get `other`). */
function statusClass(status: string): string {
  return /^[a-z-]+$/.test(status) ? status : 'other';
}
