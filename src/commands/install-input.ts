/**
 * What install, uninstall and verify-install share: parsing `--readiness-timeout`, turning `-f`/`--set` into an
 * install plan through the manifest renderer, and opening the cluster. Loaded lazily by those commands' `run`.
 */
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import type { Clock, InstallClient } from '../core/install/client.js';
import type { InstallPlan } from '../core/install/plan.js';
import type { WaitOptions } from '../core/install/wait.js';

/** The flags that select what to render. */
export interface RenderFlags {
  /** `-f` IstioOperator overlays. */
  filename?: string[];
  /** `--set path=value` overrides. */
  set?: string[];
  /** `--revision`. */
  revision?: string;
}

/** Default for `--readiness-timeout` (istioctl's default too). */
export const DEFAULT_READINESS_TIMEOUT = '5m';

/** Parses `--readiness-timeout`; a bad value is a usage error naming the flag. */
export async function waitOptions(text: string | undefined): Promise<WaitOptions> {
  const { parseDuration } = await import('../core/install/wait.js');
  const ms = parseDuration(text ?? DEFAULT_READINESS_TIMEOUT);
  if (ms === undefined || ms <= 0) throw new UsageError(`--readiness-timeout: invalid duration "${text}"`, { hint: 'use a duration such as 90s, 5m or 1h30m' });
  return { timeoutMs: ms, intervalMs: 2000 };
}

/** Renders the control plane for the flags and plans its install. */
export async function planFromFlags(ctx: CommandContext, flags: RenderFlags): Promise<{ plan: InstallPlan; profile: string }> {
  // The same reading and rendering as `manifest generate`, so overlay errors carry file:line:col here too.
  const [{ readOverlays, generate }, { planInstall }, { ISTIO_VERSION }] = await Promise.all([
    import('./manifest-run.js'), import('../core/install/plan.js'), import('../version.js'),
  ]);
  const result = await generate(await readOverlays(ctx, flags.filename), flags.set ?? [], flags.revision || undefined);
  const spec = result.values.spec;
  const plan = planInstall(result.objects, {
    namespace: spec.namespace || result.values.metadata.namespace || ctx.globals.istioNamespace,
    revision: spec.revision || 'default',
    version: typeof spec.tag === 'string' && /^\d+\.\d+/.test(spec.tag) ? spec.tag : ISTIO_VERSION,
  });
  return { plan, profile: spec.profile ?? 'default' };
}

/** A cluster client plus the real clock. */
export interface ClusterSession {
  /** The InstallClient over the API server. */
  client: InstallClient;
  /** Wall-clock time. */
  clock: Clock;
  /** API server URL, for messages. */
  server: string;
}

/** Connects to the cluster named by the global flags (loads client-node). */
export async function openSession(ctx: CommandContext): Promise<ClusterSession> {
  const [{ connect }, { installClient }] = await Promise.all([import('../adapters/kube/client.js'), import('../adapters/kube/apply.js')]);
  const conn = await connect(ctx.globals);
  const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  return { client: installClient(conn), clock, server: conn.server };
}

/**
 * Refuses up front, before any cluster call, when a confirmation will be needed and cannot be given: no -y and
 * stdin is not a terminal (a pipeline cannot answer a prompt, and hanging on one would stall CI).
 */
export function requireConfirmable(ctx: CommandContext, yes: boolean, dryRun: boolean, verb: string): void {
  if (yes || dryRun || ctx.terminal.stdinIsTTY) return;
  throw new UsageError(`refusing to ${verb} without confirmation: stdin is not a terminal`, { hint: `pass -y (--skip-confirmation) to ${verb} non-interactively, or --dry-run to see the plan` });
}

/** Asks before changing the cluster (a y/N prompt on the terminal) unless -y was given. False when declined. */
export async function confirmChange(ctx: CommandContext, yes: boolean, question: string, verb: string): Promise<boolean> {
  if (yes) return true;
  requireConfirmable(ctx, yes, false, verb);
  const { confirm } = await import('../adapters/prompt.js');
  return confirm(question);
}
