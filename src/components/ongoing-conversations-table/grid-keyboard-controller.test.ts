import { expect } from '@open-wc/testing';
import { clampCell, nextCell, type GridBounds } from './grid-keyboard-controller.js';

const bounds: GridBounds = { bodyRows: 100, cols: 10, pageSize: 9 };

describe('grid keyboard navigation (nextCell)', () => {
  const cases: [string, { row: number; col: number }, boolean, { row: number; col: number }][] = [
    ['ArrowDown', { row: 1, col: 3 }, false, { row: 2, col: 3 }],
    ['ArrowUp', { row: 1, col: 3 }, false, { row: 0, col: 3 }],
    ['ArrowUp', { row: 0, col: 3 }, false, { row: 0, col: 3 }],
    ['ArrowDown', { row: 100, col: 3 }, false, { row: 100, col: 3 }],
    ['ArrowRight', { row: 5, col: 9 }, false, { row: 5, col: 9 }],
    ['ArrowLeft', { row: 5, col: 0 }, false, { row: 5, col: 0 }],
    ['ArrowLeft', { row: 5, col: 4 }, false, { row: 5, col: 3 }],
    ['Home', { row: 5, col: 4 }, false, { row: 5, col: 0 }],
    ['End', { row: 5, col: 4 }, false, { row: 5, col: 9 }],
    ['Home', { row: 50, col: 4 }, true, { row: 1, col: 0 }],
    ['End', { row: 5, col: 4 }, true, { row: 100, col: 9 }],
    ['PageDown', { row: 1, col: 2 }, false, { row: 10, col: 2 }],
    ['PageDown', { row: 95, col: 2 }, false, { row: 100, col: 2 }],
    ['PageDown', { row: 0, col: 2 }, false, { row: 9, col: 2 }],
    ['PageUp', { row: 50, col: 2 }, false, { row: 41, col: 2 }],
    // PageUp stops at the first body row; the header is one ArrowUp away.
    ['PageUp', { row: 5, col: 2 }, false, { row: 1, col: 2 }],
    ['PageUp', { row: 0, col: 2 }, false, { row: 0, col: 2 }],
  ];
  for (const [key, from, ctrl, to] of cases) {
    it(`${ctrl ? 'Ctrl+' : ''}${key} from row ${from.row}, col ${from.col} → row ${to.row}, col ${to.col}`, () => {
      expect(nextCell(key, from, bounds, { ctrl })).to.deep.equal(to);
    });
  }

  it('ignores other keys', () => {
    expect(nextCell('a', { row: 1, col: 1 }, bounds)).to.equal(null);
    expect(nextCell('Enter', { row: 1, col: 1 }, bounds)).to.equal(null);
  });

  it('stays on the header when there are no body rows', () => {
    const empty: GridBounds = { bodyRows: 0, cols: 10, pageSize: 9 };
    expect(nextCell('ArrowDown', { row: 0, col: 1 }, empty)).to.deep.equal({ row: 0, col: 1 });
    expect(nextCell('PageDown', { row: 0, col: 1 }, empty)).to.deep.equal({ row: 0, col: 1 });
    expect(nextCell('End', { row: 0, col: 1 }, empty, { ctrl: true })).to.deep.equal({
      row: 0,
      col: 9,
    });
  });

  it('clamps a position left outside after rows or columns went away', () => {
    expect(clampCell({ row: 500, col: 12 }, bounds)).to.deep.equal({ row: 100, col: 9 });
    expect(clampCell({ row: -3, col: -1 }, bounds)).to.deep.equal({ row: 0, col: 0 });
  });
});
