import { defineElement } from '../../internal/define.js';
import { SupervisorConsole } from './supervisor-console.js';

defineElement('supervisor-console', SupervisorConsole);

declare global {
  interface HTMLElementTagNameMap {
    'supervisor-console': SupervisorConsole;
  }
}
