import type { Observable } from 'rxjs';
import { asyncScheduler, interval, map, share, startWith, type SchedulerLike } from 'rxjs';

const clocks = new WeakMap<SchedulerLike, Observable<number>>();

/**
 * One shared ticking clock per scheduler: every live timer on the page (wait and handle times of every
 * row, elapsed transfer times) reads the same one-second tick rather than running its own timer. It
 * runs only while something subscribes.
 */
export function sharedClock(scheduler: SchedulerLike = asyncScheduler): Observable<number> {
  let clock = clocks.get(scheduler);
  if (!clock) {
    clock = interval(1000, scheduler).pipe(
      startWith(0),
      map(() => scheduler.now()),
      share(),
    );
    clocks.set(scheduler, clock);
  }
  return clock;
}
