/**
 * The bodies of `mesh waypoint generate|apply|list|delete`, loaded lazily by ./index.ts: build the Gateway with
 * core/waypoint, write it through the cluster's WaypointClient, print what istioctl prints (status lines on stderr,
 * data on stdout).
 */
import type { CommandContext } from '../../context.js';
import type { ApplyOptions, DeleteOptions, GenerateOptions, ListOptions } from './flags.js';
import { ClusterError, ExitCode, UsageError } from '../../errors.js';
import { LABELS, WAYPOINT_CLASSES, waypointGateway } from '../../core/waypoint/gateway.js';
import { isProgrammed, listRow, waypointsOf } from '../../core/waypoint/rows.js';
import type { WaypointClient } from '../../core/waypoint/client.js';
import type { KubeObject } from '../../core/yaml/load.js';
import { renderData } from '../../render/format.js';
import { renderWaypointList } from '../../render/waypoint.js';

/** The Gateway API release whose standard CRDs Istio 1.30 is tested with (for the hint). */
const GATEWAY_API_RELEASE = 'v1.4.0';

/** `waypoint generate`: prints the Gateway; the namespace only when -n was given, as istioctl. */
export async function runGenerate(ctx: CommandContext, opts: GenerateOptions): Promise<number> {
  const gw = waypointGateway({ name: opts.name, namespace: ctx.globals.namespace, trafficType: opts.for, revision: opts.revision, className: opts.class });
  ctx.out(renderData(gw, opts.output));
  return ExitCode.Ok;
}

/** Gateways of the waypoint classes in `namespace` (all when undefined), by namespace and name. */
export async function listWaypoints(client: WaypointClient, namespace: string | undefined, labelSelector?: string): Promise<KubeObject[]> {
  // Both waypoint classes: an agentgateway waypoint is as much a waypoint as an Envoy one (istioctl lists only the latter).
  return waypointsOf(await client.listGateways(namespace, labelSelector), WAYPOINT_CLASSES);
}

/** `waypoint apply`: the Gateway by server-side apply; with --enroll-namespace the namespace label after it. */
export async function runApply(ctx: CommandContext, opts: ApplyOptions): Promise<number> {
  const cluster = await ctx.cluster();
  const ns = cluster.namespace;
  // Flags are checked before anything is asked of the cluster, so a typo changes nothing.
  const gw = waypointGateway({ name: opts.name, namespace: ns, trafficType: opts.for, revision: opts.revision, className: opts.class });
  const name = gw.metadata!.name!;
  const client = cluster.waypoints;
  const nsObj = await client.getNamespace(ns);
  if (!nsObj) throw new ClusterError(`namespace: ${ns} not found`);
  const labels = nsObj.metadata?.labels ?? {};
  if (opts.enrollNamespace) {
    if (!opts.overwrite && labels[LABELS.useWaypoint]) {
      ctx.err(`⚠️ Warning: namespace (${ns}) already has an enrolled Waypoint. Consider adding the \`--overwrite\` flag to your apply command.\n`);
      return ExitCode.Ok;
    }
    if (labels[LABELS.dataplaneMode] !== 'ambient')
      ctx.err(`⚠️ Warning: namespace is not enrolled in ambient. Consider running\t\`kubectl label namespace ${ns} istio.io/dataplane-mode=ambient\`\n`);
  }
  if (!(await client.gatewayApiServed())) {
    throw new ClusterError('missing Kubernetes Gateway CRDs need to be installed before applying a waypoint', {
      hint: `kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/${GATEWAY_API_RELEASE}/standard-install.yaml`,
    });
  }
  await client.applyGateway(gw);
  ctx.err(`✅ waypoint ${ns}/${name} applied\n`);
  if (opts.wait) {
    await waitProgrammed(ctx, client, ns, name, opts.waypointTimeout, 'timed out while waiting for waypoint');
    ctx.err(`✅ waypoint ${ns}/${name} is ready!\n`);
  }
  if (opts.enrollNamespace) {
    await client.labelNamespace(ns, { [LABELS.useWaypoint]: name });
    ctx.err(`✅ namespace ${ns} labeled with "${LABELS.useWaypoint}: ${name}"\n`);
  }
  return ExitCode.Ok;
}

/** Polls the Gateway once a second until it is Programmed; throws ClusterError after `timeoutMs`. Returns the last read. */
export async function waitProgrammed(
  ctx: CommandContext,
  client: WaypointClient,
  ns: string,
  name: string,
  timeoutMs: number,
  what: string,
): Promise<KubeObject | undefined> {
  const start = ctx.clock.now();
  for (;;) {
    const gw = await client.getGateway(ns, name);
    if (gw && isProgrammed(gw)) return gw;
    if (ctx.clock.now() - start >= timeoutMs) throw new ClusterError(`${what} ${ns}/${name}`, { hint: `see why: mesh waypoint status -n ${ns} --wait=false` });
    await ctx.clock.sleep(1000);
  }
}

/** `waypoint list`. */
export async function runList(ctx: CommandContext, opts: ListOptions): Promise<number> {
  const cluster = await ctx.cluster();
  const rows = (await listWaypoints(cluster.waypoints, opts.allNamespaces ? undefined : cluster.namespace)).map(listRow);
  if (opts.output !== 'table') ctx.out(renderData(rows, opts.output));
  else if (!rows.length) ctx.out('No waypoints found.\n');
  else ctx.out(renderWaypointList(rows, opts.allNamespaces));
  return ExitCode.Ok;
}

/** `waypoint delete <name...>`, `--all` or `--revision`. */
export async function runDelete(ctx: CommandContext, opts: DeleteOptions, names: string[]): Promise<number> {
  const bulk = opts.all || Boolean(opts.revision);
  if (bulk && names.length) throw new UsageError('cannot specify waypoint names when deleting all waypoints');
  if (!bulk && !names.length) throw new UsageError('must specify a waypoint name or delete all using --all or delete specific revision using --revision');
  const cluster = await ctx.cluster();
  const ns = cluster.namespace;
  const client = cluster.waypoints;
  const existing = await listWaypoints(client, ns, opts.revision ? `${LABELS.rev}=${opts.revision}` : undefined);
  let targets = existing.map((g) => g.metadata?.name ?? '');
  if (!bulk) {
    targets = names.filter((n) => targets.includes(n));
    for (const n of names) if (!targets.includes(n)) ctx.err(`waypoint ${ns}/${n} not found\n`);
  }
  for (const n of targets) ctx.err((await client.deleteGateway(ns, n)) ? `waypoint ${ns}/${n} deleted\n` : `waypoint ${ns}/${n} not found\n`);
  return ExitCode.Ok;
}
