import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-command-failed`. */
export interface CommandFailedDetail {
  readonly conversationId: string;
  /** The refused or failed outcome, with its typed `error`. */
  readonly outcome: CommandOutcome;
  /** The explanation the element showed (a role error carries the reference page's guidance). */
  readonly message: string;
}

/**
 * Fired by the dialogs and the monitor panel when a command they ran was refused by the rules or
 * failed at the backend.
 */
export class CommandFailedEvent extends Event {
  static readonly eventName = 'sc-command-failed';
  readonly detail: CommandFailedDetail;

  constructor(detail: CommandFailedDetail) {
    super(CommandFailedEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-command-failed': CommandFailedEvent;
  }
}
