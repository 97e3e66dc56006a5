/**
 * Small inline SVG icons for channels, presences and sentiment steps. Icons are decorative
 * (`aria-hidden`): every use sits beside its text label, so meaning never rests on the icon or its
 * colour alone.
 *
 * Shapes are path data bound as attributes (outline, filled, white marks), so an icon is one
 * template instance instead of a frame and a nested shape template: a table renders one per cell in
 * every visible row (measured with `npm run bench`).
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { isStandardPresence, sentimentScore } from '../../domain/index.js';

/** An icon's shapes as path data: outlined, filled (and outlined), and white marks on top. */
interface IconLayers {
  readonly line?: string;
  readonly fill?: string;
  readonly white?: string;
}

/** A circle as path data (two arcs), so it can share a `<path>` with other shapes. */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}

/** A rounded rectangle as path data. */
function rect(x: number, y: number, w: number, h: number, r: number): string {
  return `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${2 * r - w}a${r} ${r} 0 0 1 ${-r} ${-r}v${2 * r - h}a${r} ${r} 0 0 1 ${r} ${-r}z`;
}

/*
 * One template per combination of layers, so an icon has only the paths it draws (an SVG's shapes
 * are laid out and painted one by one, in every visible row).
 */
const icon = ({ line, fill, white }: IconLayers, className = 'icon'): SVGTemplateResult =>
  line !== undefined && fill !== undefined
    ? svg`<svg class=${className} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d=${line}/><path d=${fill} fill="currentColor"/></svg>`
    : fill !== undefined
      ? svg`<svg class=${className} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d=${fill} fill="currentColor"/><path d=${white ?? nothing} stroke="white"/></svg>`
      : svg`<svg class=${className} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d=${line ?? nothing}/></svg>`;

/** A warning sign: the attention sort, a row's alert mark, an over-capacity note. */
export const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M8 2l6.5 11.5h-13z" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 6.5v3M8 11.5v.01" stroke="currentColor" stroke-width="1.5"/></svg>`;

/** The cross of a dialog's or panel's close button. */
export const closeIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><path d="M4 4l8 8M12 4l-8 8"/></svg>`;

const CHANNELS: Record<string, IconLayers> = {
  'live-chat': { line: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z' },
  sms: { line: `${rect(4, 1.5, 8, 13, 1.5)}M7 12.5h2` },
  whatsapp: { line: 'M3 13l1-3a5.5 5.5 0 1 1 2 2zM6.5 6.5c.5 1.5 1.5 2.5 3 3' },
  facebook: { line: `${circle(8, 8, 6)}M9.5 5H8.5a1 1 0 0 0-1 1v7M6 8.5h3.5` },
  teams: { line: `${rect(2, 4, 8, 8, 1)}M4.5 6.5h3M6 6.5V10M11 6h2.5v4.5a1.5 1.5 0 0 1-2.5 1` },
  voice: {
    line: 'M4 2.5l2 .5 1 3-1.5 1a7 7 0 0 0 3.5 3.5l1-1.5 3 1 .5 2-1.5 1.5A10 10 0 0 1 2.5 4z',
  },
  record: { line: 'M4 1.5h5.5L12 4v10.5H4zM9.5 1.5V4H12M6 8h4M6 10.5h4' },
};
const UNKNOWN_CHANNEL: IconLayers = { line: circle(8, 8, 3) };

/** The icon of a channel; an unknown channel gets a neutral dot. */
export function channelIcon(channel: string): SVGTemplateResult {
  return icon(CHANNELS[channel] ?? UNKNOWN_CHANNEL);
}

const DISC = circle(8, 8, 5);
const PRESENCES: Record<string, IconLayers> = {
  available: { fill: DISC, white: 'M5.5 8l2 2 3-3.5' },
  busy: { fill: DISC },
  'busy-dnd': { fill: DISC, white: 'M5.5 8h5' },
  away: { line: `${DISC}M8 5.5V8l2 1.5` },
  offline: { line: `${DISC}M6 6l4 4M10 6l-4 4` },
  custom: { line: DISC, fill: circle(8, 8, 1.5) },
};

/**
 * The presence glyph: a filled dot (available), a clock (away), a dash in a disc (do not disturb),
 * a full disc (busy), a hollow circle (offline); each shape differs, not only its colour.
 */
export function presenceIcon(presence: string): SVGTemplateResult {
  const shape = isStandardPresence(presence) ? presence : 'custom';
  return icon(PRESENCES[shape] ?? PRESENCES.custom!, `icon presence presence-${shape}`);
}

const FACE = circle(8, 8, 6);
const EYES = `${circle(6, 6.5, 0.6)}${circle(10, 6.5, 0.6)}`;

/** A face whose mouth curves with the sentiment score (-3 … 3). */
export function sentimentIcon(sentiment: string): SVGTemplateResult {
  const score = sentimentScore(sentiment);
  const curve = 8 + score * 1.2; // control point: below the mouth line smiles, above frowns
  return icon(
    { line: `${FACE}M5.2 10 Q8 ${curve + 2} 10.8 10`, fill: EYES },
    `icon sentiment sentiment-${score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral'}`,
  );
}
