/** What every benchmark contender implements, and the in-page API the harness drives. */
import type { Conversation } from '../src/domain/index.js';
import { FILTER_TEXT, changeStream, makeWorld, type BenchWorld } from './data.js';

export interface Contender {
  /** Renders the world's conversations into `host` (resolves when the DOM is built). */
  mount(host: HTMLElement, world: BenchWorld): void | Promise<void>;
  /** Feeds changed conversations (new objects with a higher version). */
  apply(changes: Conversation[]): void;
  sortByCustomer(): void;
  filter(text: string): void;
  /** Ids of the rows on screen now (the "concentrated" change scenario targets them). */
  visibleIds(): string[];
  /** How many row elements are in the DOM (shadow roots included). */
  rowsInDom(): number;
}

export interface ChangeRunResult {
  readonly frames: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly longTasks: number;
  readonly changes: number;
}

declare global {
  interface Window {
    bench: {
      /** Builds the seeded data (not timed). */
      prepare(): void;
      mount(): Promise<number>;
      /**
       * Empties the page and mounts a new table on new seeded data: the second mount in a page, with
       * the code compiled and fonts and templates warm (what a first mount pays once is the difference).
       */
      remount(): Promise<number>;
      changes(
        ratePerSecond: number,
        durationMs: number,
        concentrated: boolean,
      ): Promise<ChangeRunResult>;
      sort(): Promise<number>;
      filter(): Promise<number>;
      rowsInDom(): number;
    };
  }
}

/** Resolves after the next frame has been painted. */
export function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Installs `window.bench` for a contender. */
export function installBench(contender: Contender): void {
  const host = document.getElementById('host')!;
  let world: BenchWorld | null = null;
  const timed = async (work: () => void | Promise<void>): Promise<number> => {
    const t0 = performance.now();
    await work();
    await painted();
    return performance.now() - t0;
  };
  window.bench = {
    prepare: () => {
      world = makeWorld();
    },
    mount: () =>
      timed(() => {
        if (!world) throw new Error('prepare first');
        return contender.mount(host, world);
      }),
    remount: () => {
      host.replaceChildren();
      world = makeWorld();
      const next = world;
      return timed(() => contender.mount(host, next));
    },
    sort: () => timed(() => contender.sortByCustomer()),
    filter: () => timed(() => contender.filter(FILTER_TEXT)),
    rowsInDom: () => contender.rowsInDom(),
    changes: (rate, durationMs, concentrated) =>
      new Promise((resolve) => {
        if (!world) throw new Error('mount first');
        const next = changeStream(world);
        const perTick = Math.max(1, Math.round(rate / 100));
        const targets = concentrated ? contender.visibleIds() : undefined;
        let changes = 0;
        let longTasks = 0;
        const observer = new PerformanceObserver((list) => {
          longTasks += list.getEntries().length;
        });
        observer.observe({ type: 'longtask' });
        const intervals: number[] = [];
        let last = performance.now();
        let running = true;
        const frame = (t: number) => {
          intervals.push(t - last);
          last = t;
          if (running) requestAnimationFrame(frame);
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(frame);
        });
        const tick = setInterval(() => {
          contender.apply(next(perTick, targets));
          changes += perTick;
        }, 10);
        setTimeout(() => {
          clearInterval(tick);
          running = false;
          setTimeout(() => {
            observer.disconnect();
            const sorted = [...intervals].sort((a, b) => a - b);
            resolve({
              frames: intervals.length,
              p50: percentile(sorted, 50),
              p99: percentile(sorted, 99),
              max: sorted[sorted.length - 1] ?? 0,
              longTasks,
              changes,
            });
          }, 100);
        }, durationMs);
      }),
  };
}
