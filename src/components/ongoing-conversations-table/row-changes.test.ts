import { expect } from '@open-wc/testing';
import type { Conversation } from '../../domain/index.js';
import type { ConversationView } from '../../service/supervisor-service.js';
import { conversation } from '../../../test/fixtures/domain.js';
import { RowChangeTracker } from './row-changes.js';

/** One render of the table: a new view of `rows` at `now`, then each row asks for its highlight. */
function render(tracker: RowChangeTracker, rows: Conversation[], now: number) {
  const view: ConversationView = { query: {}, rows, total: rows.length, closed: 0, now };
  tracker.track(view, new Map(rows.map((c) => [c.id, c])));
  const flashes = rows.map((c) => tracker.flash(c, now));
  tracker.rendered();
  return flashes;
}

describe('RowChangeTracker', () => {
  const a1 = conversation({ id: 'a', version: 1 });
  const b1 = conversation({ id: 'b', version: 1 });

  it('highlights nothing on the first view, then a changed row for the highlight duration', () => {
    const tracker = new RowChangeTracker(1200, 400);
    expect(render(tracker, [a1, b1], 0)).to.deep.equal([null, null]);
    const a2 = { ...a1, version: 2 };
    expect(render(tracker, [a2, b1], 100)).to.deep.equal([0, null]);
    expect(render(tracker, [a2, b1], 1299)).to.deep.equal([0, null], 'still highlighted');
    expect(render(tracker, [a2, b1], 1300)).to.deep.equal([null, null], 'over');
  });

  it('highlights a conversation new to the centre', () => {
    const tracker = new RowChangeTracker(1200, 400);
    render(tracker, [a1], 0);
    expect(render(tracker, [a1, b1], 50)).to.deep.equal([null, 0]);
  });

  it('keeps a row that changes again soon highlighted, restarting at most every restartAfterMs', () => {
    const tracker = new RowChangeTracker(1200, 400);
    render(tracker, [a1], 0);
    expect(render(tracker, [{ ...a1, version: 2 }], 100)).to.deep.equal([0]);
    // 300 ms into the highlight: it goes on (same animation, same end) instead of restarting.
    expect(render(tracker, [{ ...a1, version: 3 }], 400)).to.deep.equal([0]);
    expect(render(tracker, [{ ...a1, version: 3 }], 1299)).to.deep.equal([0]);
    // 400 ms in: the other animation restarts it, and it lasts the full duration from now.
    expect(render(tracker, [{ ...a1, version: 4 }], 500)).to.deep.equal([1]);
    expect(render(tracker, [{ ...a1, version: 4 }], 1699)).to.deep.equal([1]);
    expect(render(tracker, [{ ...a1, version: 4 }], 1700)).to.deep.equal([null]);
  });

  it('restarts after an earlier highlight has ended, with the other animation', () => {
    const tracker = new RowChangeTracker(1200, 400);
    render(tracker, [a1], 0);
    expect(render(tracker, [{ ...a1, version: 2 }], 100)).to.deep.equal([0]);
    expect(render(tracker, [{ ...a1, version: 3 }], 5000)).to.deep.equal([1]);
  });
});
