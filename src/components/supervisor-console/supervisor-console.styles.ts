import { css } from 'lit';

export const supervisorConsoleStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  :host([theme='light']) {
    --sc-color-scheme: light;
  }
  :host([theme='dark']) {
    --sc-color-scheme: dark;
  }

  .console {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'toolbar' 'board' 'table' 'activity';
    gap: 0.75rem;
    color: var(--_text);
  }
  .console.with-side {
    grid-template-columns: minmax(0, 1fr) var(--sc-console-side-width, 23rem);
    grid-template-areas:
      'toolbar toolbar'
      'board side'
      'table side'
      'activity side';
  }
  .toolbar {
    grid-area: toolbar;
  }
  representatives-board {
    grid-area: board;
  }
  ongoing-conversations-table {
    grid-area: table;
    min-width: 0;
  }
  .with-side ongoing-conversations-table {
    /* Narrower beside the panel: denser column tracks (the table scrolls sideways below them). */
    --sc-table-min-width: 0;
    --sc-table-columns: var(
      --sc-console-compact-columns,
      minmax(8rem, 2fr) 5.75rem 5.75rem minmax(7rem, 1.4fr) minmax(5.5rem, 1fr) 4.5rem 4.75rem
        7.25rem minmax(5.5rem, 0.8fr) 5.75rem
    );
  }
  .activity {
    grid-area: activity;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .toolbar ::slotted(*) {
    margin-inline-start: auto;
  }
  .connection {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
    padding: 0.25rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
  }
  .connection .dot {
    inline-size: 0.6rem;
    block-size: 0.6rem;
    border-radius: 50%;
    background: var(--_muted);
  }
  .connection.live .dot {
    background: var(--_success);
  }
  .connection.reconnecting .dot {
    background: var(--_warning);
  }
  .connection.offline .dot {
    background: var(--_danger);
  }
  .connection .state {
    font-weight: 600;
  }
  .connection .message,
  .connection .updated,
  .connection .problems {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .connection .problems {
    color: var(--_warning);
  }

  representatives-board {
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .side {
    grid-area: side;
    align-self: start;
    position: sticky;
    top: 0.5rem;
    max-block-size: calc(100vh - 1rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .activity {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
    gap: 0.75rem;
  }
  .transfers,
  .log {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.6rem 0.75rem;
    min-width: 0;
  }
  h2 {
    margin: 0 0 0.4rem;
    font-size: 0.95rem;
  }
  .empty {
    margin: 0;
    color: var(--_muted);
  }
  .transfers ul,
  /* The log scrolls as a whole and is a tab stop, so a long log can be read by keyboard. */
  .log [role='log'] {
    max-block-size: 12rem;
    overflow: auto;
  }
  .log ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .transfers li,
  .log li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.6rem;
    padding: 0.3rem 0;
    border-top: 1px solid var(--_border);
  }
  .transfers li:first-child,
  .log li:first-child {
    border-top: 0;
  }
  .transfers .waiting {
    color: var(--_warning);
    font-weight: 600;
  }
  .transfers .waiting time {
    font-variant-numeric: tabular-nums;
  }
  .transfers .accepted .answer {
    color: var(--_success);
    font-weight: 600;
  }
  .transfers .rejected .answer {
    color: var(--_danger);
    font-weight: 600;
  }
  .log time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .log .failed span,
  .log .refused span,
  .log .rejected span {
    color: var(--_danger);
  }
  .log .succeeded span,
  .log .accepted span {
    color: var(--_success);
  }

  @container (max-width: 62rem) {
    .console.with-side {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'toolbar' 'board' 'side' 'table' 'activity';
    }
    .activity {
      grid-template-columns: minmax(0, 1fr);
    }
    .side {
      position: static;
      max-block-size: none;
    }
  }
`;
