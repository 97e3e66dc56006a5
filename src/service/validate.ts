/**
 * Validation at the service's boundary: whatever an adapter delivers (a host's own adapter included) is
 * checked before it reaches the store. Malformed items are reported and skipped, never crash the service
 * and never overwrite good state. Unknown enum values (a newer backend's new channel or status) pass:
 * the UI labels them as sent.
 */
import type {
  Conversation,
  Queue,
  Representative,
  Supervisor,
  SupervisorSettings,
  TranscriptMessage,
} from '../domain/index.js';

/** The result of a parse: the value, or why it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrOrNull = (v: unknown): v is string | null => v === null || isStr(v);
const strList = (v: unknown): string[] | null =>
  v === undefined ? [] : Array.isArray(v) && v.every(isStr) ? v : null;

function fail<T>(what: string, raw: unknown, why: string): Parsed<T> {
  const id = isObj(raw) && isStr(raw.id) ? ` "${raw.id.slice(0, 40)}"` : '';
  return { ok: false, error: `Malformed ${what}${id}: ${why}.` };
}

/**
 * Checks a conversation from a backend. Missing lists default to empty; missing times to null.
 *
 * This runs for every conversation of a snapshot (10,000 in the benchmark) while the page's code is
 * still cold, i.e. interpreted, where every function call costs. So the checks are written inline
 * (`typeof`, `v - v === 0` for a finite number) instead of through the small helpers above: the
 * snapshot's checks and storing went from about 7.5 to 4.5 ms in a fresh Node process.
 */
export function parseConversation(raw: unknown): Parsed<Conversation> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('conversation', raw, 'not an object');
  }
  const r = raw as Obj;
  const { id, version, status, channel, enteredQueueAt } = r;
  if (typeof id !== 'string' || id === '') return fail('conversation', raw, 'no id');
  if (typeof version !== 'number' || version - version !== 0) {
    return fail('conversation', raw, 'no numeric version');
  }
  if (typeof status !== 'string' || status === '') return fail('conversation', raw, 'no status');
  if (typeof channel !== 'string' || channel === '') return fail('conversation', raw, 'no channel');
  if (typeof enteredQueueAt !== 'number' || enteredQueueAt - enteredQueueAt !== 0) {
    return fail('conversation', raw, 'no enteredQueueAt time');
  }
  // Most lists are empty: that case skips the call.
  const { consultantIds: c0, monitoredBy: m0, joinedBy: j0 } = r;
  const consultantIds = Array.isArray(c0) && c0.length === 0 ? c0 : strList(c0);
  const monitoredBy = Array.isArray(m0) && m0.length === 0 ? m0 : strList(m0);
  const joinedBy = Array.isArray(j0) && j0.length === 0 ? j0 : strList(j0);
  if (consultantIds === null)
    return fail('conversation', raw, 'consultantIds is not a list of ids');
  if (monitoredBy === null) return fail('conversation', raw, 'monitoredBy is not a list of ids');
  if (joinedBy === null) return fail('conversation', raw, 'joinedBy is not a list of ids');
  const queueId = r.queueId ?? null;
  const representativeId = r.representativeId ?? null;
  if (
    (queueId !== null && typeof queueId !== 'string') ||
    (representativeId !== null && typeof representativeId !== 'string')
  ) {
    return fail('conversation', raw, 'queueId/representativeId must be a string or null');
  }
  const lastCustomerMessageAt = r.lastCustomerMessageAt ?? null;
  const acceptedAt = r.acceptedAt ?? null;
  if (
    (lastCustomerMessageAt !== null &&
      (typeof lastCustomerMessageAt !== 'number' ||
        lastCustomerMessageAt - lastCustomerMessageAt !== 0)) ||
    (acceptedAt !== null && (typeof acceptedAt !== 'number' || acceptedAt - acceptedAt !== 0))
  ) {
    return fail('conversation', raw, 'times must be numbers or null');
  }
  const cost = r.cost;
  if (cost !== undefined && (typeof cost !== 'number' || cost - cost !== 0)) {
    return fail('conversation', raw, 'cost is not a number');
  }
  if (r.lastChange !== undefined && r.lastChange !== null && !isLastChange(r.lastChange)) {
    return fail('conversation', raw, 'lastChange is malformed');
  }
  const pending = r.pendingTransfer ?? null;
  if (pending !== null && (!isObj(pending) || typeof pending.fromRepresentativeId !== 'string')) {
    return fail('conversation', raw, 'pendingTransfer is malformed');
  }
  const { customerName, subject, mode, sentiment } = r;
  // The common case, a complete conversation, is kept as it is: no copy for 10,000 of them.
  const complete =
    typeof customerName === 'string' &&
    typeof subject === 'string' &&
    typeof mode === 'string' &&
    typeof sentiment === 'string' &&
    r.consultantIds === consultantIds &&
    r.monitoredBy === monitoredBy &&
    r.joinedBy === joinedBy &&
    r.queueId === queueId &&
    r.representativeId === representativeId &&
    r.lastCustomerMessageAt === lastCustomerMessageAt &&
    r.acceptedAt === acceptedAt &&
    r.pendingTransfer === pending;
  if (complete) return { ok: true, value: r as unknown as Conversation };
  const conversation = {
    ...(r as unknown as Conversation),
    customerName: isStr(customerName) ? customerName : '',
    subject: isStr(subject) ? subject : '',
    mode: isStr(mode) ? (mode as Conversation['mode']) : 'text',
    sentiment: isStr(sentiment) ? (sentiment as Conversation['sentiment']) : 'neutral',
    consultantIds,
    monitoredBy,
    joinedBy,
    queueId,
    representativeId,
    lastCustomerMessageAt,
    acceptedAt,
    pendingTransfer: pending as Conversation['pendingTransfer'],
  } satisfies Conversation;
  return { ok: true, value: conversation };
}

