import { css } from 'lit';

/** The look shared by the intervention dialogs (`CommandDialog` subclasses). */
export const dialogStyles = css`
  :host {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    width: min(var(--sc-dialog-width, 36rem), calc(100vw - 2rem));
    max-height: min(var(--sc-dialog-max-height, 44rem), calc(100vh - 2rem));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font: inherit;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: var(--sc-dialog-backdrop, rgb(15 20 25 / 0.45));
  }

  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: 1rem 1.25rem 0.25rem;
  }
  .title {
    flex: 1;
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .close {
    display: inline-grid;
    place-items: center;
    padding: 0.25rem;
    border-color: transparent;
    background: transparent;
    line-height: 0;
  }

  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: 0.25rem 1.25rem 1rem;
    /* A name with no break opportunity (a hostile or generated one) wraps instead of widening the body. */
    overflow-wrap: anywhere;
  }
  .body > * {
    margin: 0;
  }
  .body > * + * {
    margin-top: 0.75rem;
  }
  .body > .status:empty {
    margin-top: 0;
  }
  .status > * + * {
    margin-top: 0.5rem;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
    padding: 0.75rem 1.25rem;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 0 0 calc(var(--_radius) * 2) calc(var(--_radius) * 2);
  }
  .footer .hint {
    flex: 1 1 12rem;
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .summary {
    color: var(--_muted);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .summary strong {
    color: var(--_text);
  }
  .summary .icon {
    vertical-align: -3px;
  }

  .notice {
    padding: 0.6rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .notice.warning {
    border-color: var(--_warning);
  }
  .notice.error {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  .notice.success {
    border-color: var(--_success);
    border-inline-start-width: 4px;
  }
  .notice.pending {
    display: flex;
    align-items: center;
    gap: 0.6rem;
  }
  .notice p {
    margin: 0;
  }
  .notice p + p {
    margin-top: 0.35rem;
  }

  /* Selectors as specific as ".notice p", whose zero margin would otherwise win. */
  .notice .conflict {
    margin-top: 0.35rem;
  }
  .notice .conflict > * {
    margin: 0;
  }
  .notice .conflict > * + * {
    margin-top: 0.4rem;
  }
  .conflict-headline {
    font-weight: 600;
  }
  .conflict-changes {
    padding-inline-start: 1.25rem;
  }
  .conflict-changes li + li {
    margin-top: 0.15rem;
  }

  .spinner {
    flex: none;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.35rem;
    font-weight: 600;
  }

  .search {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-bottom: 0.5rem;
  }
  .search input {
    flex: 1;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.5rem;
  }
  .search input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }

  .options {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--sc-dialog-list-height, 17rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .options li + li {
    border-top: 1px solid var(--_border);
  }
  .option {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.1rem 0.6rem;
    align-items: center;
    padding: 0.45rem 0.65rem;
    cursor: pointer;
  }
  .option:has(input:checked) {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  }
  .option:has(input:disabled) {
    cursor: not-allowed;
    color: var(--_muted);
  }
  .option input {
    grid-row: span 2;
    margin: 0;
    accent-color: var(--_accent);
  }
  .option .name {
    font-weight: 600;
  }
  .option .meta {
    grid-column: 2 / span 2;
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 0.75rem;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .option .meta .icon {
    vertical-align: -3px;
  }
  .option .why {
    color: var(--_warning);
  }
  .option .fits {
    color: var(--_success);
  }
  .badge {
    justify-self: end;
    font-size: 0.75rem;
    padding: 0.05rem 0.45rem;
    border-radius: 999px;
    border: 1px solid var(--_accent);
    color: var(--_accent);
    white-space: nowrap;
  }
  .more {
    color: var(--_muted);
    font-size: 0.8125rem;
    margin: 0.35rem 0 0;
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
  .presence-offline,
  .presence-custom {
    color: var(--_muted);
  }

  .checks {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
  }
  .checks legend {
    padding: 0 0.3rem;
    margin-inline-start: -0.3rem;
  }
  .checks label {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
  }
  .checks input {
    accent-color: var(--_accent);
  }
  .excess {
    font-weight: 600;
    color: var(--_danger);
  }

  .segmented {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segmented label {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.3rem 0.75rem;
    cursor: pointer;
  }
  .segmented label + label {
    border-inline-start: 1px solid var(--_border);
  }
  .segmented label:has(input:checked) {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    font-weight: 600;
  }
  .segmented input {
    margin: 0;
    accent-color: var(--_accent);
  }
`;
