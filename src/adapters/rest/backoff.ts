/**
 * Waiting between attempts: exponential backoff with a cap and jitter, and a sleep that an abort
 * signal cuts short.
 */

/** How the wait grows between attempts. */
export interface BackoffOptions {
  /** The first wait, in ms. Default 500. */
  readonly initialMs?: number;
  /** The longest wait, in ms. Default 30,000. */
  readonly maxMs?: number;
  /** Each wait is the previous one times this. Default 2. */
  readonly factor?: number;
  /**
   * Randomize each wait between half and all of it, so many clients dropped together do not come
   * back together. Default true.
   */
  readonly jitter?: boolean;
}

/** The wait before attempt `attempt + 1` (`attempt` ≥ 1 failures so far), in ms. */
export function backoffDelay(
  options: BackoffOptions,
  attempt: number,
  random: () => number = Math.random,
): number {
  const initial = Math.max(0, options.initialMs ?? 500);
  const max = Math.max(initial, options.maxMs ?? 30_000);
  const factor = Math.max(1, options.factor ?? 2);
  const raw = Math.min(max, initial * factor ** Math.max(0, attempt - 1));
  return Math.round(options.jitter === false ? raw : raw * (0.5 + random() / 2));
}

/** Resolves after `ms`, or at once (with `false`) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Seconds for a message ("in 2 s", "in 0.3 s"). */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}
