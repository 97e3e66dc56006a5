import { expect } from '@open-wc/testing';
import { assignCandidates, conversationsPerRepresentative, transferCandidates } from './index.js';
import { AI_AGENT, context, conversation, representative } from '../../test/fixtures/domain.js';

const open = conversation({
  id: 'c-open',
  status: 'open',
  representativeId: null,
  acceptedAt: null,
  queueId: 'q-general',
  channel: 'live-chat', // costs 2 units
});

const reps = [
  representative({ id: 'away', name: 'Away Ann', presence: 'away' }),
  representative({ id: 'full', name: 'Full Fay', capacity: { total: 4, used: 4 } }),
  representative({
    id: 'roomy',
    name: 'Roomy Rob',
    capacity: { total: 10, used: 1 },
    queueIds: [],
  }),
  representative({ id: 'member', name: 'Member May', capacity: { total: 10, used: 1 } }),
  representative({ id: 'tight', name: 'Tight Tom', capacity: { total: 10, used: 8 } }),
  AI_AGENT,
];
const ctx = context({ representatives: new Map(reps.map((r) => [r.id, r])) });

describe('assign and transfer candidates', () => {
  it('ranks eligible first by spare capacity, then queue membership, and leaves AI agents out', () => {
    const list = assignCandidates(ctx, open);
    expect(list.map((c) => c.representative.id)).to.deep.equal([
      'member',
      'roomy',
      'tight',
      'full',
      'away',
    ]);
    expect(list.map((c) => c.suggested)).to.deep.equal([true, true, true, false, false]);
  });

  it('keeps the reason of the ineligible ones and the capacity excess', () => {
    const list = assignCandidates(ctx, open);
    const full = list.find((c) => c.representative.id === 'full')!;
    expect(full.verdict.allowed).to.equal(false);
    if (!full.verdict.allowed) expect(full.verdict.reason).to.equal('capacity');
    expect(full.assessment.capacityExcess).to.equal(2);
    expect(full.spareAfter).to.equal(-2);
    const away = list.find((c) => c.representative.id === 'away')!;
    if (!away.verdict.allowed) expect(away.verdict.reason).to.equal('presence');
  });

  it('marks at most the requested number of suggestions', () => {
    const list = assignCandidates(ctx, open, undefined, { suggestions: 1 });
    expect(list.filter((c) => c.suggested)).to.have.length(1);
  });

  it('never offers the current representative or an AI agent for a transfer', () => {
    const active = conversation({ representativeId: 'member' });
    const list = transferCandidates(ctx, active);
    const ids = list.map((c) => c.representative.id);
    expect(ids).not.to.include('member');
    expect(ids).not.to.include(AI_AGENT.id);
    expect(list.every((c) => c.verdict.allowed)).to.equal(true);
    expect(ids[0]).to.equal('roomy');
  });

  it('counts the conversations each representative handles', () => {
    const counts = conversationsPerRepresentative([
      conversation({ id: 'a', representativeId: 'x' }),
      conversation({ id: 'b', representativeId: 'x' }),
      conversation({ id: 'c', representativeId: 'y' }),
      conversation({ id: 'd', representativeId: 'y', status: 'closed' }),
      conversation({ id: 'e', representativeId: null }),
    ]);
    expect([...counts]).to.deep.equal([
      ['x', 2],
      ['y', 1],
    ]);
  });
});
