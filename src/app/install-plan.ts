/**
 * "What would an install apply": -f/--set/--revision rendered into an install plan (install, verify-install,
 * precheck), the readiness wait, and the dry-run preview against the live cluster.
 */
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import type { InstallClient } from '../core/install/client.js';
import type { InstallPlan } from '../core/install/plan.js';
import type { InstallPreview } from '../core/install/preview.js';
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
const DEFAULT_READINESS_TIMEOUT = '5m';

/** Parses `--readiness-timeout`; a bad value is a usage error naming the flag. */
export async function waitOptions(text: string | undefined): Promise<WaitOptions> {
  const { parseDuration } = await import('../core/install/wait.js');
  const ms = parseDuration(text ?? DEFAULT_READINESS_TIMEOUT);
  if (ms === undefined || ms <= 0) throw new UsageError(`--readiness-timeout: invalid duration "${text}"`, { hint: 'use a duration such as 90s, 5m or 1h30m' });
  return { timeoutMs: ms, intervalMs: 2000 };
}

/** Renders the control plane for the flags (as `manifest generate` does) and plans its install. */
export async function planFromFlags(
  ctx: Pick<CommandContext, 'files' | 'globals' | 'assets'>,
  flags: RenderFlags,
): Promise<{ plan: InstallPlan; profile: string }> {
  const [{ readOverlays, generate }, { planInstall }, { ISTIO_VERSION }] = await Promise.all([
    import('./render-install.js'),
    import('../core/install/plan.js'),
    import('../version.js'),
  ]);
  const result = await generate(ctx, await readOverlays(ctx, flags.filename), flags.set ?? [], flags.revision || undefined);
  const spec = result.values.spec;
  const plan = planInstall(result.objects, {
    namespace: spec.namespace || result.values.metadata.namespace || ctx.globals.istioNamespace,
    revision: spec.revision || 'default',
    version: typeof spec.tag === 'string' && /^\d+\.\d+/.test(spec.tag) ? spec.tag : ISTIO_VERSION,
    defaultTag: {
      operatorManageWebhooks: valueAt(spec.values, 'global', 'operatorManageWebhooks') === true,
      autoInjectNamespaces: valueAt(spec.values, 'sidecarInjectorWebhook', 'enableNamespacesByDefault') === true,
    },
  });
  return { plan, profile: spec.profile ?? 'default' };
}

/** A nested value of the resolved values tree, or undefined. */
function valueAt(values: unknown, ...path: string[]): unknown {
  let at = values;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** Warnings about control planes already running next to the planned one (other versions, same revision). */
export async function controlPlaneWarnings(client: InstallClient, plan: InstallPlan): Promise<string[]> {
  const { installedControlPlanes, versionWarnings } = await import('../core/install/version.js');
  // Looked up in the control-plane namespace only: listing Deployments cluster-wide may be forbidden to an installer.
  const istiods = await client.list('apps/v1', 'Deployment', { namespace: plan.options.namespace, labelSelector: 'app=istiod' });
  return versionWarnings(installedControlPlanes(istiods), plan.options.version, plan.options.revision);
}

/** What the plan would create, update (with the fields) and prune in the live cluster; changes nothing. */
export async function previewPlan(client: InstallClient, plan: InstallPlan): Promise<InstallPreview> {
  const [{ listOwned }, { pruneSet }, { previewInstall }, tags, { readTagState }] = await Promise.all([
    import('../core/install/run-install.js'),
    import('../core/install/plan.js'),
    import('../core/install/preview.js'),
    import('../core/install/default-tag.js'),
    import('../core/tag/cluster.js'),
  ]);
  // The tag is generated from the injector the plan will apply: in a dry run it is not in the cluster yet.
  const live = await readTagState(client, plan.options.namespace);
  const tag = tags.planDefaultTag(plan, tags.withPlannedInjector(live, plan), true);
  return previewInstall(plan, client, pruneSet(plan, await listOwned(client, plan.options.revision)), tag?.objects ?? []);
}
