/**
 * Saved views: a named filter and sort, kept in `localStorage` (or any `Storage`) so they survive a
 * reload, and a compact text form of a view for the page URL, so a supervisor can share what they see.
 *
 * URL form (one parameter, `view` by default): `key:value` pairs joined by `;`, list values joined by
 * `,`, each item percent-encoded — e.g. `?view=sort:wait.desc;status:open,active;wait:300;text:late%20refund`.
 * Keys: `sort` (`<column>.<asc|desc>`), `text`, `status`, `channel`, `queue`, `rep`, `wait` (seconds),
 * and the alert thresholds `await`, `asent`, `acap`, `astuck` (see `encodeTableThresholds`).
 * Everything read back is validated: unknown keys and values are dropped, never trusted.
 */
import {
  CHANNELS,
  CONVERSATION_STATUSES,
  DEFAULT_SORT,
  type Channel,
  type ConversationFilter,
  type ConversationSort,
  type ConversationStatus,
  type SortKey,
} from '../../domain/index.js';
import {
  decodeTableThresholds,
  encodeTableThresholds,
  hasTableThresholds,
  normalizeTableThresholds,
  type TableThresholds,
} from './attention.js';

/** A filter and a sort, as the table shows them, and the view's alert thresholds. */
export interface TableView {
  readonly filter: ConversationFilter;
  readonly sort: ConversationSort;
  /**
   * The alert thresholds of the view. `undefined`: the view does not say (a view saved before
   * thresholds existed, a link without them), so applying it keeps the current thresholds.
   */
  readonly thresholds?: TableThresholds;
}

/** A view the supervisor saved under a name. */
export interface SavedView extends TableView {
  readonly name: string;
}

export const SORT_KEYS: readonly SortKey[] = [
  'customer',
  'status',
  'channel',
  'representative',
  'queue',
  'wait',
  'handle',
  'sentiment',
  'monitoring',
  'attention',
];

const MAX_NAME = 80;
const MAX_TEXT = 200;
const MAX_LIST = 500;
const MAX_VIEWS = 50;

// ----- validation ---------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string').slice(0, MAX_LIST);
  return list.length > 0 ? [...new Set(list)] : undefined;
}

function knownList<T extends string>(value: unknown, known: readonly T[]): T[] | undefined {
  const list = stringList(value)?.filter((v): v is T => (known as readonly string[]).includes(v));
  return list && list.length > 0 ? list : undefined;
}

function duration(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.round(value)
    : undefined;
}

/** A filter from untrusted input (storage, URL, host code): unknown fields and values dropped. */
export function normalizeFilter(raw: unknown): ConversationFilter {
  if (!isRecord(raw)) return {};
  const filter: {
    -readonly [K in keyof ConversationFilter]: ConversationFilter[K];
  } = {};
  if (typeof raw.text === 'string' && raw.text.trim()) filter.text = raw.text.slice(0, MAX_TEXT);
  const statuses = knownList<ConversationStatus>(raw.statuses, CONVERSATION_STATUSES);
  if (statuses) filter.statuses = statuses;
  const channels = knownList<Channel>(raw.channels, CHANNELS);
  if (channels) filter.channels = channels;
  const queueIds = stringList(raw.queueIds);
  if (queueIds) filter.queueIds = queueIds;
  const representativeIds = stringList(raw.representativeIds);
  if (representativeIds) filter.representativeIds = representativeIds;
  const minWaitMs = duration(raw.minWaitMs);
  if (minWaitMs !== undefined) filter.minWaitMs = minWaitMs;
  const minHandleMs = duration(raw.minHandleMs);
  if (minHandleMs !== undefined) filter.minHandleMs = minHandleMs;
  return filter;
}

/** A sort from untrusted input; the default sort when it is not one. */
export function normalizeSort(raw: unknown): ConversationSort {
  if (!isRecord(raw)) return DEFAULT_SORT;
  const key = SORT_KEYS.find((k) => k === raw.key);
  const direction = raw.direction === 'asc' || raw.direction === 'desc' ? raw.direction : null;
  return key && direction ? { key, direction } : DEFAULT_SORT;
}

