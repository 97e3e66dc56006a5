import { css } from 'lit';

export const representativesBoardStyles = css`
  :host {
    display: block;
    background: var(--_bg);
    color: var(--_text);
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 1rem;
  }
  h2 {
    margin: 0;
    font-size: 0.95rem;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .summary li {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .summary li span {
    color: var(--_text);
  }
  .summary strong {
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }
  .search {
    margin-inline-start: auto;
  }
  .search input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.5rem;
    inline-size: 13rem;
  }
  .search input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .clear {
    font-size: 0.8125rem;
  }
  .empty {
    margin: 0;
    color: var(--_muted);
  }
  .more {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .cards {
    list-style: none;
    margin: 0;
    padding: 2px;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--sc-board-card-width, 13rem), 1fr));
    gap: 0.4rem;
    max-block-size: var(--sc-board-max-height, 14rem);
    overflow: auto;
  }
  .cards li {
    min-width: 0;
  }
  .card {
    inline-size: 100%;
    text-align: start;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15rem 0.5rem;
    padding: 0.4rem 0.55rem;
    background: var(--_surface);
  }
  .card[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  }
  .name {
    grid-column: 1 / -1;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .ai {
    grid-column: 1 / -1;
    margin-top: -0.15rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .presence {
    /* The whole width: the conversation count's column must not squeeze a long presence label. */
    grid-column: 1 / -1;
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-size: 0.8125rem;
  }
  .presence .icon {
    flex: none;
  }
  .presence-text {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_text);
  }
  .count {
    grid-column: 2;
    justify-self: end;
    align-self: center;
    white-space: nowrap;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .bar {
    grid-column: 1 / -1;
    block-size: 0.4rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_border) 70%, transparent);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    background: var(--_accent);
    border-radius: inherit;
  }
  .over .fill {
    background: var(--_danger);
  }
  .capacity {
    grid-column: 1 / -1;
    font-size: 0.75rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .capacity strong {
    color: var(--_danger);
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
`;
