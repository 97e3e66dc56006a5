/**
 * Small steps that bring a dialog to a given state, as a supervisor would: open it on a conversation,
 * pick a representative or queue, tick an override, confirm. The stories' setups use them (so
 * Storybook and the story tests reach the same state); they click the dialog's own controls, since
 * the dialogs have no public API to preselect a choice.
 */
import type { SupervisorService } from '../../src/service/supervisor-service.js';
import { until } from './backends.js';

/** What the steps need of a dialog: its public API. */
export interface StepDialog extends HTMLElement {
  show(conversationId: string, options?: { returnFocusTo?: HTMLElement | null }): void;
  confirm(): Promise<unknown>;
  readonly updateComplete: Promise<boolean>;
  service?: SupervisorService;
}

/** Lets Lit render twice (a state change that causes another). */
export async function rendered(el: { readonly updateComplete: Promise<boolean> }): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
}

/** Waits until the dialog's service knows the conversation, then opens the dialog on it. */
export async function openOn(dialog: StepDialog, conversationId: string): Promise<void> {
  await until(() => dialog.service !== undefined, 'service on the dialog');
  const service = dialog.service!;
  await until(
    () => service.getConversation(conversationId) !== undefined,
    `conversation ${conversationId}`,
  );
  dialog.show(conversationId);
  await rendered(dialog);
}

function control<T extends HTMLElement>(dialog: StepDialog, selector: string): T {
  const found = dialog.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`Story setup: no ${selector} in <${dialog.localName}>`);
  return found;
}

/** Picks the representative or queue with this id (clicks its radio button). */
export async function choose(dialog: StepDialog, id: string): Promise<void> {
  await until(
    () => dialog.shadowRoot?.querySelector(`.option[data-id="${id}"] input`) != null,
    `choice ${id}`,
  );
  control(dialog, `.option[data-id="${id}"] input`).click();
  await rendered(dialog);
}

/** Picks the first representative or queue offered (the best suggestion). */
export async function chooseFirst(dialog: StepDialog): Promise<void> {
  await until(() => dialog.shadowRoot?.querySelector('.option input') != null, 'choice');
  control(dialog, '.option input').click();
  await rendered(dialog);
}

/** Assign dialog: switches between "A representative" and "A queue". */
export async function chooseTargetType(
  dialog: StepDialog,
  type: 'representative' | 'queue',
): Promise<void> {
  control(dialog, `input[name="target-type"][value="${type}"]`).click();
  await rendered(dialog);
}

/** Ticks a checkbox by name (`override-presence`, `override-capacity`). */
export async function tick(dialog: StepDialog, name: string): Promise<void> {
  control(dialog, `input[name="${name}"]`).click();
  await rendered(dialog);
}

/** Types into the dialog's search field. */
export async function search(dialog: StepDialog, text: string): Promise<void> {
  const input = control<HTMLInputElement>(dialog, 'input[type="search"]');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await rendered(dialog);
}

/**
 * Confirms the choice (as the primary button does) without waiting for the answer: the dialog shows
 * its pending state until the backend answers.
 */
export async function confirm(dialog: StepDialog): Promise<void> {
  void dialog.confirm();
  await rendered(dialog);
}

/** The host page vetoes the next request event of this name (`sc-assign-request`, …). */
export function vetoNext(dialog: StepDialog, eventName: string): void {
  dialog.addEventListener(eventName, (event) => event.preventDefault(), { once: true });
}

/** Waits until the dialog's visible text contains `text` (a state reached asynchronously). */
export async function shows(dialog: StepDialog, text: string): Promise<void> {
  await until(
    () =>
      (dialog.shadowRoot?.querySelector('dialog')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .includes(text),
    `"${text}" in <${dialog.localName}>`,
  );
  await rendered(dialog);
}
