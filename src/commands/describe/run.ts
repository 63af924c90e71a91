/**
 * The bodies of `mesh describe pod|service`, loaded lazily by ./index.ts: read the cluster (one list per needed kind,
 * as analyze does) or the files, build analyze's snapshot, find the target, run the pure core, render.
 */
import type { CommandContext } from '../../context.js';
import type { DescribeOptions } from './flags.js';
import { ClusterError, ExitCode, InputError, UsageError } from '../../errors.js';
import type { Snapshot } from '../../core/analyze/index.js';
import { describePod, describeService, findService, findWorkload, renderText } from '../../core/describe/index.js';
import { parsePodArgument } from '../../core/model/pods.js';
import { buildSnapshotFor, readFileObjects } from '../../app/snapshot.js';
import { renderData } from '../../render/format.js';

/** Kinds describe reads from a cluster. */
const KINDS = [
  'Pod',
  'Service',
  'Namespace',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'DestinationRule',
  'VirtualService',
  'Gateway',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'Sidecar',
  'MeshConfig',
  // Ambient mode: waypoints are Gateway API Gateways.
  'Gateway.gateway.networking.k8s.io',
];

/** Kinds a pod template can be described from offline. */
const OFFLINE_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet']);

/** `mesh describe pod`. */
export async function runDescribePod(ctx: CommandContext, arg: string, opts: DescribeOptions): Promise<number> {
  const namespace = ctx.globals.namespace ?? 'default';
  let target = parsePodArgument(arg, namespace);
  const offline = Boolean(opts.filename?.length);
  if (offline && !OFFLINE_KINDS.has(target.kind)) throw new UsageError(`"${arg}": offline (-f) describe takes a pod, deployment/, statefulset/ or daemonset/`);
  if (!offline) {
    // Checked before the cluster-wide lists: an unknown pod fails fast. A workload or service names a pod the way
    // kubectl logs does: a Running, Ready one of its pods.
    const pod = await (await ctx.cluster()).pods.resolve(target);
    target = { kind: 'Pod', ...pod };
  }
  const snapshot = await snapshotFor(ctx, opts);
  const { workload, candidates } = findWorkload(snapshot, target);
  if (!workload) {
    const what = `${target.kind === 'Pod' ? 'pod' : target.kind.toLowerCase()} ${target.name} in namespace ${target.namespace}`;
    const hint = candidates.length ? ` (${candidates.length <= 5 ? `found: ${candidates.join(', ')}` : `${candidates.length} others there`})` : '';
    if (offline) throw new InputError(`${what} is not in ${opts.filename!.join(', ')}${hint}`);
    throw new ClusterError(`${what} not found${hint}`);
  }
  const description = describePod(snapshot, workload, { ignoreUnmeshed: Boolean(opts.ignoreUnmeshed) });
  ctx.out(opts.output === 'text' ? renderText(description, { namespace }) : renderData(description, opts.output));
  return ExitCode.Ok;
}

/** `mesh describe service`. */
export async function runDescribeService(ctx: CommandContext, arg: string, opts: DescribeOptions): Promise<number> {
  const namespace = ctx.globals.namespace ?? 'default';
  const target = parsePodArgument(arg.includes('/') ? arg : `svc/${arg}`, namespace);
  if (target.kind !== 'Service') throw new UsageError(`"${arg}": expected <svc-name[.namespace]>`);
  const snapshot = await snapshotFor(ctx, opts);
  const service = findService(snapshot, target.name, target.namespace);
  if (!service) {
    const what = `service ${target.name} in namespace ${target.namespace}`;
    if (opts.filename?.length) throw new InputError(`${what} is not in ${opts.filename.join(', ')}`);
    throw new ClusterError(`${what} not found`);
  }
  const description = describeService(snapshot, service, { ignoreUnmeshed: Boolean(opts.ignoreUnmeshed) });
  ctx.out(opts.output === 'text' ? renderText(description, { namespace }) : renderData(description, opts.output));
  return ExitCode.Ok;
}

/** The snapshot to describe from: the files alone with -f (offline, nothing asked of a cluster), else the cluster. */
async function snapshotFor(ctx: CommandContext, opts: DescribeOptions): Promise<Snapshot> {
  const offline = Boolean(opts.filename?.length);
  // No stand-in ingress gateway offline: describe reports only gateways the input really has.
  const { snapshot } = await buildSnapshotFor(
    ctx,
    offline
      ? { objects: await readFileObjects(ctx, opts.filename!, { recursive: opts.recursive }) }
      : { cluster: { kinds: KINDS, timeoutMs: opts.timeout, status: 'Reading the cluster', without: 'described without them' } },
  );
  return snapshot;
}
