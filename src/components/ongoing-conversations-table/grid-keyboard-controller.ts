/**
 * Keyboard navigation of an ARIA grid whose body rows are virtualized (the Vaadin way): the active
 * cell is tracked by position — row and column — never by element, because row elements come and go
 * as the grid scrolls. One cell at a time carries `tabindex="0"` (a roving tab stop); the host renders
 * that from `active` and moves DOM focus after its update.
 *
 * Row 0 is the header row; rows 1…n are body items 0…n−1 (so a row's `aria-rowindex` is `row + 1`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A cell position: `row` 0 is the header, `row` i ≥ 1 is body item i − 1; `col` from 0. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** The grid's extent when a key is pressed. */
export interface GridBounds {
  /** Body rows (items); the header adds one more row above them. */
  readonly bodyRows: number;
  readonly cols: number;
  /** Rows PageUp/PageDown move by. */
  readonly pageSize: number;
}

/** The keys `nextCell` understands (as `KeyboardEvent.key`). */
export const NAVIGATION_KEYS: ReadonlySet<string> = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** Keeps a position inside the grid (header row included). */
export function clampCell(pos: CellPosition, bounds: GridBounds): CellPosition {
  const lastRow = Math.max(0, bounds.bodyRows);
  const lastCol = Math.max(0, bounds.cols - 1);
  return {
    row: Math.min(Math.max(0, pos.row), lastRow),
    col: Math.min(Math.max(0, pos.col), lastCol),
  };
}

/**
 * Where a navigation key moves the active cell, following the ARIA grid pattern: arrows move one cell;
 * Home/End go to the first/last cell of the row, and with Ctrl (or ⌘) to the first/last row;
 * PageUp/PageDown move a screenful of body rows (never onto the header). `null` for other keys.
 */
export function nextCell(
  key: string,
  pos: CellPosition,
  bounds: GridBounds,
  modifiers: { readonly ctrl?: boolean; readonly rtl?: boolean } = {},
): CellPosition | null {
  const lastRow = Math.max(0, bounds.bodyRows);
  const firstBodyRow = bounds.bodyRows > 0 ? 1 : 0;
  const lastCol = Math.max(0, bounds.cols - 1);
  let { row, col } = clampCell(pos, bounds);
  switch (key) {
    case 'ArrowUp':
      row -= 1;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    // Right-to-left, the columns run from right to left: ArrowLeft goes to the next one.
    case 'ArrowLeft':
      col += modifiers.rtl ? 1 : -1;
      break;
    case 'ArrowRight':
      col += modifiers.rtl ? -1 : 1;
      break;
    case 'Home':
      if (modifiers.ctrl) row = firstBodyRow;
      col = 0;
      break;
    case 'End':
      if (modifiers.ctrl) row = lastRow;
      col = lastCol;
      break;
    case 'PageUp':
      row = row === 0 ? 0 : Math.max(firstBodyRow, row - bounds.pageSize);
      break;
    case 'PageDown':
      row = Math.min(lastRow, Math.max(firstBodyRow, row + bounds.pageSize));
      break;
    default:
      return null;
  }
  return clampCell({ row, col }, bounds);
}

/** What the host tells the controller when a key is pressed. */
export interface GridKeyboardHost extends ReactiveControllerHost {
  /** The grid's extent now. */
  gridBounds(): GridBounds;
  /**
   * Makes the cell at `pos` rendered and in view, then focuses it (after the host's update).
   * Called whenever the active cell moves by keyboard.
   */
  focusCell(pos: CellPosition): void;
}

/**
 * Holds the active cell and turns navigation keys into moves. The host renders `tabindex="0"` on the
 * cell `isActive(row, col)` and `-1` on the others, calls `onKeyDown` from the grid's keydown
 * listener and `setActive` when a cell gains focus by pointer.
 */
export class GridKeyboardController implements ReactiveController {
  /** The active cell: the grid's one tab stop. */
  active: CellPosition = { row: 1, col: 0 };

  private readonly host: GridKeyboardHost;

  constructor(host: GridKeyboardHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Is this the active cell? */
  isActive(row: number, col: number): boolean {
    return this.active.row === row && this.active.col === col;
  }

  /** Moves the active cell without focusing it (e.g. a click focused it already). */
  setActive(pos: CellPosition): void {
    if (pos.row === this.active.row && pos.col === this.active.col) return;
    this.active = pos;
    this.host.requestUpdate();
  }

  /** Keeps the active cell inside the grid after the rows or columns changed. */
  clamp(bounds: GridBounds): void {
    const clamped = clampCell(this.active, bounds);
    // With body rows but the active cell on an empty header, stay where we are; otherwise clamp.
    if (clamped.row !== this.active.row || clamped.col !== this.active.col) this.active = clamped;
  }

  /**
   * Handles a navigation key: moves the active cell and asks the host to focus it.
   * Returns `true` when the key was handled (the caller then prevents its default).
   */
  onKeyDown(event: KeyboardEvent): boolean {
    if (!NAVIGATION_KEYS.has(event.key) || event.altKey) return false;
    const target = event.target instanceof Element ? event.target : null;
    const next = nextCell(event.key, this.active, this.host.gridBounds(), {
      ctrl: event.ctrlKey || event.metaKey,
      rtl: target !== null && getComputedStyle(target).direction === 'rtl',
    });
    if (!next) return false;
    this.active = next;
    this.host.requestUpdate();
    this.host.focusCell(next);
    return true;
  }
}
