/**
 * The monitor panel's "Who else is here": the other supervisors joined to or monitoring the
 * conversation, and the one who last acted on it ("Priya Lead assigned it 2 minutes ago"). Pure
 * rendering of `whoElseIsHere`; names are bound as text (in `<bdi>`, as they sit in sentences).
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChangeAction, SupervisorPresence } from '../../domain/index.js';
import { activeLocale } from '../../i18n/active-locale.js';

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "2 minutes ago", "45 seconds ago", "3 hours ago" in the active language. */
export function timeAgo(at: number, now: number, locale = activeLocale()): string {
  let f = relativeFormats.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' });
    relativeFormats.set(locale, f);
  }
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return f.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return f.format(-minutes, 'minute');
  return f.format(-Math.floor(minutes / 60), 'hour');
}

/** What a supervisor did last, as the end of a sentence that starts with their name. */
function actionSentence(name: string, action: ChangeAction, ago: string): TemplateResult {
  const who = html`<bdi>${name}</bdi>`;
  switch (action) {
    case 'assign':
      return msg(html`${who} assigned it ${ago}.`);
    case 'transfer':
      return msg(html`${who} transferred it ${ago}.`);
    case 'forceClose':
      return msg(html`${who} force-closed it ${ago}.`);
    case 'join':
      return msg(html`${who} joined it ${ago}.`);
    case 'leave':
      return msg(html`${who} left it ${ago}.`);
    default:
      return msg(html`${who} changed it ${ago}.`);
  }
}

/**
 * The "Who else is here" section. `presences` comes from `whoElseIsHere` (joined first, never the
 * signed-in supervisor); `now` is the panel's clock so "2 minutes ago" moves on.
 */
export function renderWhoElse(
  presences: readonly SupervisorPresence[],
  now: number,
): TemplateResult {
  return html`<section class="who-else" part="who-else" aria-labelledby="who-else-title">
    <h3 id="who-else-title" class="section-title">${msg('Who else is here')}</h3>
    ${
      presences.length === 0
        ? html`<p class="nobody">${msg('No other supervisor is on this conversation.')}</p>`
        : html`<ul class="presences">
            ${repeat(
              presences,
              (p) => p.supervisor.id,
              (p) =>
                html`<li class="presence ${p.role}" data-id=${p.supervisor.id}>
                  <span class="who"
                    ><bdi class="name">${p.supervisor.name}</bdi> ${
                      p.role === 'acted'
                        ? nothing
                        : html`<span class="role-tag ${p.role}"
                            >${p.role === 'joined' ? msg('Joined') : msg('Monitoring')}</span
                          >`
                    }</span
                  >
                  ${
                    p.lastAction
                      ? html`<span class="last"
                          >${actionSentence(
                            p.supervisor.name,
                            p.lastAction.action,
                            timeAgo(p.lastAction.at, now),
                          )}</span
                        >`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}
