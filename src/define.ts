/**
 * Registers every element under its default tag name. Import it once (or a single element's
 * `components/<name>/<name>.define.js`) for the side effect.
 */
import './components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import './components/assign-dialog/assign-dialog.define.js';
import './components/transfer-dialog/transfer-dialog.define.js';
import './components/force-close-dialog/force-close-dialog.define.js';
import './components/bulk-action-dialog/bulk-action-dialog.define.js';
import './components/monitor-panel/monitor-panel.define.js';
import './components/representatives-board/representatives-board.define.js';
import './components/supervisor-console/supervisor-console.define.js';
