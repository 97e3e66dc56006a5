import type { TargetRef } from '../adapters/backend-adapter.js';
import type { AssignOverrides } from '../domain/index.js';
import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-assigned`. */
export interface AssignedDetail {
  readonly conversationId: string;
  readonly target: TargetRef;
  readonly overrides: AssignOverrides;
  /** The service's final outcome (status `succeeded`). */
  readonly outcome: CommandOutcome;
}

/**
 * Fired by `<assign-dialog>` after the backend confirmed the assignment.
 */
export class AssignedEvent extends Event {
  static readonly eventName = 'sc-assigned';
  readonly detail: AssignedDetail;

  constructor(detail: AssignedDetail) {
    super(AssignedEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-assigned': AssignedEvent;
  }
}
