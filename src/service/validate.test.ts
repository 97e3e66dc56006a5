import { expect } from '@open-wc/testing';
import { parseConversation } from './validate.js';
import { conversation } from '../../test/fixtures/domain.js';

/** The conversation fixture with some fields replaced (or removed, with `undefined`). */
function raw(overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...conversation({ id: 'c-9' }), ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete out[key];
  return out;
}

function errorOf(value: unknown): string {
  const parsed = parseConversation(value);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error;
}

describe('parseConversation', () => {
  it('keeps a complete conversation as it is, without a copy', () => {
    const complete = conversation({ id: 'c-9', monitoredBy: ['sup-1'] });
    const parsed = parseConversation(complete);
    expect(parsed.ok && parsed.value).to.equal(complete);
  });

  it('fills what may be left out: lists empty, times and ids null, texts empty', () => {
    const parsed = parseConversation(
      raw({
        consultantIds: undefined,
        monitoredBy: undefined,
        joinedBy: undefined,
        queueId: undefined,
        representativeId: undefined,
        lastCustomerMessageAt: undefined,
        acceptedAt: undefined,
        pendingTransfer: undefined,
        customerName: undefined,
        subject: 7,
        mode: undefined,
        sentiment: undefined,
      }),
    );
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    expect(parsed.value).to.include({
      queueId: null,
      representativeId: null,
      lastCustomerMessageAt: null,
      acceptedAt: null,
      pendingTransfer: null,
      customerName: '',
      subject: '',
      mode: 'text',
      sentiment: 'neutral',
    });
    expect(parsed.value.consultantIds).to.deep.equal([]);
    expect(parsed.value.monitoredBy).to.deep.equal([]);
    expect(parsed.value.joinedBy).to.deep.equal([]);
  });

  it('refuses each malformed field with a reason that names the conversation', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: '' }, 'no id'],
      [{ id: 42 }, 'no id'],
      [{ version: '3' }, 'no numeric version'],
      [{ version: Number.NaN }, 'no numeric version'],
      [{ version: Number.POSITIVE_INFINITY }, 'no numeric version'],
      [{ status: '' }, 'no status'],
      [{ channel: null }, 'no channel'],
      [{ enteredQueueAt: undefined }, 'no enteredQueueAt time'],
      [{ enteredQueueAt: Number.NEGATIVE_INFINITY }, 'no enteredQueueAt time'],
      [{ consultantIds: 'rep-1' }, 'consultantIds is not a list of ids'],
      [{ monitoredBy: ['sup-1', 2] }, 'monitoredBy is not a list of ids'],
      [{ joinedBy: {} }, 'joinedBy is not a list of ids'],
      [{ queueId: 5 }, 'queueId/representativeId must be a string or null'],
      [{ representativeId: {} }, 'queueId/representativeId must be a string or null'],
      [{ acceptedAt: '12:00' }, 'times must be numbers or null'],
      [{ lastCustomerMessageAt: Number.NaN }, 'times must be numbers or null'],
      [{ cost: '2' }, 'cost is not a number'],
      [{ cost: Number.POSITIVE_INFINITY }, 'cost is not a number'],
      [{ lastChange: { by: 'x' } }, 'lastChange is malformed'],
      [{ pendingTransfer: { toRepresentativeId: 'rep-2' } }, 'pendingTransfer is malformed'],
    ];
    for (const [overrides, reason] of cases) {
      const error = errorOf(raw(overrides));
      expect(error, JSON.stringify(overrides)).to.contain(reason);
      if (typeof overrides.id !== 'undefined') continue;
      expect(error, JSON.stringify(overrides)).to.contain('"c-9"');
    }
    expect(errorOf(null)).to.contain('not an object');
    expect(errorOf([conversation()])).to.contain('not an object');
    expect(errorOf('c-9')).to.contain('not an object');
  });

  it('accepts values a newer backend may send: unknown statuses and channels, a cost, a change', () => {
    const parsed = parseConversation(
      raw({
        status: 'escalated',
        channel: 'carrier-pigeon',
        cost: 2,
        lastChange: { by: { type: 'bot', id: null }, action: 'rerouted', at: 5 },
        pendingTransfer: { fromRepresentativeId: 'rep-1', toRepresentativeId: 'rep-2' },
      }),
    );
    expect(parsed.ok).to.equal(true);
  });
});
