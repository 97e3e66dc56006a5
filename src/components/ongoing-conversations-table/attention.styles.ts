import { css } from 'lit';

/** The "Alerts" panel, the marks of alerting rows and a stuck row's one-step button. */
export const attentionStyles = css`
  /* ----- the Alerts panel ----- */

  .alerts .panel {
    min-width: 17rem;
    max-height: none;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.5rem 0.625rem 0.625rem;
  }

  .alerts .alert-count {
    background: var(--_warning);
    color: var(--_bg);
  }

  .alerts-panel .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.75rem;
  }

  .alerts-panel input[type='number'],
  .alerts-panel select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.4rem;
    inline-size: 100%;
    box-sizing: border-box;
  }

  .alerts-panel .option {
    padding-inline: 0;
  }

  .alerts-panel p.alerts-intro,
  .alerts-panel p.hint {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_muted);
    white-space: normal;
  }

  /* ----- marked rows ----- */

  .body-row.alerting::before {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: 3px;
    background: var(--_warning);
  }

  .body-row.stuck::before {
    background: var(--_danger);
  }

  /* The mark beside the name and subject (the cell's children, in one grid). */
  .body-row.alerting > .c-customer {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    align-content: center;
    column-gap: 0.375rem;
  }

  .alert-mark {
    grid-row: 1 / span 2;
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    padding: 0.05rem 0.35rem;
    border: 1px solid currentColor;
    border-radius: 4px;
    color: var(--_warning);
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }

  .alert-mark.stuck-mark {
    color: var(--_danger);
  }

  .alert-mark .icon {
    width: 12px;
    height: 12px;
  }

  /* A narrow table (e.g. beside the monitor panel) keeps the customer's name: the mark shows its
     icon only (each kind has its own shape; the description stays for screen readers). */
  @container rows (max-width: 72rem) {
    .alert-word {
      display: none;
    }
  }

  .absent {
    color: var(--_warning);
    font-weight: 400;
  }

  button.reassign {
    align-self: flex-start;
    max-width: 100%;
    padding: 0 0.4rem;
    font-size: 0.75rem;
    line-height: 1.4;
    border-color: var(--_accent);
    color: var(--_accent);
    white-space: nowrap;
  }

  button.reassign:hover {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
  }

  .reassign-line {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-width: 0;
    font-size: 0.75rem;
  }

  @media (forced-colors: active) {
    .body-row.alerting::before {
      background: CanvasText;
    }

    .alert-mark,
    button.reassign {
      border-color: CanvasText;
    }
  }
`;
