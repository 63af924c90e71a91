/**
 * `mesh waypoint status`: without an argument, istioctl's table of the waypoints' conditions (waiting for them to be
 * Programmed unless --wait=false); with a pod or service, which waypoint its traffic goes through and, if none, why
 * (core/ambient), read from one cluster snapshot.
 */
import type { CommandContext } from '../../context.js';
import type { StatusOptions } from './flags.js';
import { ClusterError, ExitCode } from '../../errors.js';
import { isProgrammed, statusRow, type WaypointStatusRow } from '../../core/waypoint/rows.js';
import { GATEWAY_KIND } from '../../core/waypoint/gateway.js';
import { parsePodArgument } from '../../core/model/pods.js';
import { renderData } from '../../render/format.js';
import { renderAmbientView, renderWaypointStatus } from '../../render/waypoint.js';
import { listWaypoints, waitProgrammed } from './run.js';

/** Kinds the "why no waypoint" answer reads. */
const KINDS = ['Pod', 'Service', 'Namespace', GATEWAY_KIND, 'AuthorizationPolicy', 'MeshConfig'];

/** `waypoint status [pod|service]`. */
export async function runStatus(ctx: CommandContext, opts: StatusOptions, target: string | undefined): Promise<number> {
  if (target !== undefined) return explain(ctx, opts, target);
  const cluster = await ctx.cluster();
  const client = cluster.waypoints;
  const gateways = await listWaypoints(client, opts.allNamespaces ? undefined : cluster.namespace);
  if (!gateways.length) {
    if (opts.output === 'table') ctx.out('No waypoints found.\n');
    else ctx.out(renderData([], opts.output));
    return ExitCode.Ok;
  }
  const rows: WaypointStatusRow[] = [];
  for (const gw of gateways) {
    const ns = gw.metadata?.namespace ?? '';
    const name = gw.metadata?.name ?? '';
    const last =
      opts.wait && !isProgrammed(gw) ? await waitProgrammed(ctx, client, ns, name, opts.waypointTimeout, 'timed out while retrieving status for waypoint') : gw;
    rows.push(statusRow(last ?? gw));
  }
  ctx.out(opts.output === 'table' ? renderWaypointStatus(rows, opts.allNamespaces) : renderData(rows, opts.output));
  return ExitCode.Ok;
}

/** `waypoint status <pod|service>`: the waypoint path of its traffic, with the reason when there is none. */
async function explain(ctx: CommandContext, opts: StatusOptions, arg: string): Promise<number> {
  const cluster = await ctx.cluster();
  const parsed = parsePodArgument(arg, cluster.namespace);
  const [{ buildSnapshotFor }, ambient, { createView }, { findWorkload }, { meshConfigOf }] = await Promise.all([
    import('../../app/snapshot.js'),
    import('../../core/ambient/index.js'),
    import('../../core/model/view.js'),
    import('../../core/describe/index.js'),
    import('../../core/model/mesh-config.js'),
  ]);
  let target = parsed;
  if (parsed.kind !== 'Service') target = { kind: 'Pod', ...(await cluster.pods.resolve(parsed)) };
  const { snapshot } = await buildSnapshotFor(ctx, {
    cluster: { kinds: KINDS, timeoutMs: 30_000, status: 'Reading the cluster', without: 'answered without them' },
  });
  const view = createView(snapshot);
  let root = snapshot.istioNamespace;
  view.forEach('MeshConfig', (m) => void (root = meshConfigOf(m).rootNamespace || root));
  let answer;
  if (target.kind === 'Service') {
    const service = view.find('Service', target.namespace, target.name);
    if (!service) throw new ClusterError(`service ${target.name} in namespace ${target.namespace} not found`);
    answer = ambient.ambientServiceView(view, service, root);
  } else {
    const { workload } = findWorkload(snapshot, target);
    if (!workload) throw new ClusterError(`pod ${target.name} in namespace ${target.namespace} not found`);
    answer = ambient.ambientWorkloadView(view, workload, root);
  }
  ctx.out(opts.output === 'table' ? renderAmbientView(answer) : renderData(answer, opts.output));
  return ExitCode.Ok;
}
