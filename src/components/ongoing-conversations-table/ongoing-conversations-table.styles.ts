import { css } from 'lit';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { attentionStyles } from './attention.styles.js';

const table = css`
  :host {
    --_header-height: 2.5rem;
    display: flex;
    flex-direction: column;
    position: relative;
    height: var(--sc-table-height, 36rem);
    min-height: 14rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    line-height: 1.3;
  }

  .icon {
    flex: none;
    vertical-align: middle;
  }

  /* ----- toolbar ----- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    border-radius: var(--_radius) var(--_radius) 0 0;
    position: relative;
    z-index: 3;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .spacer {
    flex: 1;
  }

  .search {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_muted);
  }

  .search:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }

  .search input {
    font: inherit;
    color: var(--_text);
    background: transparent;
    border: 0;
    outline: none;
    padding: 0.35rem 0;
    width: min(15rem, 30vw);
  }

  .search input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.4rem;
  }

  select:focus-visible,
  summary:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }

  .wait-filter {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }

  .toggle[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  .toggle[aria-pressed='true']:hover {
    background: var(--_accent);
  }

  button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
  }

  details.choice {
    position: relative;
  }

  summary {
    list-style: none;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.35rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
    user-select: none;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  /* The Actions button's chevron is drawn the same way: no SVG in every row. */
  summary::after,
  button.actions::after {
    content: '';
    width: 0.4rem;
    height: 0.4rem;
    /* A down chevron (two borders turned 45°): physical sides on purpose, it points down either way. */
    border-right: 1.5px solid currentColor;
    border-bottom: 1.5px solid currentColor;
    transform: translateY(-0.1rem) rotate(45deg);
    margin-inline-start: 0.125rem;
  }

  details[open] > summary {
    border-color: var(--_accent);
  }

  .count {
    min-width: 1.25rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.75rem;
    font-weight: 600;
    text-align: center;
  }

  .view-name {
    font-weight: 600;
    max-width: 12rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .panel {
    position: absolute;
    top: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    margin: 0;
    min-width: 13rem;
    max-height: 18rem;
    overflow: auto;
    padding: 0.375rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }

  .views .panel {
    inset-inline-start: auto;
    inset-inline-end: 0;
    min-width: 17rem;
  }

  .option {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.3rem 0.4rem;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
    white-space: nowrap;
  }

  .option:hover {
    background: var(--_surface);
  }

  .option input {
    margin: 0;
    accent-color: var(--_accent);
  }

  .view-list {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
  }

  .view-list li {
    display: flex;
    gap: 0.25rem;
  }

  .view-apply {
    flex: 1;
    text-align: start;
    border-color: transparent;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .view-apply[aria-current='true'] {
    font-weight: 600;
    border-color: var(--_accent);
  }

  .icon-button {
    border-color: transparent;
    padding: 0.35rem 0.55rem;
  }

  .save-view {
    display: flex;
    align-items: flex-end;
    gap: 0.375rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }

  .save-view label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    flex: 1;
    font-size: 0.75rem;
    color: var(--_muted);
  }

  .save-view input {
    font: inherit;
    font-size: var(--_font-size);
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.4rem;
  }

  .copy-link {
    margin-top: 0.375rem;
    padding-inline: 0;
  }

  .muted {
    color: var(--_muted);
  }

  .panel p {
    margin: 0.25rem 0.4rem 0.5rem;
  }

  .connection {
    display: inline-flex;
    align-items: center;
    gap: 0.625rem;
    color: var(--_muted);
    font-size: 0.75rem;
    white-space: nowrap;
  }

  .updated time {
    font-variant-numeric: tabular-nums;
    color: var(--_text);
  }

  .pill {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.1rem 0.55rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_text);
    background: var(--_bg);
    font-weight: 600;
  }

  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_muted);
  }

  .pill-live .dot {
    background: var(--_success);
  }

  .pill-reconnecting .dot {
    background: var(--_warning);
  }

  .pill-offline .dot {
    background: var(--_danger);
  }

  /* ----- banner ----- */

  .banner.warning,
  .banner.danger {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.45rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_warning);
    background: color-mix(in srgb, var(--_warning) 12%, var(--_bg));
  }

  .banner.danger {
    border-inline-start-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_bg));
  }

  .spinner {
    width: 0.875rem;
    height: 0.875rem;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: sc-spin 0.9s linear infinite;
  }

  @keyframes sc-spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* ----- grid ----- */

  .frame {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    overflow-x: auto;
    overflow-y: hidden;
  }

  .grid {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    min-width: var(--sc-table-min-width, 68rem);
  }

  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    box-sizing: border-box;
  }

  .head {
    flex: none;
    overflow: hidden;
    scrollbar-gutter: stable;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }

  .header-row {
    height: var(--_header-height);
    /*
     * Columns wider than the head are clipped by the row itself, so the head never has a horizontal
     * scroll range: right-to-left, Chromium offsets that range by the scrollbar gutter and the header
     * would sit a gutter's width off the body's columns.
     */
    overflow: clip;
  }

  .head-cell {
    display: flex;
    align-items: stretch;
    /* A long label (some languages' words are longer) is cut with an ellipsis, never over its neighbour. */
    min-width: 0;
    padding: 0;
    font-weight: 600;
    font-size: 0.75rem;
  }

  .head-cell:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .head-label {
    display: flex;
    align-items: center;
    padding: 0 var(--_space);
  }

  button.sort {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    width: 100%;
    padding: 0 var(--_space);
    border: 0;
    border-radius: 0;
    background: transparent;
    font-weight: inherit;
    text-align: start;
  }

  button.sort,
  .head-label {
    min-width: 0;
    overflow: hidden;
  }

  button.sort > span:first-child,
  .head-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  button.sort:hover {
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }

  button.sort:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .numeric button.sort {
    justify-content: flex-end;
  }

  .sort-icon {
    color: var(--_muted);
    opacity: 0.55;
  }

  .sort-icon.sorted {
    color: var(--_accent);
    opacity: 1;
  }

  .body {
    position: relative;
    flex: 1;
    min-height: 0;
    overflow-x: hidden;
    overflow-y: auto;
    scrollbar-gutter: stable;
    contain: strict;
    container: rows / inline-size;
  }

  .probe {
    position: absolute;
    visibility: hidden;
    height: var(--_row-height);
    width: 1px;
  }

  .spacer-y {
    width: 1px;
  }

  .body-row,
  .skeleton {
    position: absolute;
    top: 0;
    inset-inline: 0;
    height: var(--_row-height);
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
    /* Fixed size, own layout and paint: a row's change never lays out or repaints another. */
    contain: strict;
    /* A definite row track: the grid sizes its cells without laying each out first to measure it. */
    grid-template-rows: 100%;
  }

  .body-row:hover {
    background: var(--_surface);
  }

  .grid:focus-within .body-row:focus-within {
    background: color-mix(in srgb, var(--_accent) 9%, var(--_bg));
  }

  .cell {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-width: 0;
    padding: 0 var(--_space);
    /*
     * Clipped, not hidden: no scroll container per cell and label (re-laying out rows of new text is
     * about a fifth cheaper, measured on a filter change), and focus never scrolls a cell's content.
     */
    overflow: clip;
    white-space: nowrap;
  }

  /* A header's sort button brings its own padding (the cell's would double it and narrow the label). */
  .head-cell.cell {
    padding: 0;
  }

  .body-row .cell:focus {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .clip {
    display: block;
    max-width: 100%;
    overflow: clip;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* The Monitoring column: the names clip, the "+N" after them stays whole. */
  .who-list {
    display: flex;
    align-items: baseline;
    gap: 0.3rem;
    min-width: 0;
  }
  .who-list .more {
    flex: none;
    font-weight: 600;
  }

  .primary {
    font-weight: 600;
  }

  .secondary {
    font-size: 0.75rem;
    color: var(--_muted);
  }

  .numeric {
    align-items: flex-end;
    font-variant-numeric: tabular-nums;
  }

  .c-channel,
  .c-monitoring,
  .c-queue,
  .c-sentiment {
    flex-direction: row;
    align-items: center;
    justify-content: flex-start;
    gap: 0.375rem;
  }

  .c-status {
    align-items: flex-start;
    gap: 0.1rem;
  }

  .presence-line,
  .over {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }

  .presence-line .icon,
  .over .icon {
    width: 12px;
    height: 12px;
  }

  .presence-available {
    color: var(--_success);
  }

  .presence-busy,
  .presence-busy-dnd {
    color: var(--_danger);
  }

  .presence-away {
    color: var(--_warning);
  }

  .over {
    color: var(--_warning);
    font-weight: 600;
  }

  .tag {
    display: inline-block;
    padding: 0 0.3rem;
    border: 1px solid currentColor;
    border-radius: 4px;
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.35;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }

  .badge {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.35;
  }

  .status-open {
    color: var(--_accent);
  }

  .status-active {
    color: var(--_success);
  }

  .status-waiting {
    color: var(--_warning);
  }

  .status-wrap-up,
  .status-other {
    color: var(--_muted);
  }

  .status-closed {
    color: var(--_muted);
    text-decoration: line-through;
  }

  .sentiment {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-width: 0;
  }

  .tone-negative {
    color: var(--_negative);
  }

  .tone-positive {
    color: var(--_positive);
  }

  .tone-neutral {
    color: var(--_neutral);
  }

  .strength-3 {
    font-weight: 600;
  }

  .actions-cell {
    justify-content: center;
    align-items: flex-start;
  }

  button.actions {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.2rem 0.55rem;
    font-size: 0.75rem;
  }

  button.actions[aria-expanded='true'] {
    border-color: var(--_accent);
  }

  /*
   * A row that just changed flashes: a highlight behind its content fades out. Only the opacity of
   * a layer of its own animates, which the compositor runs off the main thread; animating the row's
   * background restyled and repainted every flashing row in every frame (with the visible rows
   * changing 1,000 times a second, 2,851 against 2,623 ms of main thread in a 3 s trace). The row's
   * strict containment makes it a stacking context, so the layer sits above its background and below
   * its cells. Two identical animations, so that a second change restarts it.
   */
  .flash-0::after,
  .flash-1::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: -1;
    background: var(--_highlight);
    opacity: 0;
    pointer-events: none;
  }

  .flash-0::after {
    animation: sc-flash-0 1.2s ease-out;
  }

  .flash-1::after {
    animation: sc-flash-1 1.2s ease-out;
  }

  @keyframes sc-flash-0 {
    from {
      opacity: 1;
    }
  }

  @keyframes sc-flash-1 {
    from {
      opacity: 1;
    }
  }

  /* A closed conversation fades as it leaves (the service removes it after ~1.5 s). */
  .closing {
    animation: sc-leave 1.4s ease-in forwards;
    pointer-events: none;
  }

  @keyframes sc-leave {
    to {
      opacity: 0.3;
    }
  }

  /* ----- states ----- */

  .skeleton .cell {
    justify-content: center;
  }

  .bone {
    display: block;
    height: 0.625rem;
    width: 70%;
    border-radius: 4px;
    background: linear-gradient(
      90deg,
      var(--_surface) 0%,
      var(--_border) 50%,
      var(--_surface) 100%
    );
    background-size: 200% 100%;
    animation: sc-shimmer 1.4s ease-in-out infinite;
  }

  .skeleton:nth-child(3n) .bone {
    width: 50%;
  }

  .skeleton:nth-child(3n + 1) .bone {
    width: 85%;
  }

  @keyframes sc-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  .state {
    position: absolute;
    inset: var(--_header-height) 0 0 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    padding: 1rem;
    text-align: center;
    pointer-events: none;
  }

  .state.message {
    pointer-events: auto;
    background: var(--_bg);
  }

  .state p {
    margin: 0;
    color: var(--_muted);
    max-width: 36rem;
  }

  .state .title {
    color: var(--_text);
    font-weight: 600;
    font-size: 1rem;
  }

  .state button {
    margin-top: 0.5rem;
  }

  .state.error .title {
    color: var(--_danger);
  }

  /* ----- footer ----- */

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1.25rem;
    padding: 0.375rem 0.75rem;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 0 0 var(--_radius) var(--_radius);
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .row-count {
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  kbd {
    font: inherit;
    font-size: 0.75rem;
    padding: 0 0.3rem;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--_bg);
    color: var(--_text);
  }

  /* ----- actions menu ----- */

  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0.25rem;
    min-width: 16rem;
    max-width: 22rem;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
    font-size: var(--_font-size);
  }

  .menu-item {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.125rem 0.75rem;
    padding: 0.4rem 0.6rem;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }

  .menu-item:hover {
    background: var(--_surface);
  }

  .menu-item:focus {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
  }

  .menu-item.disabled {
    cursor: not-allowed;
  }

  .menu-item.disabled .menu-label {
    color: var(--_muted);
  }

  .reason {
    margin-top: -0.2rem;
    padding: 0 0.6rem 0.4rem;
    font-size: 0.75rem;
    color: var(--_muted);
    white-space: normal;
    cursor: not-allowed;
  }

  .cell-tip {
    position: absolute;
    z-index: 4;
    max-width: 28rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: var(--_shadow);
    white-space: normal;
    overflow-wrap: anywhere;
    pointer-events: none;
  }

  .cell-tip[hidden] {
    display: none;
  }

  /* ----- motion, forced colours ----- */

  @media (prefers-reduced-motion: reduce) {
    .flash-0::after,
    .flash-1::after,
    .bone,
    .spinner {
      animation: none;
    }

    .closing {
      animation: none;
      opacity: 0.45;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .tag,
    .pill,
    kbd {
      border-color: CanvasText;
    }

    .bone {
      background: CanvasText;
      animation: none;
    }

    .toggle[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .flash-0,
    .flash-1 {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }

    /* The outline marks the change; a system colour would cover the row's text as it fades. */
    .flash-0::after,
    .flash-1::after {
      display: none;
    }

    .menu-item.disabled .menu-label {
      color: GrayText;
    }
  }
`;

export const styles = [tokens, buttonStyles, table, attentionStyles];
