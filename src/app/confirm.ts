/**
 * Asking before a command changes the cluster, in one place: a y/N question through the prompt port on a terminal,
 * and a usage error up front when no one can answer (a pipeline cannot answer a prompt, and hanging on one would
 * stall CI).
 */
import type { CommandContext } from '../context.js';
import { type MeshError, UsageError } from '../errors.js';

/** What a command says when the person at the terminal declined. */
export const CANCELLED = 'Cancelled: nothing was changed.\n';

/**
 * Refuses up front, before any cluster call, when a confirmation will be needed and cannot be given: no -y and
 * stdin is not a terminal.
 */
export function requireConfirmable(ctx: Pick<CommandContext, 'terminal'>, yes: boolean, dryRun: boolean, verb: string): void {
  if (yes || dryRun || ctx.terminal.stdinIsTTY) return;
  throw new UsageError(`refusing to ${verb} without confirmation: stdin is not a terminal`, {
    hint: `pass -y (--skip-confirmation) to ${verb} non-interactively, or --dry-run to see the plan`,
  });
}

/** Asks before changing the cluster unless -y was given; false when declined. */
export async function confirmChange(ctx: Pick<CommandContext, 'terminal' | 'prompt'>, yes: boolean, question: string, verb: string): Promise<boolean> {
  if (yes) return true;
  requireConfirmable(ctx, yes, false, verb);
  return ctx.prompt.confirm(question);
}

/** Asks `question` on a terminal; without one, throws `refusal` (which says what is wrong and how to go on). */
export async function confirmOrRefuse(ctx: Pick<CommandContext, 'terminal' | 'prompt'>, question: string, refusal: MeshError): Promise<boolean> {
  if (!ctx.terminal.stdinIsTTY) throw refusal;
  return ctx.prompt.confirm(question);
}
