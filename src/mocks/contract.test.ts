/**
 * The contract test: every endpoint of api/openapi.json is called on the MSW mock backend, and every
 * answer — JSON bodies, problem+json errors, response headers and each Server-Sent Event's data — is
 * validated against the spec's schemas with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses). The
 * requests the REST adapter sends are validated too. Every (operation, status) the spec documents is
 * either produced here or listed as not producible by the mock, so spec, mock and adapter cannot
 * drift apart unnoticed.
 */
import { expect } from '@open-wc/testing';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import { SseParser, type SseEvent } from '../adapters/rest/sse-parser.js';
import type { CommandName } from '../adapters/backend-adapter.js';
import { canAssign, canMonitor, canTransfer, type Conversation } from '../domain/index.js';
import {
  assignTarget,
  harness,
  pick,
  recorder,
  transferTarget,
  until,
  whisperable,
  type Harness,
} from '../../test/fixtures/rest.js';

// ----- the spec, compiled ---------------------------------------------------------------------

type Json = Record<string, unknown>;
// Fetched before any test starts the mock worker (the test table below is built from it).
const spec = (await (
  await fetch(new URL('../../api/openapi.json', import.meta.url))
).json()) as Json;
const doc = spec as unknown as {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(spec as object, 'openapi');

function compile(schema: Json): ValidateFunction {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const validate = ajv.getSchema(`openapi${ref}`);
    if (!validate) throw new Error(`No schema at ${ref}`);
    return validate;
  }
  return ajv.compile(schema);
}

function deref(value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  const [, , group, name] = ref.split('/');
  return (doc.components as unknown as Record<string, Record<string, Json>>)[group!]![name!]!;
}

/** The spec's operation for a method and path template. */
function operation(method: string, path: string): Json {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
  return op;
}

/** Problems of an answer against the spec (empty when it conforms). */
function check(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
  headers?: Headers,
): string[] {
  const responses = operation(method, path).responses as Record<string, Json>;
  const documented = responses[String(status)];
  if (!documented) return [`${status} is not documented for ${method.toUpperCase()} ${path}`];
  const response = deref(documented);
  const content = response.content as Record<string, Json> | undefined;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const media = content?.[mediaType];
  if (!media) return [`${mediaType} is not documented for ${status} of ${path}`];
  const problems: string[] = [];
  for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
    const value = headers?.get(name);
    if (value === null || value === undefined) continue;
    const validate = compile(deref(header).schema as Json);
    if (!validate(value)) problems.push(`header ${name}: ${ajv.errorsText(validate.errors)}`);
  }
  if (mediaType === 'text/event-stream') return problems;
  const validate = compile(media.schema as Json);
  if (!validate(body)) problems.push(`${path} ${status}: ${ajv.errorsText(validate.errors)}`);
  return problems;
}

/** The schema of an SSE event's data on a stream endpoint. */
function eventValidator(path: string, event: string): ValidateFunction {
  const responses = operation('get', path).responses as Record<string, Json>;
  const media = (responses['200']!.content as Record<string, Json>)['text/event-stream']!;
  const events = media['x-sse-events'] as Record<string, Json>;
  const schema = events[event];
  if (!schema) throw new Error(`The spec has no "${event}" event on ${path}`);
  return compile(schema);
}

// ----- calling the mock -------------------------------------------------------------------------

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: unknown;
}

async function call(
  method: string,
  url: string,
  init: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.key !== null && method === 'POST')
    headers['Idempotency-Key'] = init.key ?? crypto.randomUUID();
  const response = await fetch(url, {
    method,
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType, headers: response.headers, body: undefined };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: validated as the text
  }
  return { status: response.status, contentType, headers: response.headers, body };
}