/** `{ by: { type, id }, action, at }`: an unknown actor type or action word passes (shown as sent). */
function isLastChange(v: unknown): boolean {
  if (!isObj(v) || !isObj(v.by)) return false;
  return isStr(v.by.type) && isStrOrNull(v.by.id ?? null) && isStr(v.action) && isNum(v.at);
}

/** Checks a representative from a backend. */
export function parseRepresentative(raw: unknown): Parsed<Representative> {
  if (!isObj(raw)) return fail('representative', raw, 'not an object');
  if (!isStr(raw.id) || raw.id === '') return fail('representative', raw, 'no id');
  if (!isNum(raw.version)) return fail('representative', raw, 'no numeric version');
  if (raw.kind !== 'human' && raw.kind !== 'ai')
    return fail('representative', raw, 'kind must be human or ai');
  const cap = raw.capacity;
  if (!isObj(cap) || !isNum(cap.total) || !isNum(cap.used)) {
    return fail('representative', raw, 'capacity needs numeric total and used');
  }
  const queueIds = strList(raw.queueIds);
  if (queueIds === null) return fail('representative', raw, 'queueIds is not a list of ids');
  return {
    ok: true,
    value: {
      id: raw.id,
      version: raw.version,
      name: isStr(raw.name) ? raw.name : '',
      kind: raw.kind,
      presence: isStr(raw.presence) && raw.presence ? raw.presence : 'offline',
      capacity: { total: cap.total, used: cap.used },
      queueIds,
    },
  };
}

/** Checks a queue from a backend. */
export function parseQueue(raw: unknown): Parsed<Queue> {
  if (!isObj(raw) || !isStr(raw.id) || raw.id === '') return fail('queue', raw, 'no id');
  return { ok: true, value: { id: raw.id, name: isStr(raw.name) ? raw.name : raw.id } };
}

/** Checks the admin switches: anything but an explicit `true` counts as off. */
export function parseSettings(raw: unknown): Parsed<SupervisorSettings> {
  if (!isObj(raw)) return fail('settings', raw, 'not an object');
  return {
    ok: true,
    value: {
      monitor: raw.monitor === true,
      assign: raw.assign === true,
      transfer: raw.transfer === true,
      forceClose: raw.forceClose === true,
    },
  };
}

/** Checks the signed-in supervisor. */
export function parseSupervisor(raw: unknown): Parsed<Supervisor> {
  if (!isObj(raw) || !isStr(raw.id) || raw.id === '') return fail('supervisor', raw, 'no id');
  return { ok: true, value: { id: raw.id, name: isStr(raw.name) ? raw.name : raw.id } };
}

/** Checks a transcript message. */
export function parseMessage(raw: unknown): Parsed<TranscriptMessage> {
  if (!isObj(raw) || !isStr(raw.id)) return fail('message', raw, 'no id');
  if (!isNum(raw.at)) return fail('message', raw, 'no time');
  if (!isStr(raw.text)) return fail('message', raw, 'no text');
  if (!isStr(raw.author)) return fail('message', raw, 'no author');
  return {
    ok: true,
    value: {
      ...(raw as unknown as TranscriptMessage),
      conversationId: isStr(raw.conversationId) ? raw.conversationId : '',
      authorName: isStr(raw.authorName) ? raw.authorName : '',
    },
  };
}
