import { css } from 'lit';

/**
 * The design tokens every element reads: `--sc-*` custom properties with light and dark defaults.
 * Dark applies under `prefers-color-scheme: dark`, when an ancestor sets `--sc-color-scheme: dark`, or
 * with `theme="dark"` on the element (`theme="light"` forces light); forced-colors mode uses system
 * colours. Hosts theme the elements by setting these properties on the element or any ancestor.
 *
 * The `@cssprop` lines below are the tokens' documentation: custom-elements-manifest.config.mjs adds
 * them to every element's entry in custom-elements.json, and scripts/manifest-check.mjs checks that
 * each token read here has its line.
 *
 * @cssprop [--sc-color-scheme=light dark] - `light`, `dark` or `light dark` (follow the OS).
 * @cssprop [--sc-color-background=#ffffff] - Background (dark: #16191d).
 * @cssprop [--sc-color-surface=#f6f7f9] - Headers, toolbars, hover and card backgrounds (dark: #1f2328).
 * @cssprop [--sc-color-text=#1b1f24] - Text (dark: #e8eaed).
 * @cssprop [--sc-color-text-muted=#59636e] - Secondary text (dark: #a4adb8).
 * @cssprop [--sc-color-border=#d4d9df] - Borders and rules (dark: #3a4149).
 * @cssprop [--sc-color-accent=#0f62c9] - Primary buttons, selection, links, sort indicator (dark: #7cb4ff).
 * @cssprop [--sc-color-accent-text=#ffffff] - Text on the accent colour (dark: #0b1a2e).
 * @cssprop [--sc-color-danger=#b3261e] - Force close, errors, offline banner (dark: #ff8a80).
 * @cssprop [--sc-color-warning=#8a5a00] - Reconnecting banner, over-capacity notes (dark: #f5c451).
 * @cssprop [--sc-color-success=#1e7a3a] - Success messages (dark: #7ddc96).
 * @cssprop [--sc-color-highlight=#fff4c2] - Flash of something that just changed (dark: #4a3f12).
 * @cssprop [--sc-color-focus=#0f62c9] - Focus ring (dark: #7cb4ff).
 * @cssprop [--sc-color-sentiment-positive=#1e7a3a] - Positive sentiment (dark: #7ddc96).
 * @cssprop [--sc-color-sentiment-negative=#b3261e] - Negative sentiment (dark: #ff8a80).
 * @cssprop [--sc-color-sentiment-neutral=#59636e] - Neutral sentiment (dark: #a4adb8).
 * @cssprop [--sc-radius=6px] - Corner radius of controls.
 * @cssprop [--sc-font-family=system-ui] - Font.
 * @cssprop [--sc-font-size=0.875rem] - Base font size.
 * @cssprop [--sc-row-height=40px] - Height of a table row (fixed: rows are windowed by it).
 * @cssprop [--sc-spacing=0.5rem] - Base spacing unit.
 * @cssprop [--sc-shadow=0 8px 28px rgb(0 0 0 / 0.18)] - Shadow of dialogs and menus.
 */
export const tokens = css`
  :host {
    /* light-dark() follows the element's used color-scheme: the OS preference by default,
       --sc-color-scheme on any ancestor, or the theme attribute on the element itself. */
    color-scheme: var(--sc-color-scheme, light dark);
    --_bg: var(--sc-color-background, light-dark(#ffffff, #16191d));
    --_surface: var(--sc-color-surface, light-dark(#f6f7f9, #1f2328));
    --_text: var(--sc-color-text, light-dark(#1b1f24, #e8eaed));
    --_muted: var(--sc-color-text-muted, light-dark(#59636e, #a4adb8));
    --_border: var(--sc-color-border, light-dark(#d4d9df, #3a4149));
    --_accent: var(--sc-color-accent, light-dark(#0f62c9, #7cb4ff));
    --_accent-text: var(--sc-color-accent-text, light-dark(#ffffff, #0b1a2e));
    --_danger: var(--sc-color-danger, light-dark(#b3261e, #ff8a80));
    --_warning: var(--sc-color-warning, light-dark(#8a5a00, #f5c451));
    --_success: var(--sc-color-success, light-dark(#1e7a3a, #7ddc96));
    --_highlight: var(--sc-color-highlight, light-dark(#fff4c2, #4a3f12));
    --_focus: var(--sc-color-focus, light-dark(#0f62c9, #7cb4ff));
    --_positive: var(--sc-color-sentiment-positive, light-dark(#1e7a3a, #7ddc96));
    --_negative: var(--sc-color-sentiment-negative, light-dark(#b3261e, #ff8a80));
    --_neutral: var(--sc-color-sentiment-neutral, light-dark(#59636e, #a4adb8));
    --_radius: var(--sc-radius, 6px);
    --_font: var(--sc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--sc-font-size, 0.875rem);
    --_row-height: var(--sc-row-height, 40px);
    --_space: var(--sc-spacing, 0.5rem);
    --_shadow: var(--sc-shadow, 0 8px 28px rgb(0 0 0 / 0.18));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  @media (forced-colors: active) {
    :host {
      --_bg: Canvas;
      --_surface: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_border: CanvasText;
      --_accent: Highlight;
      --_accent-text: HighlightText;
      --_danger: CanvasText;
      --_warning: CanvasText;
      --_success: CanvasText;
      --_highlight: Highlight;
      --_focus: Highlight;
      --_positive: CanvasText;
      --_negative: CanvasText;
      --_neutral: CanvasText;
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  /* Text only screen readers get. */
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Buttons shared by the dialogs, the panel and the table's actions. */
export const buttonStyles = css`
  button {
    font: inherit;
    color: inherit;
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: 0.35rem 0.75rem;
    cursor: pointer;
  }
  button:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_surface);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button.primary:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_accent);
    filter: brightness(1.08);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
`;
