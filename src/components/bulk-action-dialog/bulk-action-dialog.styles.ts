import { css } from 'lit';

/** `<bulk-action-dialog>`'s own additions to the shared dialog styles. */
export const bulkActionDialogStyles = css`
  .summary-block .sentence {
    margin: 0;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.35rem 0 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .has-failures {
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .progress-label {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
  }

  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--sc-bulk-list-height, 18rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .rows .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.15rem 0.6rem;
    align-items: baseline;
    padding: 0.45rem 0.65rem;
  }
  .rows .row + .row {
    border-top: 1px solid var(--_border);
  }
  .rows .channel {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .rows .what,
  .rows .why {
    grid-column: 1 / -1;
    font-size: 0.8125rem;
  }
  .rows .why {
    color: var(--_text);
  }
  .rows .row.refused .what,
  .rows .row.pending .what {
    color: var(--_muted);
  }
  .rows .row .badge {
    justify-self: end;
    font-size: 0.75rem;
    padding: 0.05rem 0.45rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    white-space: nowrap;
  }
  .rows .row.allowed .badge,
  .rows .row.succeeded .badge {
    border-color: var(--_success);
    color: var(--_success);
  }
  .rows .row.refused .badge {
    border-color: var(--_warning);
    color: var(--_warning);
  }
  .rows .row.failed {
    border-inline-start: 4px solid var(--_danger);
  }
  .rows .row.failed .badge {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .rows .row.pending .badge {
    color: var(--_muted);
  }

  .danger-zone {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
`;
