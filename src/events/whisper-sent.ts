import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-whisper-sent`. */
export interface WhisperSentDetail {
  readonly conversationId: string;
  /** The whisper as it was sent (trimmed). */
  readonly text: string;
  readonly outcome: CommandOutcome;
}

/**
 * Fired by `<monitor-panel>` after the backend accepted a whisper: the representative sees it, the
 * customer never does.
 */
export class WhisperSentEvent extends Event {
  static readonly eventName = 'sc-whisper-sent';
  readonly detail: WhisperSentDetail;

  constructor(detail: WhisperSentDetail) {
    super(WhisperSentEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-whisper-sent': WhisperSentEvent;
  }
}
