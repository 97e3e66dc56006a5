import { expect } from '@open-wc/testing';
import { whoElseIsHere, type Supervisor } from './index.js';
import { SUPERVISOR_ID, conversation } from '../../test/fixtures/domain.js';

const supervisors = new Map<string, Supervisor>([
  [SUPERVISOR_ID, { id: SUPERVISOR_ID, name: 'Sam Supervisor' }],
  ['sup-2', { id: 'sup-2', name: 'Priya Lead' }],
  ['sup-3', { id: 'sup-3', name: 'Marcus Floor' }],
  ['sup-4', { id: 'sup-4', name: 'Ines Quality' }],
]);

const row = (p: ReturnType<typeof whoElseIsHere>[number]) => [
  p.supervisor.name,
  p.role,
  p.lastAction?.action ?? null,
];

describe('domain: who else is here', () => {
  it('nobody else: empty, and never the signed-in supervisor', () => {
    expect(whoElseIsHere(conversation(), SUPERVISOR_ID, supervisors)).to.deep.equal([]);
    const mine = conversation({ monitoredBy: [SUPERVISOR_ID], joinedBy: [SUPERVISOR_ID] });
    expect(whoElseIsHere(mine, SUPERVISOR_ID, supervisors)).to.deep.equal([]);
  });

  it('joined first, then monitoring (by name), then whoever last acted', () => {
    const c = conversation({
      monitoredBy: [SUPERVISOR_ID, 'sup-2', 'sup-3', 'sup-4'],
      joinedBy: ['sup-4'],
      lastChange: { by: { type: 'supervisor', id: 'sup-4' }, action: 'join', at: 500 },
    });
    expect(whoElseIsHere(c, SUPERVISOR_ID, supervisors).map(row)).to.deep.equal([
      ['Ines Quality', 'joined', 'join'],
      ['Marcus Floor', 'monitoring', null],
      ['Priya Lead', 'monitoring', null],
    ]);
  });

  it('a supervisor who assigned it and left shows as acted, with action and time', () => {
    const c = conversation({
      lastChange: { by: { type: 'supervisor', id: 'sup-3' }, action: 'assign', at: 1234 },
    });
    const [only, ...rest] = whoElseIsHere(c, SUPERVISOR_ID, supervisors);
    expect(rest).to.deep.equal([]);
    expect(only).to.deep.equal({
      supervisor: { id: 'sup-3', name: 'Marcus Floor' },
      role: 'acted',
      lastAction: { action: 'assign', at: 1234 },
    });
  });

  it('a change by a representative, the customer or the system names no supervisor', () => {
    for (const type of ['representative', 'customer', 'system'] as const) {
      const c = conversation({
        lastChange: { by: { type, id: 'rep-human' }, action: 'pause', at: 1 },
      });
      expect(whoElseIsHere(c, SUPERVISOR_ID, supervisors), type).to.deep.equal([]);
    }
  });

  it('my own last change is not "someone else"; an unknown supervisor shows by id', () => {
    const c = conversation({
      monitoredBy: ['sup-unknown'],
      lastChange: { by: { type: 'supervisor', id: SUPERVISOR_ID }, action: 'assign', at: 1 },
    });
    expect(whoElseIsHere(c, SUPERVISOR_ID, supervisors).map(row)).to.deep.equal([
      ['sup-unknown', 'monitoring', null],
    ]);
  });
});
