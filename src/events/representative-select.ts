/** Detail of `sc-representative-select`. */
export interface RepresentativeSelectDetail {
  /** The selected representative, or `null` when the selection was cleared. */
  readonly representativeId: string | null;
}

/**
 * Fired by `<representatives-board>` when the supervisor selects a representative (or clears the
 * selection). The console filters the conversations table to that representative's conversations.
 */
export class RepresentativeSelectEvent extends Event {
  static readonly eventName = 'sc-representative-select';
  readonly detail: RepresentativeSelectDetail;

  constructor(detail: RepresentativeSelectDetail) {
    super(RepresentativeSelectEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: false,
    });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-representative-select': RepresentativeSelectEvent;
  }
}
