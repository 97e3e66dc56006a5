import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-left`. */
export interface LeftDetail {
  readonly conversationId: string;
  readonly outcome: CommandOutcome;
}

/**
 * Fired by `<monitor-panel>` after the supervisor left the conversation (monitoring goes on, silently).
 */
export class LeftEvent extends Event {
  static readonly eventName = 'sc-left';
  readonly detail: LeftDetail;

  constructor(detail: LeftDetail) {
    super(LeftEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-left': LeftEvent;
  }
}
