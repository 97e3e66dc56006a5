/**
 * Small inline SVG icons for channels, presences and sentiment steps. Icons are decorative
 * (`aria-hidden`): every use sits beside its text label, so meaning never rests on the icon or its
 * colour alone.
 */
import { svg, type SVGTemplateResult } from 'lit';
import { isStandardPresence, sentimentScore } from '../../domain/index.js';

const frame = (body: SVGTemplateResult, className = 'icon'): SVGTemplateResult =>
  svg`<svg class=${className} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

const CHANNEL_PATHS: Record<string, SVGTemplateResult> = {
  'live-chat': svg`<path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"/>`,
  sms: svg`<rect x="4" y="1.5" width="8" height="13" rx="1.5"/><path d="M7 12.5h2"/>`,
  whatsapp: svg`<path d="M3 13l1-3a5.5 5.5 0 1 1 2 2z"/><path d="M6.5 6.5c.5 1.5 1.5 2.5 3 3"/>`,
  facebook: svg`<circle cx="8" cy="8" r="6"/><path d="M9.5 5H8.5a1 1 0 0 0-1 1v7M6 8.5h3.5"/>`,
  teams: svg`<rect x="2" y="4" width="8" height="8" rx="1"/><path d="M4.5 6.5h3M6 6.5V10M11 6h2.5v4.5a1.5 1.5 0 0 1-2.5 1"/>`,
  voice: svg`<path d="M4 2.5l2 .5 1 3-1.5 1a7 7 0 0 0 3.5 3.5l1-1.5 3 1 .5 2-1.5 1.5A10 10 0 0 1 2.5 4z"/>`,
  record: svg`<path d="M4 1.5h5.5L12 4v10.5H4z"/><path d="M9.5 1.5V4H12M6 8h4M6 10.5h4"/>`,
};

/** The icon of a channel; an unknown channel gets a neutral dot. */
export function channelIcon(channel: string): SVGTemplateResult {
  return frame(CHANNEL_PATHS[channel] ?? svg`<circle cx="8" cy="8" r="3"/>`);
}

/**
 * The presence glyph: a filled dot (available), a clock (away), a dash in a disc (do not disturb),
 * a full disc (busy), a hollow circle (offline); each shape differs, not only its colour.
 */
export function presenceIcon(presence: string): SVGTemplateResult {
  const shape = isStandardPresence(presence) ? presence : 'custom';
  const bodies: Record<string, SVGTemplateResult> = {
    available: svg`<circle cx="8" cy="8" r="5" fill="currentColor"/><path d="M5.5 8l2 2 3-3.5" stroke="white"/>`,
    busy: svg`<circle cx="8" cy="8" r="5" fill="currentColor"/>`,
    'busy-dnd': svg`<circle cx="8" cy="8" r="5" fill="currentColor"/><path d="M5.5 8h5" stroke="white"/>`,
    away: svg`<circle cx="8" cy="8" r="5"/><path d="M8 5.5V8l2 1.5"/>`,
    offline: svg`<circle cx="8" cy="8" r="5"/><path d="M6 6l4 4M10 6l-4 4"/>`,
    custom: svg`<circle cx="8" cy="8" r="5"/><circle cx="8" cy="8" r="1.5" fill="currentColor"/>`,
  };
  return frame(bodies[shape] ?? bodies.custom!, `icon presence presence-${shape}`);
}

/** A face whose mouth curves with the sentiment score (-3 … 3). */
export function sentimentIcon(sentiment: string): SVGTemplateResult {
  const score = sentimentScore(sentiment);
  const curve = 8 + score * 1.2; // control point: below the mouth line smiles, above frowns
  return frame(
    svg`<circle cx="8" cy="8" r="6"/><circle cx="6" cy="6.5" r=".6" fill="currentColor"/><circle cx="10" cy="6.5" r=".6" fill="currentColor"/><path d="M5.2 10 Q8 ${curve + 2} 10.8 10"/>`,
    `icon sentiment sentiment-${score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral'}`,
  );
}
