import { defineElement } from '../../internal/define.js';
import { TransferDialog } from './transfer-dialog.js';

defineElement('transfer-dialog', TransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'transfer-dialog': TransferDialog;
  }
}
