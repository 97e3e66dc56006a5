/**
 * The row actions as the table offers them: the domain decides (admin switch, then rule verdicts), this
 * only shapes the answer for the UI — which actions are shown, which are disabled and why, their
 * labels and shortcut keys. No rule lives here.
 */
import { msg } from '@lit/localize';
import {
  actionVerdicts,
  isActionEnabled,
  type Conversation,
  type RuleContext,
} from '../../domain/index.js';
import type { ConversationAction } from '../../events/action-request.js';

/** One action as offered on a row. */
export interface RowAction {
  readonly action: ConversationAction;
  readonly label: string;
  /** The shortcut key shown beside it (as `KeyboardEvent.key`). */
  readonly key: string;
  /** The key's name for people and for `aria-keyshortcuts`. */
  readonly keyLabel: string;
  readonly allowed: boolean;
  /** Why it is disabled (the rule's sentence), or `''` when allowed. */
  readonly reason: string;
}

/** The table's row actions in menu order, with their labels and shortcut keys. */
export const ROW_ACTIONS: readonly {
  readonly action: ConversationAction;
  readonly label: string;
  readonly keys: readonly string[];
  readonly keyLabel: string;
}[] = [
  // Labels are getters, so each read is in the active language; keys stay as `KeyboardEvent.key` names.
  {
    action: 'monitor',
    get label() {
      return msg('Monitor');
    },
    keys: ['m', 'M'],
    keyLabel: 'M',
  },
  {
    action: 'assign',
    get label() {
      return msg('Assign');
    },
    keys: ['a', 'A'],
    keyLabel: 'A',
  },
  {
    action: 'transfer',
    get label() {
      return msg('Transfer');
    },
    keys: ['t', 'T'],
    keyLabel: 'T',
  },
  // Backspace too: a Mac keyboard's "delete" key sends Backspace.
  {
    action: 'forceClose',
    get label() {
      return msg('Force close');
    },
    keys: ['Delete', 'Backspace'],
    keyLabel: 'Delete',
  },
];

/** The action a shortcut key asks for, or `undefined`. */
export function actionForKey(key: string): ConversationAction | undefined {
  return ROW_ACTIONS.find((a) => a.keys.includes(key))?.action;
}

/** The label of an action. */
export function actionLabel(action: ConversationAction): string {
  return ROW_ACTIONS.find((a) => a.action === action)?.label ?? action;
}

/**
 * The actions offered on a conversation: those whose admin switch is off are left out entirely; the
 * others are allowed or disabled with the rule's reason.
 */
export function rowActions(ctx: RuleContext, conversation: Conversation): RowAction[] {
  const verdicts = actionVerdicts(ctx, conversation);
  const offered: RowAction[] = [];
  for (const def of ROW_ACTIONS) {
    if (!isActionEnabled(ctx.settings, def.action)) continue;
    const verdict = verdicts[def.action];
    offered.push({
      action: def.action,
      label: def.label,
      key: def.keys[0] ?? '',
      keyLabel: def.keyLabel,
      allowed: verdict.allowed,
      reason: verdict.allowed ? '' : verdict.detail,
    });
  }
  return offered;
}

/** Is any row action switched on at all (else the actions column is not shown)? */
export function anyActionEnabled(ctx: RuleContext): boolean {
  return ROW_ACTIONS.some((a) => isActionEnabled(ctx.settings, a.action));
}
