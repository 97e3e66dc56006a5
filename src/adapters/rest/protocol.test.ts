import { expect } from '@open-wc/testing';
import { ROLE_GUIDANCE, commandError, type CommandErrorKind } from '../../domain/index.js';
import { backoffDelay } from './backoff.js';
import { EventPosition } from './event-position.js';
import {
  PROBLEM_STATUS,
  PROBLEM_TYPES,
  errorFromProblem,
  parseRetryAfter,
  problemFromError,
} from './problem.js';
import { conversation } from '../../../test/fixtures/domain.js';

describe('problem+json ↔ CommandError', () => {
  const kinds = Object.keys(PROBLEM_TYPES) as CommandErrorKind[];

  for (const kind of kinds) {
    it(`round-trips ${kind}`, () => {
      const error = commandError(kind, undefined, {
        ...(kind === 'conflict' ? { currentVersion: 9 } : {}),
        ...(kind === 'rate-limited' ? { retryAfterMs: 250 } : {}),
      });
      const doc = problemFromError(error);
      expect(doc.type).to.equal(PROBLEM_TYPES[kind]);
      expect(doc.status).to.equal(PROBLEM_STATUS[kind]);
      const back = errorFromProblem(doc.status, doc, null);
      expect(back.kind).to.equal(kind);
      if (kind === 'conflict') expect(back.currentVersion).to.equal(9);
      if (kind === 'rate-limited') expect(back.retryAfterMs).to.equal(250);
      if (kind === 'forbidden') expect(back.message).to.include('Omnichannel API access');
    });
  }

  it('a forbidden problem without guidance still tells the supervisor about the role', () => {
    const error = errorFromProblem(403, { detail: 'Access denied.' });
    expect(error.kind).to.equal('forbidden');
    expect(error.message).to.equal(`Access denied. ${ROLE_GUIDANCE}`);
  });

  it('falls back on the status for bodies that are not problems', () => {
    const table: [number, CommandErrorKind][] = [
      [400, 'invalid'],
      [401, 'forbidden'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [409, 'conflict'],
      [422, 'invalid'],
      [429, 'rate-limited'],
      [500, 'unavailable'],
      [503, 'unavailable'],
    ];
    for (const [status, kind] of table) {
      expect(errorFromProblem(status, '<html>oops</html>').kind, String(status)).to.equal(kind);
    }
  });

  it('reads Retry-After as seconds or a date, preferring the exact retryAfterMs', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).to.equal(6000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(errorFromProblem(429, {}, '2').retryAfterMs).to.equal(2000);
    expect(errorFromProblem(429, { retryAfterMs: 120 }, '1').retryAfterMs).to.equal(120);
  });

  it('keeps the domain refusal reason of an invalid command', () => {
    const doc = problemFromError(commandError('invalid', 'Needs Open.', { reason: 'status' }));
    expect(errorFromProblem(422, doc).reason).to.equal('status');
  });

  it('a conflict carries the conversation as it is now; a malformed one is dropped, not passed on', () => {
    const current = conversation({
      version: 7,
      lastChange: { by: { type: 'supervisor', id: 'sup-2' }, action: 'assign', at: 5 },
    });
    const doc = problemFromError(
      commandError('conflict', undefined, { currentVersion: 7, current }),
    );
    expect(doc.conversation).to.deep.equal(current);
    const back = errorFromProblem(409, JSON.parse(JSON.stringify(doc)));
    expect(back.current).to.deep.equal(current);
    expect(back.currentVersion).to.equal(7);
    const broken = errorFromProblem(409, { ...doc, conversation: { id: 'x' } });
    expect(broken.current).to.equal(undefined);
    expect(broken.currentVersion).to.equal(7);
    // Without a conversation the document is as before.
    expect(
      problemFromError(commandError('conflict', undefined, { currentVersion: 3 })),
    ).not.to.have.property('conversation');
  });
});

describe('EventPosition', () => {
  it('moves on with consecutive ids and skips duplicates', () => {
    const p = new EventPosition(5);
    expect(p.accept(6)).to.equal('new');
    expect(p.accept(6)).to.equal('duplicate');
    expect(p.accept(3)).to.equal('duplicate');
    expect(p.position).to.equal(6);
  });

  it('holds out-of-order ids until the gap fills, resuming from before the gap', () => {
    const p = new EventPosition(0);
    expect(p.accept(2)).to.equal('new');
    expect(p.accept(3)).to.equal('new');
    expect(p.position, 'resume before the gap').to.equal(0);
    expect(p.accept(2), 'already delivered').to.equal('duplicate');
    expect(p.accept(1)).to.equal('new');
    expect(p.position).to.equal(3);
    expect(p.pending).to.equal(0);
  });

  it('says gap when too many events wait behind one that never comes', () => {
    const p = new EventPosition(0, 2);
    expect(p.accept(2)).to.equal('new');
    expect(p.accept(3)).to.equal('new');
    expect(p.accept(4)).to.equal('gap');
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap, and jitters between half and all of it', () => {
    const opts = { initialMs: 100, maxMs: 1000, jitter: false };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(opts, n))).to.deep.equal([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelay({ ...opts, jitter: true }, 3, () => 0)).to.equal(200);
    expect(backoffDelay({ ...opts, jitter: true }, 3, () => 0.999999)).to.equal(400);
  });
});
