/** The bodies of `mesh tag ...`, loaded lazily by ./index.ts: read the cluster, let core/tag decide, apply or print. */
import type { CommandContext } from '../../context.js';
import type { TagSetOptions } from './flags.js';
import { UsageError } from '../../errors.js';
import { CANCELLED, confirmOrRefuse } from '../../app/confirm.js';
import { renderData } from '../../render/format.js';

/** The cluster's tag state, with the core modules every subcommand uses. */
async function session(ctx: CommandContext) {
  const [cluster, plan, render, kube] = await Promise.all([
    import('../../core/tag/cluster.js'),
    import('../../core/tag/plan.js'),
    import('../../render/tag.js'),
    ctx.cluster(),
  ]);
  const state = await cluster.readTagState(kube.install, ctx.globals.istioNamespace);
  return { client: kube.install, state, cluster, plan, render };
}

/** `tag set` (generate=false) and `tag generate` (generate=true). */
export async function runTagSet(ctx: CommandContext, tag: string, opts: TagSetOptions, generate: boolean): Promise<number> {
  const { checkTagName } = await import('../../core/tag/generate.js');
  checkTagName(tag);
  const { client, state, cluster, plan, render } = await session(ctx);
  const result = plan.planSetTag(state, {
    tag,
    revision: opts.revision,
    overwrite: opts.overwrite,
    generate,
    istioNamespace: ctx.globals.istioNamespace,
    webhookName: opts.webhookName,
    autoInjectNamespaces: opts.autoInjectNamespaces,
  });
  const { tagConflicts } = await import('../../core/tag/conflicts.js');
  const conflicts = tagConflicts(state, result, ctx.globals.istioNamespace);
  if (conflicts.length) {
    const text = `tag "${tag}" would overlap other injection webhooks:\n${conflicts.map((c) => `  ${c}`).join('\n')}`;
    if (generate || opts.skipConfirmation) ctx.err(`warning: ${text}\n`);
    else {
      const refusal = new UsageError(text, { hint: 'fix or remove the other webhook, or pass -y (--skip-confirmation) to apply anyway' });
      if (ctx.terminal.stdinIsTTY) ctx.err(`${text}\n`);
      if (!(await confirmOrRefuse(ctx, 'Apply anyway?', refusal))) return cancelled(ctx);
    }
  }
  if (generate) {
    ctx.out(render.renderTagObjects(result.objects, opts.output ?? 'yaml'));
    return 0;
  }
  await cluster.applySetPlan(client, result);
  if (result.deactivate) ctx.err(`Switched off the old default injector ${result.deactivate.metadata?.name} (kept; its hooks match nothing now).\n`);
  const moved = result.previous !== undefined && result.previous !== opts.revision ? ` (was ${result.previous})` : '';
  ctx.err(`Revision tag "${tag}" now points at revision "${opts.revision}"${moved}.\n`);
  const users = plan.namespacesUsing(state, tag);
  if (users.length && moved)
    ctx.err(`Restart the workloads in ${users.join(', ')} to move them to ${opts.revision}, e.g. kubectl rollout restart deployment -n ${users[0]}\n`);
  else if (!users.length) ctx.err(`To inject with it: kubectl label namespace <namespace> istio.io/rev=${tag}\n`);
  return 0;
}

/** `tag list`. */
export async function runTagList(ctx: CommandContext, output: 'table' | 'json' | 'yaml'): Promise<number> {
  const { state, plan, render } = await session(ctx);
  const tags = plan.listTags(state);
  if (output !== 'table') ctx.out(renderData(tags, output));
  else if (tags.length === 0) ctx.err('No Istio revision tags found.\n');
  else ctx.out(render.renderTagTable(tags));
  return 0;
}

/** `tag remove`: refuses (or asks, on a terminal) while namespaces still use the tag. */
export async function runTagRemove(ctx: CommandContext, tag: string, yes: boolean): Promise<number> {
  const { client, state, cluster, plan } = await session(ctx);
  const { objects, namespaces } = plan.planRemoveTag(state, tag);
  if (namespaces.length && !yes) {
    const what = `tag "${tag}" is still used by ${namespaces.length} namespace(s): ${namespaces.join(', ')}; removing it stops sidecar injection there`;
    const refusal = new UsageError(what, {
      hint: `relabel them (kubectl label namespace <ns> istio.io/rev=<other> --overwrite), or pass -y to remove it anyway`,
    });
    if (!(await confirmOrRefuse(ctx, `${what}. Remove it?`, refusal))) return cancelled(ctx);
  }
  await cluster.deleteTagObjects(client, objects);
  ctx.err(`Revision tag "${tag}" removed (${objects.map((o) => `${o.kind} ${o.metadata?.name}`).join(', ')}).\n`);
  return 0;
}

function cancelled(ctx: CommandContext): number {
  ctx.err(CANCELLED);
  return 0;
}
