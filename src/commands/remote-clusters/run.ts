/** The body of `mesh remote-clusters`, loaded lazily. */
import type { CommandContext } from '../../context.js';
import { ClusterError, ExitCode } from '../../errors.js';

/** Asks every istiod for /debug/clusterz and prints one row per cluster and istiod. */
export async function runRemoteClusters(ctx: CommandContext, opts: { revision?: string; output: 'short' | 'json' | 'yaml' }): Promise<number> {
  const [cluster, istiod, { parseClusterz, remoteClusterRows }] = await Promise.all([
    ctx.cluster(),
    import('../../app/istiod.js'),
    import('../../core/multicluster/clusterz.js'),
  ]);
  const istiods = await istiod.findIstiods(cluster, { istioNamespace: ctx.globals.istioNamespace, ...(opts.revision ? { revision: opts.revision } : {}) });
  const answers = await Promise.all(
    istiods.map(async (pod) => {
      const body = await cluster.request(pod, istiod.ISTIOD_DEBUG_PORT, '/debug/clusterz');
      const clusters = parseClusterz(body);
      if (!clusters) throw new ClusterError(`istiod ${pod.name}.${pod.namespace} answered /debug/clusterz with something that is not a list of clusters`);
      return { istiod: pod.name, clusters };
    }),
  );
  const rows = remoteClusterRows(answers);
  if (opts.output !== 'short') {
    const { renderData } = await import('../../render/format.js');
    ctx.out(renderData(rows, opts.output));
    return ExitCode.Ok;
  }
  const { renderTable } = await import('../../render/table.js');
  ctx.out(
    renderTable(
      ['NAME', 'SECRET', 'STATUS', 'ISTIOD'],
      rows.map((r) => [r.name, r.secret, r.status, r.istiod]),
    ),
  );
  return ExitCode.Ok;
}
