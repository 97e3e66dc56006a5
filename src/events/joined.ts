import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-joined`. */
export interface JoinedDetail {
  readonly conversationId: string;
  readonly outcome: CommandOutcome;
}

/**
 * Fired by `<monitor-panel>` after the supervisor joined: the representative and the customer see them.
 */
export class JoinedEvent extends Event {
  static readonly eventName = 'sc-joined';
  readonly detail: JoinedDetail;

  constructor(detail: JoinedDetail) {
    super(JoinedEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-joined': JoinedEvent;
  }
}
