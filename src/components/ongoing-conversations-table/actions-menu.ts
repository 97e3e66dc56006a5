/**
 * The row actions menu: one `role=menu` popover for the whole table, opened on a row's Actions
 * button, by Enter on the row, or by the keyboard. Items follow the ARIA menu pattern (arrows,
 * Home/End, Enter/Space, Escape, the shortcut letters). A disabled action stays in the menu, focusable,
 * with `aria-disabled` and its reason as title and accessible description. The host decides what an
 * allowed action does (it fires `sc-action-request`).
 */
import { msg, str } from '@lit/localize';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Conversation, RuleContext } from '../../domain/index.js';
import type { ConversationAction } from '../../events/action-request.js';
import { actionForKey, rowActions, type RowAction } from './row-actions.js';

/** What the menu needs from the table. */
export interface ActionsMenuHost extends ReactiveControllerHost {
  /** The conversation as shown now (the menu follows live changes), or `undefined` once it left. */
  menuConversation(id: string): Conversation | undefined;
  menuRules(): RuleContext;
  /** The element to place the menu by (the row's Actions button). */
  menuAnchor(id: string): HTMLElement | null;
  /** The menu closed; `restoreFocus`: put focus back on the row's actions cell. */
  menuClosed(id: string, restoreFocus: boolean): void;
  /** An allowed action was picked (the menu has closed already). */
  menuActivate(conversation: Conversation, action: ConversationAction): void;
  /** Tells screen-reader users something (why an action is unavailable). */
  announce(text: string): void;
}

export class ActionsMenuController implements ReactiveController {
  /** The conversation whose menu is open, or `null`. */
  openFor: string | null = null;

  private readonly host: ActionsMenuHost;
  private element: HTMLElement | null = null;
  private focusIndex = 0;
  private opening = false;
  private closedFor: string | null = null;
  private closedAt = 0;

  constructor(host: ActionsMenuHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (this.opening) {
      this.opening = false;
      this.show();
    }
  }

  /** Opens the menu of a conversation, focusing its first allowed action. */
  open(id: string): void {
    const c = this.host.menuConversation(id);
    if (!c) return;
    const actions = rowActions(this.host.menuRules(), c);
    this.focusIndex = Math.max(
      0,
      actions.findIndex((a) => a.allowed),
    );
    this.openFor = id;
    this.opening = true;
    this.host.requestUpdate();
  }

  /**
   * For a click on a row's Actions button: opens, or closes when it is open for that row. A click
   * right after the popover's light dismiss (on the same button) only closes.
   */
  toggle(id: string): void {
    const justClosed = this.closedFor === id && performance.now() - this.closedAt < 300;
    if (this.openFor === id || justClosed) this.close(false);
    else this.open(id);
  }

  /** Closes the menu. */
  close(restoreFocus: boolean): void {
    const id = this.openFor;
    if (this.element?.matches(':popover-open')) this.element.hidePopover();
    this.openFor = null;
    this.host.requestUpdate();
    if (id) this.host.menuClosed(id, restoreFocus);
  }

  /** Renders the menu element (hidden unless open). */
  render(): TemplateResult {
    const c = this.openFor ? this.host.menuConversation(this.openFor) : undefined;
    const actions = c ? rowActions(this.host.menuRules(), c) : [];
    return html`<div
      class="menu"
      part="menu"
      role="menu"
      popover="auto"
      aria-label=${
        c ? msg(str`Actions for ${c.customerName || msg('Unnamed customer')}`) : msg('Actions')
      }
      @toggle=${this.onToggle}
      @keydown=${this.onKeyDown}
      @click=${this.onClick}
    >
      ${
        actions.length === 0
          ? html`<div role="menuitem" aria-disabled="true" tabindex="-1" class="menu-item">
              ${msg('No actions available')}
            </div>`
          : actions.map((a, i) => this.renderItem(a, i))
      }
    </div>`;
  }