/** Does the filter narrow anything? */
export function isFiltered(filter: ConversationFilter): boolean {
  return (
    Boolean(filter.text?.trim()) ||
    Boolean(filter.statuses?.length) ||
    Boolean(filter.channels?.length) ||
    Boolean(filter.queueIds?.length) ||
    Boolean(filter.representativeIds?.length) ||
    (filter.minWaitMs ?? 0) > 0 ||
    (filter.minHandleMs ?? 0) > 0
  );
}

/** Are two views the same filter and sort (list order ignored)? */
export function sameView(a: TableView, b: TableView): boolean {
  return encodeView(a) === encodeView(b);
}

// ----- URL form ---------------------------------------------------------------------------------

const enc = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16)}`);

function dec(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function listPart(name: string, list: readonly string[] | undefined): string[] {
  if (!list || list.length === 0) return [];
  return [`${name}:${[...list].sort().map(enc).join(',')}`];
}

/**
 * A view as URL-safe text (stable: equal views give equal text). The default sort with no filter
 * and no thresholds on gives `''`.
 */
export function encodeView(view: TableView): string {
  const { filter, sort } = view;
  const parts: string[] = [];
  if (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction) {
    parts.push(`sort:${sort.key}.${sort.direction}`);
  }
  const text = filter.text?.trim();
  if (text) parts.push(`text:${enc(text)}`);
  parts.push(...listPart('status', filter.statuses));
  parts.push(...listPart('channel', filter.channels));
  parts.push(...listPart('queue', filter.queueIds));
  parts.push(...listPart('rep', filter.representativeIds));
  if (filter.minWaitMs && filter.minWaitMs > 0) {
    parts.push(`wait:${Math.round(filter.minWaitMs / 1000)}`);
  }
  if (filter.minHandleMs && filter.minHandleMs > 0) {
    parts.push(`handle:${Math.round(filter.minHandleMs / 1000)}`);
  }
  if (view.thresholds && hasTableThresholds(view.thresholds)) {
    parts.push(encodeTableThresholds(view.thresholds));
  }
  return parts.join(';');
}

/** Reads `encodeView`'s text back; invalid parts are ignored. */
export function decodeView(text: string): TableView {
  const raw: Record<string, unknown> = {};
  let sort: ConversationSort = DEFAULT_SORT;
  // Tolerate a value that was percent-encoded once more on the way (e.g. by a chat app).
  const source = !text.includes(':') && /%3A/i.test(text) ? (dec(text) ?? '') : text;
  for (const part of source.slice(0, 20_000).split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const items = () =>
      value
        .split(',')
        .map(dec)
        .filter((v): v is string => v !== null && v !== '');
    switch (key) {
      case 'sort': {
        const [k, d] = value.split('.');
        sort = normalizeSort({ key: k, direction: d });
        break;
      }
      case 'text':
        raw.text = dec(value) ?? undefined;
        break;
      case 'status':
        raw.statuses = items();
        break;
      case 'channel':
        raw.channels = items();
        break;
      case 'queue':
        raw.queueIds = items();
        break;
      case 'rep':
        raw.representativeIds = items();
        break;
      case 'wait':
        raw.minWaitMs = Number(value) * 1000;
        break;
      case 'handle':
        raw.minHandleMs = Number(value) * 1000;
        break;
      default:
        break;
    }
  }
  const thresholds = decodeTableThresholds(source);
  return thresholds === undefined
    ? { filter: normalizeFilter(raw), sort }
    : { filter: normalizeFilter(raw), sort, thresholds };
}

/**
 * The raw (still encoded) value of a query parameter in a `search` string, or `null`. Read raw on
 * purpose: `URLSearchParams.get` would decode the items' own escapes once too often.
 */
export function readRawParam(search: string, name: string): string | null {
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (dec(key.replace(/\+/g, ' ')) === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return null;
}

/** The view in a URL's query parameter `name`, or `null` when the URL has none. */
export function viewFromUrl(url: string | URL, name = 'view'): TableView | null {
  const parsed = new URL(String(url), 'http://localhost/');
  const raw = readRawParam(parsed.search, name);
  return raw === null ? null : decodeView(raw);
}

/**
 * `url` with its query parameter `name` set to the view (removed when the view is the default);
 * every other parameter and the hash are kept as they were.
 */
export function urlWithView(url: string | URL, view: TableView, name = 'view'): string {
  const parsed = new URL(String(url));
  const query = parsed.search.startsWith('?') ? parsed.search.slice(1) : parsed.search;
  const kept = query.split('&').filter((pair) => pair !== '' && readRawParam(pair, name) === null);
  const value = encodeView(view);
  if (value) kept.push(`${enc(name)}=${value}`);
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

// ----- storage ----------------------------------------------------------------------------------

/** A view name as stored and shown: trimmed, single-spaced, at most 80 characters. */
export function cleanViewName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

function parseStored(raw: string | null): SavedView[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  const list = isRecord(data) && Array.isArray(data.views) ? data.views : [];
  const views: SavedView[] = [];
  for (const item of list.slice(0, MAX_VIEWS)) {
    if (!isRecord(item) || typeof item.name !== 'string') continue;
    const name = cleanViewName(item.name);
    if (!name || views.some((v) => v.name === name)) continue;
    const view: SavedView = {
      name,
      filter: normalizeFilter(item.filter),
      sort: normalizeSort(item.sort),
    };
    views.push(
      item.thresholds === undefined
        ? view
        : { ...view, thresholds: normalizeTableThresholds(item.thresholds) },
    );
  }
  return views;
}

/**
 * The saved views of one table, under one storage key. Reads are validated (storage is user-editable
 * and shared with the rest of the page); a storage that throws (private mode, quota) degrades to
 * "nothing saved" rather than breaking the table.
 */
export class SavedViewStore {
  readonly key: string;
  private readonly storage: Storage | null;

  constructor(key: string, storage: Storage | null = defaultStorage()) {
    this.key = key;
    this.storage = storage;
  }

  /** Every saved view, in the order they were saved. */
  list(): SavedView[] {
    try {
      return parseStored(this.storage?.getItem(this.key) ?? null);
    } catch {
      return [];
    }
  }

  /** The view saved under `name`, if any. */
  get(name: string): SavedView | undefined {
    const clean = cleanViewName(name);
    return this.list().find((v) => v.name === clean);
  }

  /** The name the supervisor last applied or saved (restored on the next visit), if any. */
  get lastUsed(): string | null {
    try {
      const raw = this.storage?.getItem(this.key);
      const data: unknown = raw ? JSON.parse(raw) : null;
      return isRecord(data) && typeof data.lastUsed === 'string' ? data.lastUsed : null;
    } catch {
      return null;
    }
  }

  /** Saves (or replaces) a view under its name; returns whether it was stored. */
  save(view: SavedView): boolean {
    const name = cleanViewName(view.name);
    if (!name) return false;
    const clean: SavedView = {
      name,
      filter: normalizeFilter(view.filter),
      sort: normalizeSort(view.sort),
      ...(view.thresholds === undefined
        ? {}
        : { thresholds: normalizeTableThresholds(view.thresholds) }),
    };
    const views = this.list();
    const at = views.findIndex((v) => v.name === name);
    if (at >= 0) views[at] = clean;
    else views.push(clean);
    return this.write(views.slice(-MAX_VIEWS), name);
  }

  /** Deletes the view saved under `name`; returns whether one was deleted. */
  remove(name: string): boolean {
    const clean = cleanViewName(name);
    const views = this.list();
    const rest = views.filter((v) => v.name !== clean);
    if (rest.length === views.length) return false;
    const last = this.lastUsed;
    return this.write(rest, last === clean ? null : last);
  }

  /** Remembers which view the supervisor applied last (`null`: none). */
  setLastUsed(name: string | null): void {
    this.write(this.list(), name);
  }

  private write(views: readonly SavedView[], lastUsed: string | null): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(this.key, JSON.stringify({ version: 1, views, lastUsed }));
      return true;
    } catch {
      return false;
    }
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
