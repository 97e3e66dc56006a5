import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Binds an Observable to a Lit host: subscribes when the host connects, unsubscribes when it
 * disconnects, and re-renders the host on every value. The source may be swapped at any time
 * (e.g. when a context provides a new service): the controller follows it.
 *
 * @example
 * private readonly view = new ObservableController(this, () => this.service?.view$(this.query));
 * render() { return html`${this.view.value?.rows.length}`; }
 */
export class ObservableController<T> implements ReactiveController {
  /** The latest value, or `undefined` before the first one. */
  value: T | undefined;
  /** The source's error, if it failed. */
  error: unknown = undefined;

  private readonly host: ReactiveControllerHost;
  private readonly getSource: () => Observable<T> | undefined | null;
  private source: Observable<T> | undefined | null = undefined;
  private subscription: Subscription | undefined;
  private connected = false;

  /**
   * @param host the element to update
   * @param source the observable, or a function giving it (read again on `refresh()` and on connect)
   * @param initial a value to show before the source emits
   */
  constructor(
    host: ReactiveControllerHost,
    source: Observable<T> | (() => Observable<T> | undefined | null),
    initial?: T,
  ) {
    this.host = host;
    this.getSource = typeof source === 'function' ? source : () => source;
    this.value = initial;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(this.getSource());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
    this.source = undefined;
  }

  /** Re-reads the source function; subscribes to the new observable if it changed. */
  refresh(): void {
    if (this.connected) this.follow(this.getSource());
  }

  /** Is the controller subscribed to a source now? */
  get subscribed(): boolean {
    return this.subscription !== undefined && !this.subscription.closed;
  }

  private follow(next: Observable<T> | undefined | null): void {
    if (next === this.source && this.subscribed) return;
    this.unsubscribe();
    this.source = next;
    if (!next) return;
    this.subscription = next.subscribe({
      next: (value) => {
        this.value = value;
        this.host.requestUpdate();
      },
      error: (err: unknown) => {
        this.error = err;
        this.host.requestUpdate();
      },
    });
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}