/** Reads events from a stream until `enough` says so (or fails after 3 s). */
async function readEvents(
  url: string,
  lastEventId: string | null,
  enough: (events: SseEvent[]) => boolean,
  during?: () => Promise<void>,
): Promise<{ response: Response; events: SseEvent[] }> {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const parser = new SseParser({ event: (e) => events.push(e) });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => controller.abort(), 3000);
  const acting = during?.();
  try {
    while (!enough(events)) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
  } finally {
    clearTimeout(timer);
    await acting;
    controller.abort();
  }
  return { response, events };
}

const COMMAND_PATH: Record<CommandName, string> = {
  assign: '/conversations/{conversationId}/assign',
  transfer: '/conversations/{conversationId}/transfer',
  forceClose: '/conversations/{conversationId}/force-close',
  monitor: '/conversations/{conversationId}/monitor',
  unmonitor: '/conversations/{conversationId}/unmonitor',
  join: '/conversations/{conversationId}/join',
  leave: '/conversations/{conversationId}/leave',
  whisper: '/conversations/{conversationId}/whisper',
};

const url = (path: string, id = '') =>
  `/api${path.replace('{conversationId}', encodeURIComponent(id))}`;

/** A raw command that the centre accepts, ready on a fresh harness. */
async function acceptedCommand(h: Harness, name: CommandName): Promise<{ id: string; body: Json }> {
  const sim = h.simulator;
  const raw = async (n: CommandName, c: Conversation) => {
    const a = await call('POST', url(COMMAND_PATH[n], c.id), {
      body: { expectedVersion: sim.getConversation(c.id)!.version },
    });
    if (a.status !== 200) throw new Error(`setup ${n}: ${a.status}`);
  };
  switch (name) {
    case 'assign': {
      const c = pick(sim, canAssign, (x) => assignTarget(sim, x) !== undefined);
      const rep = assignTarget(sim, c)!;
      return {
        id: c.id,
        body: {
          expectedVersion: c.version,
          target: { type: 'representative', id: rep.id },
          overridePresence: true,
          overrideCapacity: true,
        },
      };
    }
    case 'transfer': {
      const c = pick(sim, canTransfer, (x) => transferTarget(sim, x) !== undefined);
      const rep = transferTarget(sim, c)!;
      return {
        id: c.id,
        body: { expectedVersion: c.version, target: { type: 'representative', id: rep.id } },
      };
    }
    case 'forceClose':
    case 'monitor': {
      const c = pick(sim, canMonitor);
      return { id: c.id, body: { expectedVersion: c.version } };
    }
    case 'join':
    case 'unmonitor': {
      const c = pick(sim, canMonitor);
      await raw('monitor', c);
      return { id: c.id, body: { expectedVersion: sim.getConversation(c.id)!.version } };
    }
    case 'leave': {
      const c = pick(sim, canMonitor);
      await raw('monitor', c);
      await raw('join', c);
      return { id: c.id, body: { expectedVersion: sim.getConversation(c.id)!.version } };
    }
    case 'whisper': {
      const c = whisperable(sim);
      await raw('monitor', c);
      return {
        id: c.id,
        body: { expectedVersion: sim.getConversation(c.id)!.version, text: 'Offer the refund.' },
      };
    }
  }
}

/** A raw command the centre's rules refuse (422). */
async function refusedCommand(h: Harness, name: CommandName): Promise<{ id: string; body: Json }> {
  const sim = h.simulator;
  const open = sim.conversations().find((c) => c.status === 'open')!;
  const active = pick(sim, canMonitor);
  switch (name) {
    case 'assign': // already assigned
      return {
        id: active.id,
        body: {
          expectedVersion: active.version,
          target: { type: 'queue', id: sim.queues()[0]!.id },
          overridePresence: false,
          overrideCapacity: false,
        },
      };
    case 'transfer': // an open conversation has nobody to transfer from
      return {
        id: open.id,
        body: { expectedVersion: open.version, target: { type: 'queue', id: sim.queues()[0]!.id } },
      };
    case 'forceClose': // the switch is off
      sim.setSettings({ forceClose: false });
      return { id: active.id, body: { expectedVersion: active.version } };
    case 'monitor': // open: not monitorable
      return { id: open.id, body: { expectedVersion: open.version } };
    case 'whisper': // not monitoring it
      return { id: active.id, body: { expectedVersion: active.version, text: 'Hello' } };
    case 'unmonitor':
      // Never refused by a rule (stopping is always allowed): the centre's own fault switch refuses it.
      sim.setFaults({ commandError: { kind: 'invalid', commands: ['unmonitor'], remaining: 1 } });
      return { id: active.id, body: { expectedVersion: active.version } };
    default: // join / leave without monitoring or joining first
      return { id: active.id, body: { expectedVersion: active.version } };
  }
}