  private renderItem(a: RowAction, i: number): TemplateResult {
    // The reason sits beside the item (not inside it), so the item's name stays its label and the
    // reason is its description.
    const reasonId = `reason-${a.action}`;
    return html`<div class="menu-entry" role="none">
      <div
        class="menu-item${a.allowed ? '' : ' disabled'}"
        part="menu-item"
        role="menuitem"
        tabindex=${i === this.focusIndex ? 0 : -1}
        data-action=${a.action}
        aria-disabled=${a.allowed ? 'false' : 'true'}
        aria-describedby=${ifDefined(a.allowed ? undefined : reasonId)}
        aria-keyshortcuts=${a.keyLabel}
        title=${ifDefined(a.allowed ? undefined : a.reason)}
      >
        <span class="menu-label">${a.label}</span>
        <kbd aria-hidden="true">${a.keyLabel}</kbd>
      </div>
      ${
        a.allowed
          ? nothing
          : html`<div class="reason" role="none" id=${reasonId} data-action=${a.action}>
              ${a.reason}
            </div>`
      }
    </div>`;
  }

  /** Shows the popover next to its anchor and focuses the chosen item. */
  private show(): void {
    const root = (this.host as unknown as HTMLElement).shadowRoot;
    this.element = root?.querySelector<HTMLElement>('.menu') ?? null;
    const menu = this.element;
    if (!menu || !this.openFor || !menu.isConnected) return;
    if (!menu.matches(':popover-open')) menu.showPopover();
    const anchor = this.host.menuAnchor(this.openFor);
    if (anchor) {
      const a = anchor.getBoundingClientRect();
      const m = menu.getBoundingClientRect();
      const below = a.bottom + 4 + m.height <= window.innerHeight;
      const top = below ? a.bottom + 4 : Math.max(4, a.top - 4 - m.height);
      // Aligned with the button's end edge: its right edge, or its left edge right-to-left.
      const rtl = getComputedStyle(anchor).direction === 'rtl';
      const start = rtl ? a.left : a.right - m.width;
      const left = Math.min(Math.max(4, start), window.innerWidth - m.width - 4);
      menu.style.top = `${Math.round(top)}px`;
      menu.style.left = `${Math.round(left)}px`;
    }
    this.items()[this.focusIndex]?.focus();
  }

  private items(): HTMLElement[] {
    return [...(this.element?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  /** Picks an action of the open menu: an allowed one closes the menu and goes to the host. */
  private activate(action: ConversationAction): void {
    const c = this.openFor ? this.host.menuConversation(this.openFor) : undefined;
    if (!c) return;
    const offered = rowActions(this.host.menuRules(), c).find((a) => a.action === action);
    if (!offered) return;
    if (!offered.allowed) {
      this.host.announce(msg(str`${offered.label} is not available: ${offered.reason}`));
      return;
    }
    this.close(true);
    this.host.menuActivate(c, action);
  }

  private readonly onToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'closed' || !this.openFor) return;
    // Light dismiss (Escape, a click elsewhere) closed it natively: bring our state along, and give
    // focus back to the row unless the click put it somewhere else.
    const root = (this.host as unknown as HTMLElement).shadowRoot;
    const active = root?.activeElement ?? null;
    const focusWasInside = active !== null && (this.element?.contains(active) ?? false);
    this.closedFor = this.openFor;
    this.closedAt = performance.now();
    this.close(focusWasInside || active === null);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const items = this.items();
    const current = items.indexOf(event.target as HTMLElement);
    const move = (to: number) => {
      if (items.length === 0) return;
      this.focusIndex = (to + items.length) % items.length;
      items.forEach((el, i) => el.setAttribute('tabindex', i === this.focusIndex ? '0' : '-1'));
      items[this.focusIndex]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        this.close(true);
        break;
      case 'Enter':
      case ' ': {
        const action = items[current]?.dataset.action as ConversationAction | undefined;
        if (action) this.activate(action);
        break;
      }
      default: {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const action = actionForKey(event.key);
        if (!action) return;
        this.activate(action);
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  private readonly onClick = (event: MouseEvent): void => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const action = item?.dataset.action as ConversationAction | undefined;
    if (action) this.activate(action);
  };
}
