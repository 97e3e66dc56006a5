/**
 * The language the elements speak right now, for `Intl` formatters. @lit/localize announces every switch
 * with a `lit-localize-status` event on `window`, whoever configured it (this library's
 * `setSupervisorLocale` or a host's own `configureLocalization`), so listening to it keeps dates, times
 * and durations in the same language as the words around them.
 */
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import type { LocaleStatusEventDetail } from '@lit/localize';

/** The source language of every `msg()` string. */
export const SOURCE_LOCALE = 'en';

let active = SOURCE_LOCALE;

if (typeof window !== 'undefined') {
  // Registered at import time, before any element's own listener: the formatters see the new locale
  // by the time the elements re-render.
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    const detail = (event as CustomEvent<LocaleStatusEventDetail>).detail;
    if (detail.status === 'ready') active = detail.readyLocale;
  });
}

/** The active locale code (`en` until a switch to another one has finished loading). */
export function activeLocale(): string {
  return active;
}
