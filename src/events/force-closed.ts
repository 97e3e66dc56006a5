import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-force-closed`. */
export interface ForceClosedDetail {
  readonly conversationId: string;
  /** The service's final outcome (status `succeeded`). */
  readonly outcome: CommandOutcome;
}

/**
 * Fired by `<force-close-dialog>` after the backend closed the conversation.
 */
export class ForceClosedEvent extends Event {
  static readonly eventName = 'sc-force-closed';
  readonly detail: ForceClosedDetail;

  constructor(detail: ForceClosedDetail) {
    super(ForceClosedEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-force-closed': ForceClosedEvent;
  }
}
