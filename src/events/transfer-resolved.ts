/** Detail of `sc-transfer-resolved`. */
export interface TransferResolvedDetail {
  readonly conversationId: string;
  /** The target's answer. */
  readonly outcome: 'accepted' | 'rejected';
  /** Who answered (the transfer's target). */
  readonly toRepresentativeId: string | null;
  /** Epoch milliseconds of the answer. */
  readonly at: number;
}

/**
 * Fired by `<transfer-dialog>` when the target of a transfer it requested accepts or rejects it, even if
 * the dialog was closed meanwhile. Accepted: the target is the primary, the former representative a
 * consultant. Rejected: the former representative stays the primary.
 */
export class TransferResolvedEvent extends Event {
  static readonly eventName = 'sc-transfer-resolved';
  readonly detail: TransferResolvedDetail;

  constructor(detail: TransferResolvedDetail) {
    super(TransferResolvedEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-transfer-resolved': TransferResolvedEvent;
  }
}
