/**
 * The life cycle of an element's native modal `<dialog>`, shared by every dialog element: it calls
 * `showModal()` when the host's `open` becomes true and `close()` when it becomes false, moves focus
 * into the dialog when it opens or when its content changes step (a button that had focus may be
 * gone), and gives focus back to the element that opened it when it closes, Escape included.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './focus.js';

/** What the controller needs of its element. */
export interface ModalDialogHost extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ModalDialogController implements ReactiveController {
  /** Where focus goes back when the dialog closes (set by `show()`, else noted when it opens). */
  opener: HTMLElement | null = null;
  private wasOpen = false;
  private lastStep: unknown = undefined;

  /**
   * @param dialog the rendered `<dialog>` (or `null` before the first render)
   * @param step the host's current step: focus moves into the dialog when it changes
   */
  constructor(
    private readonly host: ModalDialogHost,
    private readonly dialog: () => HTMLDialogElement | null,
    private readonly step: () => unknown = () => undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    // Opened by the attribute or property rather than by show(): focus returns where it was.
    if (this.host.open && !this.wasOpen && !this.opener) this.opener = deepActiveElement();
  }

  hostUpdated(): void {
    const open = this.host.open;
    const openChanged = open !== this.wasOpen;
    this.wasOpen = open;
    const step = this.step();
    const stepChanged = step !== this.lastStep;
    this.lastStep = step;
    const dialog = this.dialog();
    if (!dialog) return;
    if (stepChanged && open && dialog.open && !(this.host.renderRoot as ShadowRoot).activeElement) {
      this.focusInitial();
    }
    if (!openChanged) return;
    if (open && !dialog.open && this.host.isConnected) {
      dialog.showModal();
      this.focusInitial();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }

  hostDisconnected(): void {
    this.host.open = false;
  }

  /** Moves focus into the dialog: a marked element, else the first choice, else the first button. */
  focusInitial(): void {
    const root = this.host.renderRoot;
    const first =
      root.querySelector<HTMLElement>('[data-initial-focus]') ??
      root.querySelector<HTMLElement>('.body input:not(:disabled)') ??
      root.querySelector<HTMLElement>('.footer button');
    first?.focus();
  }

  /** The `<dialog>`'s `close` event handler. */
  readonly onClose = (): void => {
    // The native `close` event is queued: when `close()` and `show()` ran back to back, it arrives
    // after the dialog opened again and must not close it.
    if (this.dialog()?.open) return;
    this.host.open = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };
}
