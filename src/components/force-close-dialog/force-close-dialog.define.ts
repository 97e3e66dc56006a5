import { defineElement } from '../../internal/define.js';
import { ForceCloseDialog } from './force-close-dialog.js';

defineElement('force-close-dialog', ForceCloseDialog);

declare global {
  interface HTMLElementTagNameMap {
    'force-close-dialog': ForceCloseDialog;
  }
}
