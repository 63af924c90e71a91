/** The work behind `mesh tag ...`: read the cluster, let core/tag decide, apply or print, say what happened. */
import type { CommandContext } from '../context.js';
import type { TagSetOptions } from './tag.js';
import { UsageError } from '../errors.js';
import { renderData } from '../render/format.js';

async function session(ctx: CommandContext) {
  const [{ openSession }, cluster, plan, render] = await Promise.all([
    import('./install-input.js'), import('../core/tag/cluster.js'), import('../core/tag/plan.js'), import('../render/tag.js'),
  ]);
  const s = await openSession(ctx);
  const state = await cluster.readTagState(s.client, ctx.globals.istioNamespace);
  return { ...s, state, cluster, plan, render };
}

/** `tag set` (generate=false) and `tag generate` (generate=true). */
export async function runTagSet(ctx: CommandContext, tag: string, opts: TagSetOptions, generate: boolean): Promise<number> {
  const { checkTagName } = await import('../core/tag/generate.js');
  checkTagName(tag);
  const { client, state, cluster, plan, render } = await session(ctx);
  const result = plan.planSetTag(state, {
    tag, revision: opts.revision, overwrite: opts.overwrite, generate, istioNamespace: ctx.globals.istioNamespace,
    webhookName: opts.webhookName, autoInjectNamespaces: opts.autoInjectNamespaces,
  });
  const { tagConflicts } = await import('../core/tag/conflicts.js');
  const conflicts = tagConflicts(state, result, ctx.globals.istioNamespace);
  if (conflicts.length) {
    const text = `tag "${tag}" would overlap other injection webhooks:\n${conflicts.map((c) => `  ${c}`).join('\n')}`;
    if (generate || opts.skipConfirmation) ctx.err(`warning: ${text}\n`);
    else if (!ctx.terminal.stdinIsTTY) throw new UsageError(text, { hint: 'fix or remove the other webhook, or pass -y (--skip-confirmation) to apply anyway' });
    else {
      ctx.err(`${text}\n`);
      const { confirm } = await import('../adapters/prompt.js');
      if (!(await confirm('Apply anyway?'))) {
        ctx.err('Cancelled: nothing was changed.\n');
        return 0;
      }
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
  if (users.length && moved) ctx.err(`Restart the workloads in ${users.join(', ')} to move them to ${opts.revision}, e.g. kubectl rollout restart deployment -n ${users[0]}\n`);
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
    if (!ctx.terminal.stdinIsTTY) {
      throw new UsageError(what, { hint: `relabel them (kubectl label namespace <ns> istio.io/rev=<other> --overwrite), or pass -y to remove it anyway` });
    }
    const { confirm } = await import('../adapters/prompt.js');
    if (!(await confirm(`${what}. Remove it?`))) {
      ctx.err('Cancelled: nothing was changed.\n');
      return 0;
    }
  }
  await cluster.deleteTagObjects(client, objects);
  ctx.err(`Revision tag "${tag}" removed (${objects.map((o) => `${o.kind} ${o.metadata?.name}`).join(', ')}).\n`);
  return 0;
}
