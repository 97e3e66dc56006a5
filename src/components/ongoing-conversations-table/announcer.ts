/**
 * Polite screen-reader announcements through one live region the element renders (`role=status`).
 * The text is written straight into the region, never through a re-render; clearing it first makes a
 * repeated message be read again.
 */
export class LiveAnnouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** @param region finds the live region (it may not be rendered yet) */
  constructor(private readonly region: () => HTMLElement | null | undefined) {}

  announce(text: string): void {
    const live = this.region();
    if (!live) return;
    live.textContent = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      live.textContent = text;
    }, 50);
  }

  /** Cancels a pending announcement. */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