/** The statuses the mock never produces, and why (the rest of the spec is exercised below). */
const NOT_PRODUCED: Readonly<Record<string, string>> = {
  '401': 'authentication is the host backend’s; the mock accepts any headers',
};

describe('HTTP contract: api/openapi.json ↔ MSW mock ↔ RestAdapter', function () {
  this.timeout(15_000);
  let h: Harness | null = null;
  afterEach(() => {
    h?.dispose();
    h = null;
  });

  it('every component schema compiles as JSON Schema 2020-12', () => {
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => compile({ $ref: `#/components/schemas/${name}` }), name).not.to.throw();
    }
  });

  /** Operation × status → how to make the mock answer it. */
  type Producer = (h: Harness) => Promise<Answer>;
  const table: { method: string; path: string; status: string; produce: Producer | null }[] = [];
  const fault =
    (
      endpoint: Parameters<Harness['faults']['fail']>[0],
      kind: Parameters<Harness['faults']['fail']>[1],
      then: Producer,
    ): Producer =>
    async (hh) => {
      hh.faults.fail(endpoint, kind, { times: 1, retryAfterMs: 1500 });
      return then(hh);
    };
  const reads: Record<
    string,
    {
      endpoint: 'snapshot' | 'events' | 'transcript' | 'transcript-events';
      get: Producer;
      missing?: Producer;
    }
  > = {
    '/snapshot': { endpoint: 'snapshot', get: () => call('GET', '/api/snapshot') },
    '/events': {
      endpoint: 'events',
      get: (hh) =>
        call('GET', '/api/events', {
          headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(hh.backend.log.lastId) },
        }),
    },
    '/conversations/{conversationId}/transcript': {
      endpoint: 'transcript',
      get: (hh) =>
        call(
          'GET',
          url('/conversations/{conversationId}/transcript', hh.simulator.conversations()[0]!.id),
        ),
      missing: () => call('GET', url('/conversations/{conversationId}/transcript', 'nope')),
    },
    '/conversations/{conversationId}/transcript/events': {
      endpoint: 'transcript-events',
      get: (hh) =>
        call(
          'GET',
          url(
            '/conversations/{conversationId}/transcript/events',
            hh.simulator.conversations()[0]!.id,
          ),
          { headers: { Accept: 'text/event-stream' } },
        ),
      missing: () =>
        call('GET', url('/conversations/{conversationId}/transcript/events', 'nope'), {
          headers: { Accept: 'text/event-stream' },
        }),
    },
  };
  const commandFor = (path: string) =>
    (Object.keys(COMMAND_PATH) as CommandName[]).find((n) => COMMAND_PATH[n] === path);

  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const status of Object.keys(op.responses as Json)) {
        let produce: Producer | null;
        const name = commandFor(path);
        if (name) {
          const send =
            (
              prepare: (hh: Harness) => Promise<{ id: string; body: Json }>,
              key?: string | null,
            ): Producer =>
            async (hh) => {
              const { id, body } = await prepare(hh);
              return call('POST', url(path, id), { body, ...(key !== undefined ? { key } : {}) });
            };
          const ok = send((hh) => acceptedCommand(hh, name));
          produce =
            {
              '200': ok,
              '400': send((hh) => acceptedCommand(hh, name), null),
              '403': fault(name, 'forbidden', ok),
              '404': send(async () => ({
                id: 'no-such-conversation',
                body: {
                  expectedVersion: 1,
                  target: { type: 'queue', id: 'q' },
                  overridePresence: false,
                  overrideCapacity: false,
                  text: 'Hello',
                },
              })),
              '409': fault(name, 'conflict', ok),
              '422': send((hh) => refusedCommand(hh, name)),
              '429': fault(name, 'rate-limited', ok),
              '500': fault(name, 'server-error', ok),
              '503': fault(name, 'unavailable', ok),
            }[status] ?? null;
        } else {
          const read = reads[path]!;
          produce =
            {
              '200': read.get,
              '403': fault(read.endpoint, 'forbidden', read.get),
              '404': read.missing ?? null,
              '429': fault(read.endpoint, 'rate-limited', read.get),
              '500': fault(read.endpoint, 'server-error', read.get),
              '503': fault(read.endpoint, 'unavailable', read.get),
            }[status] ?? null;
        }
        table.push({ method, path, status, produce });
      }
    }
  }

  it('every documented (operation, status) is produced below or listed as not produced', () => {
    const missing = table.filter((row) => !row.produce && !NOT_PRODUCED[row.status]);
    expect(missing.map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal([]);
    expect(table.filter((r) => r.produce).length).to.be.greaterThan(60);
  });

  for (const row of table) {
    if (!row.produce) continue;
    it(`${row.method.toUpperCase()} ${row.path} → ${row.status}`, async () => {
      h = await harness({ connect: false });
      const answer = await row.produce!(h);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(Number(row.status));
      expect(
        check(row.method, row.path, answer.status, answer.contentType, answer.body, answer.headers),
      ).to.deep.equal([]);
      if (answer.status === 403)
        expect(JSON.stringify(answer.body)).to.include('Omnichannel API access');
      if (answer.status === 429) expect(answer.headers.get('Retry-After')).to.equal('2');
      if (answer.status >= 400) expect(answer.contentType).to.equal('application/problem+json');
    });
  }

  it('a real stale command (behind a relevant change) is a 409 carrying the current version', async () => {
    h = await harness({ connect: false });
    const c = pick(h.simulator, canAssign);
    const queue = h.simulator.queues().find((q) => q.id !== c.queueId)!;
    const moved = await call('POST', url(COMMAND_PATH.assign, c.id), {
      body: {
        expectedVersion: c.version,
        target: { type: 'queue', id: queue.id },
        overridePresence: false,
        overrideCapacity: false,
      },
    });
    expect(moved.status).to.equal(200);
    const stale = await call('POST', url(COMMAND_PATH.assign, c.id), {
      body: {
        expectedVersion: c.version,
        target: { type: 'queue', id: c.queueId ?? queue.id },
        overridePresence: false,
        overrideCapacity: false,
      },
    });
    expect(stale.status).to.equal(409);
    expect(check('post', COMMAND_PATH.assign, 409, stale.contentType, stale.body)).to.deep.equal(
      [],
    );
    expect((stale.body as Json).currentVersion).to.equal(
      h.simulator.getConversation(c.id)!.version,
    );
    // The conversation as it is now, with who changed it, so the client can say what changed.
    const now = (stale.body as { conversation?: Conversation }).conversation;
    expect(now?.queueId).to.equal(queue.id);
    expect(now?.lastChange?.by).to.deep.equal({
      type: 'supervisor',
      id: h.simulator.supervisor.id,
    });
    expect(now?.lastChange?.action).to.equal('assign');
  });

  it('the snapshot names the supervisors and a whisper lands only as a representatives message', async () => {
    h = await harness({ connect: false });
    const snap = await call('GET', '/api/snapshot');
    const names = (snap.body as { supervisors?: { id: string }[] }).supervisors?.map((s) => s.id);
    expect(names).to.include(h.simulator.supervisor.id);
    expect(names!.length).to.be.greaterThan(1);
    const { id, body } = await acceptedCommand(h, 'whisper');
    const answer = await call('POST', url(COMMAND_PATH.whisper, id), { body });
    expect(answer.status).to.equal(200);
    const whispers = h.simulator.transcriptMessages(id).filter((m) => m.author === 'supervisor');
    expect(whispers.map((m) => [m.text, m.visibility])).to.deep.equal([
      ['Offer the refund.', 'representatives'],
    ]);
  });

  it('a repeated Idempotency-Key is answered with the first answer, marked replayed, applied once', async () => {
    h = await harness({ connect: false });
    const { id, body } = await acceptedCommand(h, 'monitor');
    const first = await call('POST', url(COMMAND_PATH.monitor, id), { body, key: 'same-key' });
    const version = h.simulator.getConversation(id)!.version;
    const again = await call('POST', url(COMMAND_PATH.monitor, id), { body, key: 'same-key' });
    expect(again.status).to.equal(200);
    expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(again.body).to.deep.equal(first.body);
    expect(h.simulator.getConversation(id)!.version).to.equal(version);
    expect(
      check('post', COMMAND_PATH.monitor, 200, again.contentType, again.body, again.headers),
    ).to.deep.equal([]);
  });

  describe('event streams', () => {
    it('/events: changes events conform, with consecutive integer ids; heartbeats conform', async () => {
      h = await harness({ connect: false, backend: { heartbeatMs: 40 } });
      await call('GET', '/api/snapshot');
      const from = h.backend.log.lastId;
      const sim = h.simulator;
      const { response, events } = await readEvents(
        '/api/events',
        String(from),
        (es) =>
          es.filter((e) => e.event === 'changes').length >= 4 &&
          es.some((e) => e.event === 'heartbeat'),
        async () => {
          for (const [i, c] of sim
            .conversations()
            .filter(
              (x) =>
                canMonitor(
                  {
                    settings: sim.settings,
                    supervisorId: sim.supervisor.id,
                    representatives: new Map(sim.representatives().map((r) => [r.id, r])),
                  },
                  x,
                ).allowed,
            )
            .slice(0, 4)
            .entries()) {
            await sim.monitor({
              conversationId: c.id,
              expectedVersion: c.version,
              idempotencyKey: `stream-${i}`,
            });
          }
          sim.setSettings({ transfer: false });
        },
      );
      expect(
        check(
          'get',
          '/events',
          response.status,
          response.headers.get('Content-Type') ?? '',
          undefined,
        ),
      ).to.deep.equal([]);
      const changes = events.filter((e) => e.event === 'changes');
      expect(changes.map((e) => Number(e.id))).to.deep.equal(changes.map((_, i) => from + i + 1));
      const validate = eventValidator('/events', 'changes');
      for (const e of changes)
        expect(validate(JSON.parse(e.data)), ajv.errorsText(validate.errors)).to.equal(true);
      const heartbeat = eventValidator('/events', 'heartbeat');
      for (const e of events.filter((x) => x.event === 'heartbeat')) {
        expect(e.id).to.equal(undefined);
        expect(heartbeat(JSON.parse(e.data)), ajv.errorsText(heartbeat.errors)).to.equal(true);
      }
    });

    it('/events: a position older than the log gets a conforming resync event, then the stream ends', async () => {
      h = await harness({ connect: false, backend: { logSize: 2 } });
      await call('GET', '/api/snapshot');
      for (let i = 0; i < 4; i += 1) h.simulator.setSettings({ monitor: i % 2 === 0 });
      const { events } = await readEvents('/api/events', '0', () => false);
      expect(events).to.have.length(1);
      expect(events[0]!.event).to.equal('resync');
      const validate = eventValidator('/events', 'resync');
      const data = JSON.parse(events[0]!.data) as Json;
      expect(validate(data), ajv.errorsText(validate.errors)).to.equal(true);
      expect(data).to.deep.equal({ reason: 'gap-too-old', version: h.backend.log.lastId });
    });

    it('transcript events conform, ids being message sequence numbers', async () => {
      h = await harness({ connect: false });
      const c = pick(h.simulator, canMonitor);
      const snapshot = await call('GET', url('/conversations/{conversationId}/transcript', c.id));
      expect(
        check(
          'get',
          '/conversations/{conversationId}/transcript',
          200,
          snapshot.contentType,
          snapshot.body,
        ),
      ).to.deep.equal([]);
      const count = (snapshot.body as { version: number }).version;
      const { events } = await readEvents(
        url('/conversations/{conversationId}/transcript/events', c.id),
        '0',
        (es) => es.length >= count,
      );
      expect(events.map((e) => e.id)).to.deep.equal(
        Array.from({ length: count }, (_, i) => String(i + 1)),
      );
      const validate = eventValidator(
        '/conversations/{conversationId}/transcript/events',
        'message',
      );
      for (const e of events)
        expect(validate(JSON.parse(e.data)), ajv.errorsText(validate.errors)).to.equal(true);
    });
  });

  it('the requests the REST adapter sends conform to the request schemas', async () => {
    const seen: Request[] = [];
    h = await harness({ handlers: [recorder(seen)], simulator: { transferAnswerDelayMs: 60_000 } });
    const sim = h.simulator;
    const a = pick(sim, canAssign, (x) => assignTarget(sim, x) !== undefined);
    await h.service.assign(
      a.id,
      { type: 'representative', id: assignTarget(sim, a)!.id },
      { presence: true, capacity: true },
    );
    const t = pick(sim, canTransfer, (x) => transferTarget(sim, x) !== undefined && x.id !== a.id);
    await h.service.transfer(t.id, { type: 'representative', id: transferTarget(sim, t)!.id });
    const m = pick(sim, canMonitor, (x) => x.id !== t.id);
    await h.service.monitor(m.id);
    await until(
      () => h!.service.getConversation(m.id)?.monitoredBy.includes(sim.supervisor.id) === true,
      'monitoring',
    );
    await h.service.join(m.id);
    await h.service.leave(m.id);
    await h.service.unmonitor(m.id);
    await h.service.forceClose(m.id);
    const posts = seen.filter((r) => r.method === 'POST');
    expect(posts.map((r) => new URL(r.url).pathname.split('/').at(-1))).to.deep.equal([
      'assign',
      'transfer',
      'monitor',
      'join',
      'leave',
      'unmonitor',
      'force-close',
    ]);
    for (const request of posts) {
      const segment = new URL(request.url).pathname.split('/').at(-1)!;
      const op = operation('post', `/conversations/{conversationId}/${segment}`);
      const bodySchema = (deref(op.requestBody as Json).content as Record<string, Json>)[
        'application/json'
      ]!.schema as Json;
      const validate = compile(bodySchema);
      const body: unknown = await request.json();
      expect(validate(body), `${segment}: ${ajv.errorsText(validate.errors)}`).to.equal(true);
      expect(request.headers.get('Idempotency-Key')).to.be.a('string').and.not.equal('');
      expect(request.headers.get('Content-Type')).to.equal('application/json');
    }
    const stream = seen.find((r) => new URL(r.url).pathname === '/api/events')!;
    expect(stream.headers.get('Accept')).to.equal('text/event-stream');
    expect(stream.headers.get('Last-Event-ID')).to.match(/^[0-9]+$/);
  });

  it('malformed answers fail the schemas (the validator is not a rubber stamp)', async () => {
    h = await harness({ connect: false });
    h.faults.fail('snapshot', 'malformed', { times: 1 });
    const bad = await call('GET', '/api/snapshot');
    expect(check('get', '/snapshot', bad.status, bad.contentType, bad.body)).to.not.deep.equal([]);
    const validate = eventValidator('/events', 'changes');
    for (const data of [
      '{"changes":"not a list"}',
      '{"changes":[{"type":"conversation","conversation":{"id":"broken-1"}}]}',
    ]) {
      expect(validate(JSON.parse(data)), data).to.equal(false);
    }
  });
});
