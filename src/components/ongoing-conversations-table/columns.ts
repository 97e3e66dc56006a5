/**
 * The table's columns: header label, sort key and default direction, and width; and what every cell
 * may read (`CellContext`). The cells themselves are written out in one row template
 * (`body-row.ts`): plain functions of the conversation and this shared context (lookups and the
 * clock value of this render), so a row costs no timers, subscriptions or closures of its own.
 */
import { msg } from '@lit/localize';
import type {
  Queue,
  Representative,
  SortDirection,
  SortKey,
  Supervisor,
} from '../../domain/index.js';

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
