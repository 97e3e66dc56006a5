import { defineElement } from '../../internal/define.js';
import { AssignDialog } from './assign-dialog.js';

defineElement('assign-dialog', AssignDialog);

declare global {
  interface HTMLElementTagNameMap {
    'assign-dialog': AssignDialog;
  }
}
