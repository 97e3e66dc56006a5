import { css } from 'lit';

/** `<assign-dialog>`'s own additions to the shared dialog styles. */
export const assignDialogStyles = css`
  .excess {
    margin: 0;
  }
  .excess-detail {
    font-weight: normal;
    color: var(--_muted);
  }
`;
