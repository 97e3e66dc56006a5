/** Detail of `sc-whisper-request`. */
export interface WhisperRequestDetail {
  readonly conversationId: string;
  /** The whisper as it will be sent (trimmed). */
  readonly text: string;
}

/**
 * Fired by `<monitor-panel>` when the supervisor sends a whisper, before the service is called.
 * Cancelable: `preventDefault()` sends nothing and keeps the text in the composer.
 */
export class WhisperRequestEvent extends Event {
  static readonly eventName = 'sc-whisper-request';
  readonly detail: WhisperRequestDetail;

  constructor(detail: WhisperRequestDetail) {
    super(WhisperRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-whisper-request': WhisperRequestEvent;
  }
}
