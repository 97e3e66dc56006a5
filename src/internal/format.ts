/**
 * Number, time and duration formatting through `Intl`, in the elements' active language (see
 * `setSupervisorLocale`) unless one is given.
 */
import { msg } from '@lit/localize';
import { activeLocale } from '../i18n/active-locale.js';

// Building an Intl formatter costs far more than using one, and tables format every visible row
// every second: keep one per kind and locale.
const formatters = new Map<string, { format(value: number): string }>();
function cached<F extends { format(value: number): string }>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** "4:05" under an hour, "1:04:05" above; `—` for null. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A duration in words for screen readers and tooltips: "4 minutes 5 seconds". */
export function describeDuration(ms: number | null, locale = activeLocale()): string {
  if (ms === null || !Number.isFinite(ms)) return msg('not started');
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    cached(
      `unit:${u}:${locale}`,
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }),
    ).format(value);
  const parts: string[] = [];
  if (h) parts.push(unit(h, 'hour'));
  if (m) parts.push(unit(m, 'minute'));
  if (s || parts.length === 0) parts.push(unit(s, 'second'));
  return parts.join(' ');
}

/** A clock time such as "14:05:09". */
export function formatClock(epochMs: number, locale = activeLocale()): string {
  return cached(
    `clock:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  ).format(epochMs);
}

/** A count with the active language's digit grouping: "1,234" in English, "1.234" in German. */
export function formatCount(value: number, locale = activeLocale()): string {
  return cached(`count:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/**
 * Builds the active language's formatters ahead of time, when the browser is idle. The first Intl
 * formatter of a page loads locale data (about 10 ms here); an element that waits for its data from
 * the backend can pay that while it waits instead of in its first render.
 */
export function warmFormattersWhenIdle(): void {
  const warm = () => {
    const locale = activeLocale();
    formatCount(0, locale);
    formatClock(0, locale);
    describeDuration(61_000, locale);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 0);
}

/** @internal The formatters built so far (kind:locale keys), for tests. */
export function builtFormatters(): string[] {
  return [...formatters.keys()];
}
