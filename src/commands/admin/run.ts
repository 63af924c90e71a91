/** The body of `mesh admin log`, loaded lazily: list istiod's log scopes, or change them on every istiod chosen. */
import type { CommandContext } from '../../context.js';
import type { AdminLogOptions } from './flags.js';
import { ClusterError, ExitCode } from '../../errors.js';
import type { ScopeInfo } from '../../core/admin/scopes.js';

/** Runs `admin log` on one istiod (`pod`) or on every istiod of the selector. */
export async function runAdminLog(ctx: CommandContext, opts: AdminLogOptions, pod: string | undefined): Promise<number> {
  const [cluster, { findIstiods }, scopes, { parsePodArgument }] = await Promise.all([
    ctx.cluster(),
    import('../../app/istiod.js'),
    import('../../core/admin/scopes.js'),
    import('../../core/model/pods.js'),
  ]);
  const istioNamespace = ctx.globals.istioNamespace;
  const targets = pod
    ? [await cluster.pods.resolve(parsePodArgument(pod, istioNamespace))]
    : await findIstiods(cluster, { istioNamespace, selector: opts.selector, ...(opts.revision ? { revision: opts.revision } : {}) });
  const port = opts.ctrlz_port;
  const list = async (target: { name: string; namespace: string }): Promise<ScopeInfo[]> => {
    const body = await cluster.request(target, port, '/scopej/');
    const parsed = scopes.parseScopes(body);
    if (!parsed) throw new ClusterError(`port ${port} of pod ${target.name}.${target.namespace} did not answer with ControlZ's scope list (is it istiod?)`);
    return parsed;
  };
  const first = await list(targets[0]!);
  const changing = opts.reset || opts.logReset || opts.stackTraceReset || opts.level || opts.stackTraceLevel;
  if (!changing) {
    const rows =
      targets.length === 1
        ? [{ istiod: targets[0]!, scopes: first }]
        : await Promise.all(targets.map(async (t, i) => ({ istiod: t, scopes: i ? await list(t) : first })));
    const { renderScopes } = await import('../../render/admin-log.js');
    ctx.out(renderScopes(rows, opts.output));
    return ExitCode.Ok;
  }
  const changes = scopes.planScopeChanges(opts, first);
  const failed: string[] = [];
  // ControlZ takes one scope per PUT; the replicas are changed one after the other, their scopes in parallel.
  for (const target of targets) {
    const results = await Promise.allSettled(
      changes.map((c) => cluster.request(target, port, `/scopej/${encodeURIComponent(c.name)}`, { method: 'PUT', body: JSON.stringify(c) })),
    );
    results.forEach((r, i) => {
      if (r.status === 'rejected') failed.push(`${target.name}: scope ${changes[i]!.name}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
    });
  }
  if (failed.length) throw new ClusterError(`${failed.length} of ${changes.length * targets.length} scope changes failed: ${failed.join('; ')}`);
  const names = targets.map((t) => t.name).join(', ');
  ctx.err(`✔ ${changes.length} scope${changes.length === 1 ? '' : 's'} updated on ${names}\n`);
  return ExitCode.Ok;
}
