/**
 * An opt-in route for hosts that already mark their page's language: the elements follow the `lang`
 * attribute of the document (`<html lang="de-AT">` speaks German), now and whenever it changes.
 */
import { SUPERVISOR_LOCALES, setSupervisorLocale, type SupervisorLocale } from './locale.js';

/**
 * The supported locale for a BCP 47 language tag: an exact match, else its base language
 * (`de-AT` → `de`), else English.
 */
export function supervisorLocaleFor(tag: string | null | undefined): SupervisorLocale {
  const wanted = (tag ?? '').trim().toLowerCase();
  const exact = SUPERVISOR_LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return SUPERVISOR_LOCALES.find((l) => l.toLowerCase() === base) ?? 'en';
}

/**
 * Switches the elements to the document's language and keeps following its `lang` attribute.
 * Returns a function that stops following. A failed switch (e.g. the page configured @lit/localize
 * itself) is reported through `onError`, by default to the console.
 */
export function followDocumentLanguage(
  root: HTMLElement = document.documentElement,
  onError: (error: unknown) => void = (error) => console.error(error),
): () => void {
  const apply = () => {
    setSupervisorLocale(supervisorLocaleFor(root.lang)).catch(onError);
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(root, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}
