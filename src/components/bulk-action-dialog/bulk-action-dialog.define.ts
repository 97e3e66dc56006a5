import { defineElement } from '../../internal/define.js';
import { BulkActionDialog } from './bulk-action-dialog.js';

defineElement('bulk-action-dialog', BulkActionDialog);

declare global {
  interface HTMLElementTagNameMap {
    'bulk-action-dialog': BulkActionDialog;
  }
}
