/**
 * Switching the elements' language at run time. Every user-visible string goes through `msg()` of
 * @lit/localize (runtime mode), and every element re-renders when the locale changes. Translations live
 * in `xliff/<locale>.xlf` and are compiled into `src/generated/locales/<locale>.ts`; each is loaded with a
 * dynamic import the first time it is needed, so a host that stays in English downloads nothing more.
 */
import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import type { allLocales } from '../generated/locale-codes.js';
import { activeLocale } from './active-locale.js';

/** A language the elements are translated into (`en` is the source language). */
export type SupervisorLocale = (typeof allLocales)[number];

/** Every language the elements speak, source language first. */
export const SUPERVISOR_LOCALES: readonly SupervisorLocale[] = [sourceLocale, ...targetLocales];

type TargetLocale = (typeof targetLocales)[number];

// One entry per target locale: literal import paths, so bundlers split each locale into its own chunk.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('../generated/locales/de.js'),
};

/** Is this one of `SUPERVISOR_LOCALES`? */
export function isSupervisorLocale(value: unknown): value is SupervisorLocale {
  return typeof value === 'string' && (SUPERVISOR_LOCALES as readonly string[]).includes(value);
}

/**
 * The elements' translations for one target locale, as @lit/localize's `loadLocale` expects them.
 * For hosts that configure @lit/localize themselves (it may be configured only once per page): merge
 * these templates into the host's own in its `loadLocale`, e.g.
 * `{ templates: { ...(await loadSupervisorLocale(l)).templates, ...host.templates } }`.
 */
export function loadSupervisorLocale(locale: string): Promise<LocaleModule> {
  const load = (loaders as Record<string, (() => Promise<LocaleModule>) | undefined>)[locale];
  return load ? load() : Promise.resolve({ templates: {} });
}

let setLocale: ((locale: string) => Promise<void>) | undefined;

/**
 * Switches every element of this library on the page to `locale` and resolves once they speak it
 * (mounted elements re-render; dates, times and durations follow through `Intl`). Configures
 * @lit/localize on the first switch away from English, so a page that never switches pays nothing.
 *
 * @throws RangeError for a locale outside `SUPERVISOR_LOCALES`; Error when the page has already
 * configured @lit/localize itself (then switch with the host's own `setLocale`, and merge
 * `loadSupervisorLocale()` into its `loadLocale`).
 */
export async function setSupervisorLocale(locale: SupervisorLocale): Promise<void> {
  if (!isSupervisorLocale(locale)) {
    throw new RangeError(
      `Unsupported locale "${String(locale)}"; supported: ${SUPERVISOR_LOCALES.join(', ')}`,
    );
  }
  if (!setLocale) {
    if (locale === sourceLocale) return;
    try {
      setLocale = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: loadSupervisorLocale,
      }).setLocale;
    } catch (cause) {
      throw new Error(
        'This page already configured @lit/localize; switch languages with its own setLocale() and merge loadSupervisorLocale() into its loadLocale.',
        { cause },
      );
    }
  }
  await setLocale(locale);
}

/** The locale the elements speak now. */
export function getSupervisorLocale(): string {
  return activeLocale();
}
