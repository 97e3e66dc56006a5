import { css } from 'lit';

/** `<transfer-dialog>`'s own additions to the shared dialog styles. */
export const transferDialogStyles = css`
  .consultant {
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .elapsed {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    margin-inline-start: 0.35rem;
  }
`;
