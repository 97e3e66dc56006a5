import { expect } from '@open-wc/testing';
import { pageSize, scrollTopFor, visibleRange } from './windowing.js';

describe('windowing', () => {
  describe('visibleRange', () => {
    it('covers the viewport plus the overscan on each side', () => {
      // 400 px viewport of 40 px rows at the top: rows 0–9, plus 4 below.
      expect(visibleRange(0, 400, 40, 10_000, 4)).to.deep.equal({ start: 0, end: 14 });
      // Scrolled to row 100 exactly.
      expect(visibleRange(4000, 400, 40, 10_000, 4)).to.deep.equal({ start: 96, end: 114 });
    });

    it('includes a partly visible row at either edge', () => {
      expect(visibleRange(4020, 400, 40, 10_000, 0)).to.deep.equal({ start: 100, end: 111 });
    });

    it('clamps to the items there are', () => {
      expect(visibleRange(0, 400, 40, 3, 4)).to.deep.equal({ start: 0, end: 3 });
      expect(visibleRange(399_600, 400, 40, 10_000, 4)).to.deep.equal({
        start: 9986,
        end: 10_000,
      });
      // Scrolled past the end (the list shrank): an empty but valid range at the end.
      const past = visibleRange(1_000_000, 400, 40, 10, 4);
      expect(past.start).to.be.at.most(past.end);
      expect(past.end).to.equal(10);
    });

    it('is empty with no items, and tolerates a zero or negative geometry', () => {
      expect(visibleRange(0, 400, 40, 0)).to.deep.equal({ start: 0, end: 0 });
      expect(visibleRange(0, 400, 0, 10)).to.deep.equal({ start: 0, end: 0 });
      expect(visibleRange(-50, 0, 40, 10, 2)).to.deep.equal({ start: 0, end: 2 });
    });
  });

  describe('scrollTopFor', () => {
    it('keeps the position when the row is fully in view', () => {
      expect(scrollTopFor(5, 0, 400, 40)).to.equal(0);
    });

    it('scrolls up to a row above the viewport, aligning it to the top', () => {
      expect(scrollTopFor(2, 400, 400, 40)).to.equal(80);
    });

    it('scrolls down to a row below the viewport, aligning it to the bottom', () => {
      expect(scrollTopFor(20, 0, 400, 40)).to.equal(440);
      // Partly visible at the bottom edge counts as not in view.
      expect(scrollTopFor(9, 10, 400, 40)).to.equal(10);
      expect(scrollTopFor(10, 10, 400, 40)).to.equal(40);
    });
  });

  it('pages by a screenful less one row, at least one', () => {
    expect(pageSize(400, 40)).to.equal(9);
    expect(pageSize(30, 40)).to.equal(1);
    expect(pageSize(400, 0)).to.equal(1);
  });
});
