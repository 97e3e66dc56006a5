import { css } from 'lit';

/**
 * The design tokens every element reads: `--sc-*` custom properties with light defaults, dark ones
 * under `prefers-color-scheme: dark` or `[theme='dark']` on the host (a host page can force either
 * with `theme="light"`), and system colours in forced-colors mode. Hosts theme the elements by
 * setting these properties on the element or any ancestor.
 */
export const tokens = css`
  :host {
    --_bg: var(--sc-color-background, #ffffff);
    --_surface: var(--sc-color-surface, #f6f7f9);
    --_text: var(--sc-color-text, #1b1f24);
    --_muted: var(--sc-color-text-muted, #59636e);
    --_border: var(--sc-color-border, #d4d9df);
    --_accent: var(--sc-color-accent, #0f62c9);
    --_accent-text: var(--sc-color-accent-text, #ffffff);
    --_danger: var(--sc-color-danger, #b3261e);
    --_warning: var(--sc-color-warning, #8a5a00);
    --_success: var(--sc-color-success, #1e7a3a);
    --_highlight: var(--sc-color-highlight, #fff4c2);
    --_focus: var(--sc-color-focus, #0f62c9);
    --_positive: var(--sc-color-sentiment-positive, #1e7a3a);
    --_negative: var(--sc-color-sentiment-negative, #b3261e);
    --_neutral: var(--sc-color-sentiment-neutral, #59636e);
    --_radius: var(--sc-radius, 6px);
    --_font: var(--sc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--sc-font-size, 0.875rem);
    --_row-height: var(--sc-row-height, 40px);
    --_space: var(--sc-spacing, 0.5rem);
    --_shadow: var(--sc-shadow, 0 8px 28px rgb(0 0 0 / 0.18));
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_bg: var(--sc-color-background, #16191d);
      --_surface: var(--sc-color-surface, #1f2328);
      --_text: var(--sc-color-text, #e8eaed);
      --_muted: var(--sc-color-text-muted, #a4adb8);
      --_border: var(--sc-color-border, #3a4149);
      --_accent: var(--sc-color-accent, #7cb4ff);
      --_accent-text: var(--sc-color-accent-text, #0b1a2e);
      --_danger: var(--sc-color-danger, #ff8a80);
      --_warning: var(--sc-color-warning, #f5c451);
      --_success: var(--sc-color-success, #7ddc96);
      --_highlight: var(--sc-color-highlight, #4a3f12);
      --_focus: var(--sc-color-focus, #7cb4ff);
      --_positive: var(--sc-color-sentiment-positive, #7ddc96);
      --_negative: var(--sc-color-sentiment-negative, #ff8a80);
      --_neutral: var(--sc-color-sentiment-neutral, #a4adb8);
      color-scheme: dark;
    }
  }

  :host([theme='dark']) {
    --_bg: var(--sc-color-background, #16191d);
    --_surface: var(--sc-color-surface, #1f2328);
    --_text: var(--sc-color-text, #e8eaed);
    --_muted: var(--sc-color-text-muted, #a4adb8);
    --_border: var(--sc-color-border, #3a4149);
    --_accent: var(--sc-color-accent, #7cb4ff);
    --_accent-text: var(--sc-color-accent-text, #0b1a2e);
    --_danger: var(--sc-color-danger, #ff8a80);
    --_warning: var(--sc-color-warning, #f5c451);
    --_success: var(--sc-color-success, #7ddc96);
    --_highlight: var(--sc-color-highlight, #4a3f12);
    --_focus: var(--sc-color-focus, #7cb4ff);
    --_positive: var(--sc-color-sentiment-positive, #7ddc96);
    --_negative: var(--sc-color-sentiment-negative, #ff8a80);
    --_neutral: var(--sc-color-sentiment-neutral, #a4adb8);
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
