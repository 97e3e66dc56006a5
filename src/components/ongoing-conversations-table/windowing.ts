/**
 * Windowing for rows of one fixed height: only the rows in view (plus a small overscan) are rendered,
 * each translated to its place, and a spacer gives the scroller its full height. The arithmetic is a
 * pure function; `WindowingController` follows the scroller's scroll position and size.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A half-open range of item indexes `[start, end)`. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The rows to render: those intersecting the viewport, widened by `overscan` rows on each side,
 * clamped to `[0, count)`.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(Math.max(0, first - overscan), count);
  const end = Math.min(count, Math.max(last + overscan, start));
  return { start, end };
}

/**
 * The scroll position that brings row `index` fully into view, moving as little as possible;
 * the current position when it already is.
 */
export function scrollTopFor(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Rows a PageUp/PageDown moves by: one screenful less one row of context, at least one. */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

export interface WindowingOptions {
  /** Rows rendered beyond each edge of the viewport. Default 4. */
  readonly overscan?: number;
  /** Row height used until one is measured. Default 40. */
  readonly rowHeight?: number;
}

/**
 * Follows a scroll container: its scroll position, its height and the height of one row (measured
 * from a probe element styled with the row height), and updates the host only when the rendered
 * range would change.
 */
export class WindowingController implements ReactiveController {
  /** Height of one row in CSS pixels. */
  rowHeight: number;
  /** Height of the scroller's viewport in CSS pixels. */
  viewportHeight = 0;
  /** The scroller's `scrollTop` as last seen. */
  scrollTop = 0;
  readonly overscan: number;

  private readonly host: ReactiveControllerHost;
  private scroller: HTMLElement | null = null;
  private probe: HTMLElement | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private lastKey = '';

  constructor(host: ReactiveControllerHost, options: WindowingOptions = {}) {
    this.host = host;
    this.overscan = options.overscan ?? 4;
    this.rowHeight = options.rowHeight ?? 40;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.scroller) this.observe();
  }

  hostDisconnected(): void {
    this.unobserve();
  }

  /**
   * Starts following `scroller`; `probe` is an element whose height is one row. Call when they are
   * rendered (e.g. in `firstUpdated`); calling again with other elements switches to them.
   */
  attach(scroller: HTMLElement, probe: HTMLElement | null): void {
    if (scroller === this.scroller && probe === this.probe) return;
    this.unobserve();
    this.scroller = scroller;
    this.probe = probe;
    this.observe();
  }

  /** Sets an estimate of the viewport height before the first measurement (avoids an empty frame). */
  estimate(viewportHeight: number, rowHeight?: number): void {
    if (this.viewportHeight === 0 && viewportHeight > 0) this.viewportHeight = viewportHeight;
    if (rowHeight !== undefined && rowHeight > 0) this.rowHeight = rowHeight;
  }

  /** The range of rows to render for `count` items. */
  range(count: number): RowRange {
    return visibleRange(this.scrollTop, this.viewportHeight, this.rowHeight, count, this.overscan);
  }

  /** Rows a PageUp/PageDown moves by. */
  get pageSize(): number {
    return pageSize(this.viewportHeight, this.rowHeight);
  }

  /** Scrolls the least needed to show row `index` entirely; updates the host when the range moves. */
  scrollToIndex(index: number): void {
    const target = scrollTopFor(index, this.scrollTop, this.viewportHeight, this.rowHeight);
    if (target === this.scrollTop) return;
    if (this.scroller) {
      this.scroller.scrollTop = target;
      // The browser clamps; read back what it did.
      this.scrollTop = this.scroller.scrollTop;
    } else {
      this.scrollTop = target;
    }
    this.maybeUpdate();
  }

  private readonly onScroll = (): void => {
    if (!this.scroller) return;
    this.scrollTop = this.scroller.scrollTop;
    this.maybeUpdate();
  };

  private observe(): void {
    if (!this.scroller) return;
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(this.scroller);
    if (this.probe) this.resizeObserver.observe(this.probe);
  }

  private unobserve(): void {
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  private measure(): void {
    if (!this.scroller) return;
    const height = this.scroller.clientHeight;
    const row = this.probe?.getBoundingClientRect().height ?? 0;
    let changed = false;
    if (height !== this.viewportHeight) {
      this.viewportHeight = height;
      changed = true;
    }
    if (row > 0 && Math.abs(row - this.rowHeight) > 0.01) {
      this.rowHeight = row;
      changed = true;
    }
    this.scrollTop = this.scroller.scrollTop;
    if (changed) this.host.requestUpdate();
    else this.maybeUpdate();
  }

  /** Asks for an update only when the first row in view or the viewport's row count changed. */
  private maybeUpdate(): void {
    const key = `${Math.floor(this.scrollTop / this.rowHeight)}:${Math.ceil(this.viewportHeight / this.rowHeight)}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.host.requestUpdate();
  }
}
