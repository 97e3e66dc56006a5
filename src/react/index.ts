/**
 * React wrappers (`supervisor-console/react`), made with `@lit/react`: one component per element,
 * named like the element's class. Each registers its element under the default tag name. Element
 * properties are props (objects too: `service`, `filter`, `simulatorOptions`); each event is a typed
 * `on…` prop (`sc-assigned` → `onScAssigned`). Needs `react` and `@lit/react` (optional peers).
 */
export { AssignDialog } from './assign-dialog.js';
export { TransferDialog } from './transfer-dialog.js';
export { ForceCloseDialog } from './force-close-dialog.js';
export { BulkActionDialog } from './bulk-action-dialog.js';
export { MonitorPanel } from './monitor-panel.js';
export { RepresentativesBoard } from './representatives-board.js';
export { OngoingConversationsTable } from './ongoing-conversations-table.js';
export { SupervisorConsole } from './supervisor-console.js';
export { eventName } from './event-name.js';
