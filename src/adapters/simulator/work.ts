/**
 * Every timer the simulator starts goes through here, on the configured scheduler, and is counted:
 * `size` is what `SimulatedCentre.activeWork` reports, so a test can prove nothing is left running.
 */
import { Subscription, type SchedulerLike } from 'rxjs';

/** A delay the scheduler will honour: a NaN one would never fire and stay counted forever. */
function sanitize(ms: number): number {
  return Number.isFinite(ms) ? Math.max(0, ms) : 0;
}

/** Counted, cancellable scheduled work. */
export class Work {
  private readonly live = new Set<Subscription>();

  /** @param scheduler the clock all work runs on (virtual in tests). */
  constructor(private readonly scheduler: SchedulerLike) {}

  /** Scheduled actions still pending or repeating. */
  get size(): number {
    return this.live.size;
  }

  /** Runs `fn` once after `delayMs`. Unsubscribe the result to cancel. */
  after(delayMs: number, fn: () => void): Subscription {
    const handle = new Subscription(() => this.live.delete(handle));
    this.live.add(handle);
    handle.add(
      this.scheduler.schedule(() => {
        // Off the books before running: `fn` may start new work or check `size`.
        this.live.delete(handle);
        fn();
      }, sanitize(delayMs)),
    );
    return handle;
  }

  /**
   * Runs `fn` every `periodMs` until the result is unsubscribed. Each period is a fresh top-level
   * action rather than the action rescheduling itself: on a `VirtualTimeScheduler` a rescheduled
   * action is a new child of the previous one, so an hour of ticks built a 36,000-deep chain that
   * was kept in memory and overflowed the stack when unsubscribed.
   */
  every(periodMs: number, fn: () => void): Subscription {
    const period = sanitize(periodMs);
    let current: Subscription | null = null;
    const handle = new Subscription(() => {
      this.live.delete(handle);
      current?.unsubscribe();
      current = null;
    });
    const next = (): void => {
      current = this.scheduler.schedule(() => {
        current = null;
        fn();
        if (!handle.closed) next();
      }, period);
    };
    this.live.add(handle);
    next();
    return handle;
  }

  /** Cancels everything. */
  cancelAll(): void {
    for (const handle of [...this.live]) handle.unsubscribe();
  }
}
