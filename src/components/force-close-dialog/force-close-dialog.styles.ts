import { css } from 'lit';

/** `<force-close-dialog>`'s own additions to the shared dialog styles. */
export const forceCloseDialogStyles = css`
  .danger-zone {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  .question {
    font-size: 1rem;
  }
`;
