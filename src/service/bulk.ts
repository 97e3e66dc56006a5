/**
 * Running a bulk intervention: each allowed row of a `BulkPlan` goes through the service's own
 * single-command path (rules checked again, optimistic patch, idempotency key, reconcile or roll
 * back, outcomes on `outcomes$`), a few at a time. Rows the plan refused are never sent. One row's
 * failure never stops or loses the others: the result has one entry per planned row, in plan order.
 */
import { msg, str } from '@lit/localize';
import {
  commandError,
  type BulkAction,
  type BulkPlan,
  type BulkPlanRow,
  type CommandError,
} from '../domain/index.js';
import type { CommandOutcome } from './outcomes.js';

/** How one row of a bulk intervention ended. */
export type BulkRowStatus =
  /** The backend applied it. */
  | 'succeeded'
  /** The rules refused it (in the plan, or again when it was about to be sent): nothing was sent. */
  | 'refused'
  /** It was sent and the backend refused or failed it (conflict, unavailable…): it was rolled back. */
  | 'failed';

/** One row's result. */
export interface BulkRowResult {
  readonly conversationId: string;
  readonly status: BulkRowStatus;
  /** Was a command sent to the backend for this row? */
  readonly sent: boolean;
  /** Why it was refused or failed (`kind` + a sentence in `message`; `reason` for a rule refusal). */
  readonly error?: CommandError;
  /** The single command's final outcome, when the service ran one (its `id` can be retried). */
  readonly outcome?: CommandOutcome;
}

/** The result of a bulk intervention. */
export interface BulkResult {
  readonly action: BulkAction;
  /** One per planned row, in the plan's order. */
  readonly rows: readonly BulkRowResult[];
  readonly succeeded: number;
  readonly refused: number;
  readonly failed: number;
  /** "2 of 4 conversations were closed; 1 failed; 1 was refused." */
  readonly summary: string;
}

/** Options of a bulk run. */
export interface BulkRunOptions {
  /** How many commands wait for the backend at once. Default 4 (at least 1). */
  readonly concurrency?: number;
  /** Called as each row ends (in completion order), for live progress. */
  readonly onRow?: (result: BulkRowResult, index: number) => void;
}

/** The one command a bulk runner needs for a row (the service's single-command methods). */
export type BulkCommand = (row: BulkPlanRow) => Promise<CommandOutcome>;

function fromOutcome(row: BulkPlanRow, outcome: CommandOutcome): BulkRowResult {
  const base = { conversationId: row.conversationId, outcome };
  switch (outcome.status) {
    case 'succeeded':
      return { ...base, status: 'succeeded', sent: true };
    case 'refused':
      return {
        ...base,
        status: 'refused',
        sent: false,
        error: outcome.error ?? commandError('invalid'),
      };
    default:
      return {
        ...base,
        status: 'failed',
        sent: true,
        error: outcome.error ?? commandError('unavailable'),
      };
  }
}

function refusedInPlan(row: BulkPlanRow): BulkRowResult {
  const verdict = row.verdict;
  if (verdict.allowed) throw new Error('refusedInPlan on an allowed row');
  const error =
    verdict.reason === 'not-found'
      ? commandError('not-found', verdict.detail)
      : commandError(
          verdict.reason === 'unknown-target' ? 'not-found' : 'invalid',
          verdict.detail,
          {
            reason: verdict.reason,
          },
        );
  return { conversationId: row.conversationId, status: 'refused', sent: false, error };
}

/**
 * Runs a plan: refused rows end at once as `refused` (never sent); allowed rows run through
 * `command`, at most `concurrency` at a time. Never rejects: a command that throws ends its row as
 * `failed` (`unavailable`).
 */
export async function runBulkPlan(
  plan: BulkPlan,
  command: BulkCommand,
  options: BulkRunOptions = {},
): Promise<BulkResult> {
  const limit = Math.max(1, Math.floor(options.concurrency ?? 4) || 1);
  const results: (BulkRowResult | undefined)[] = new Array<BulkRowResult | undefined>(
    plan.rows.length,
  );
  const settle = (index: number, result: BulkRowResult) => {
    results[index] = result;
    try {
      options.onRow?.(result, index);
    } catch {
      // A progress callback that throws must not lose the other rows.
    }
  };
  const queue: number[] = [];
  plan.rows.forEach((row, index) => {
    if (row.verdict.allowed) queue.push(index);
    else settle(index, refusedInPlan(row));
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const index = queue[next]!;
      next += 1;
      const row = plan.rows[index]!;
      let result: BulkRowResult;
      try {
        result = fromOutcome(row, await command(row));
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        result = {
          conversationId: row.conversationId,
          status: 'failed',
          sent: true,
          error: commandError('unavailable', msg(str`The command could not be run: ${why}`)),
        };
      }
      settle(index, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  const rows = results.map((r) => r!);
  const count = (status: BulkRowStatus) => rows.filter((r) => r.status === status).length;
  const succeeded = count('succeeded');
  const refused = count('refused');
  const failed = count('failed');
  return {
    action: plan.action,
    rows,
    succeeded,
    refused,
    failed,
    summary: resultSummary(plan.action, rows.length, succeeded, failed, refused),
  };
}

/** The sentence reporting a bulk result. */
export function resultSummary(
  action: BulkAction,
  total: number,
  succeeded: number,
  failed: number,
  refused: number,
): string {
  const parts = [
    action.kind === 'force-close'
      ? msg(str`${succeeded} of ${total} conversations were closed`)
      : msg(str`${succeeded} of ${total} conversations were assigned to the queue`),
  ];
  if (failed > 0) parts.push(msg(str`${failed} failed`));
  if (refused > 0) {
    parts.push(refused === 1 ? msg('1 was refused') : msg(str`${refused} were refused`));
  }
  return `${parts.join('; ')}.`;
}
