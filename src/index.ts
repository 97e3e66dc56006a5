/**
 * The supervisor console library. Importing this module registers nothing: element classes are
 * exported for hosts that register them under their own tag names; `define` entries register them.
 */
export * from './domain/index.js';
export * from './service/index.js';
export * from './adapters/index.js';
export * from './context/supervisor-context.js';
export * from './controllers/observable-controller.js';
export * from './events/index.js';
export * from './i18n/index.js';
export { CommandDialog } from './components/shared/command-dialog.js';
export type { DialogPhase, ShowOptions } from './components/shared/command-dialog.js';
export { OngoingConversationsTable } from './components/ongoing-conversations-table/ongoing-conversations-table.js';
export type { SavedView, TableView } from './components/ongoing-conversations-table/saved-views.js';
export type { TableThresholds } from './components/ongoing-conversations-table/attention.js';
export {
  decodeTableThresholds,
  encodeTableThresholds,
  normalizeTableThresholds,
} from './components/ongoing-conversations-table/attention.js';
export { AssignDialog } from './components/assign-dialog/assign-dialog.js';
export { TransferDialog } from './components/transfer-dialog/transfer-dialog.js';
export { ForceCloseDialog } from './components/force-close-dialog/force-close-dialog.js';
export { BulkActionDialog } from './components/bulk-action-dialog/bulk-action-dialog.js';
export type {
  BulkDialogRequest,
  BulkDialogStep,
} from './components/bulk-action-dialog/bulk-action-dialog.js';
export { MonitorPanel, DEFAULT_MONITOR_NOTICE } from './components/monitor-panel/monitor-panel.js';
export { RepresentativesBoard } from './components/representatives-board/representatives-board.js';
export { SupervisorConsole } from './components/supervisor-console/supervisor-console.js';
export type { LogEntry } from './components/supervisor-console/supervisor-console.js';
