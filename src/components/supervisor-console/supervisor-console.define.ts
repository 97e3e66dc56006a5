// The console composes these elements: register them with it.
import '../assign-dialog/assign-dialog.define.js';
import '../bulk-action-dialog/bulk-action-dialog.define.js';
import '../force-close-dialog/force-close-dialog.define.js';
import '../monitor-panel/monitor-panel.define.js';
import '../ongoing-conversations-table/ongoing-conversations-table.define.js';
import '../representatives-board/representatives-board.define.js';
import '../transfer-dialog/transfer-dialog.define.js';
import { defineElement } from '../../internal/define.js';
import { SupervisorConsole } from './supervisor-console.js';

defineElement('supervisor-console', SupervisorConsole);

declare global {
  interface HTMLElementTagNameMap {
    'supervisor-console': SupervisorConsole;
  }
}
