import type { TargetRef } from '../adapters/backend-adapter.js';
import type { Conversation } from '../domain/index.js';

/** The row actions a supervisor can ask for from the table. */
export type ConversationAction = 'monitor' | 'assign' | 'transfer' | 'forceClose';

/** Detail of `sc-action-request`. */
export interface ActionRequestDetail {
  readonly action: ConversationAction;
  readonly conversationId: string;
  /** The conversation as the supervisor saw it when asking. */
  readonly conversation: Conversation;
  /**
   * The target already chosen, when the request is a one-step suggestion (a stuck conversation's
   * "Reassign to …": `transfer` to that representative). Absent: the host lets the supervisor choose
   * (the console opens the dialog); present: the console sends the command directly.
   */
  readonly target?: TargetRef;
}

/**
 * Fired by `<ongoing-conversations-table>` when the supervisor picks a row action, before anything
 * happens. Cancelable: a host that calls `preventDefault()` vetoes it (the console then opens no dialog).
 */
export class ActionRequestEvent extends Event {
  static readonly eventName = 'sc-action-request';
  readonly detail: ActionRequestDetail;

  constructor(detail: ActionRequestDetail) {
    super(ActionRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-action-request': ActionRequestEvent;
  }
}
