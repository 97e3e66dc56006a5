import type { TargetRef } from '../adapters/backend-adapter.js';
import type { AssignOverrides, Conversation } from '../domain/index.js';

/** Detail of `sc-assign-request`. */
export interface AssignRequestDetail {
  readonly conversationId: string;
  /** The conversation as the supervisor saw it when confirming. */
  readonly conversation: Conversation;
  /** The chosen representative or queue. */
  readonly target: TargetRef;
  /** The overrides the supervisor ticked (only those the target needs). */
  readonly overrides: AssignOverrides;
}

/**
 * Fired by `<assign-dialog>` when the supervisor confirms, before the service is called. Cancelable: a
 * host that calls `preventDefault()` vetoes the assignment (the dialog stays on its choice).
 */
export class AssignRequestEvent extends Event {
  static readonly eventName = 'sc-assign-request';
  readonly detail: AssignRequestDetail;

  constructor(detail: AssignRequestDetail) {
    super(AssignRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-assign-request': AssignRequestEvent;
  }
}
