/**
 * What a bug report is made of, read from the cluster: the inventory (version, nodes, pods), the Istio and
 * Kubernetes resources (never Secrets), analyze's findings over them, and one collection task per log, config dump
 * and istiod debug endpoint of the selected containers. Everything that cannot be read becomes a LeftOut.
 */
import type { Cluster, CommandContext, LogOptions } from '../../context.js';
import type { KubeObject } from '../../core/yaml/load.js';
import type { CollectTask, LeftOut } from './collect.js';
import { collectTargets, ISTIOD_DEBUG_PATHS, PROXY_DEBUG_PATHS, trimObject, ZTUNNEL_DEBUG_PATHS, type CollectTarget } from '../../core/bug-report/layout.js';
import { exactNamespaces, IGNORED_NAMESPACES, selected, type SelectionSpec } from '../../core/bug-report/filter.js';
import { ClusterError } from '../../errors.js';

/** What to gather. */
export interface GatherOptions {
  include: SelectionSpec[];
  exclude: SelectionSpec[];
  /** Which part of each log. */
  log: LogOptions;
  skipProxyDebug: boolean;
  skipAnalyze: boolean;
  skipClusterDump: boolean;
  proxyAdminPort: number;
  /** Bound on the resource read. */
  timeoutMs: number;
}

/** The fixed part of the report, known before the per-container tasks run. */
export interface Inventory {
  /** Entries already made (path → text): versions, nodes, resources, analyze. */
  files: { path: string; text: string }[];
  /** The per-container tasks. */
  tasks: CollectTask[];
  leftOut: LeftOut[];
  /** Selected containers, by role. */
  counts: Record<string, number>;
  /** Pods seen. */
  pods: number;
}

const reason = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0]!;

/** Lists pods cluster-wide, or namespace by namespace when that is refused and the include specs name them. */
async function listPods(cluster: Cluster, istioNamespace: string, include: SelectionSpec[], leftOut: LeftOut[]): Promise<KubeObject[]> {
  const only = exactNamespaces(include);
  const namespaces = only ? [...new Set([...only, istioNamespace])] : undefined;
  if (!namespaces) {
    try {
      return await cluster.install.list('v1', 'Pod', {});
    } catch (error) {
      if (!(error instanceof ClusterError) || !/forbidden/i.test(error.message)) throw error;
      leftOut.push({ what: 'Pods in all namespaces', reason: `${reason(error)} (only the Istio namespace was read; name namespaces with --include)` });
      return listPods(
        cluster,
        istioNamespace,
        [{ namespaces: [istioNamespace], deployments: [], pods: [], labels: {}, annotations: {}, containers: [] }],
        leftOut,
      );
    }
  }
  const lists = await Promise.all(
    namespaces.map((ns) =>
      cluster.install.list('v1', 'Pod', { namespace: ns }).catch((error: unknown) => {
        if (!(error instanceof ClusterError) || !/forbidden/i.test(error.message)) throw error;
        leftOut.push({ what: `Pods in namespace ${ns}`, reason: reason(error) });
        return [];
      }),
    ),
  );
  return lists.flat();
}

function versionsText(k8s: string, nodes: KubeObject[], targets: CollectTarget[], meshVersion: string, istioVersion: string): string {
  const lines = [`mesh version: ${meshVersion} (Istio ${istioVersion})`, `Kubernetes: ${k8s}`, '', 'Nodes:'];
  for (const n of nodes) {
    const info = ((n.status as { nodeInfo?: Record<string, string> } | undefined)?.nodeInfo ?? {}) as Record<string, string>;
    lines.push(`  ${n.metadata?.name}: kubelet ${info.kubeletVersion ?? '?'}, ${info.osImage ?? '?'}, ${info.containerRuntimeVersion ?? '?'}`);
  }
  const byRole = (role: string) => targets.filter((t) => t.role === role);
  lines.push('', 'Control plane (istiod):');
  for (const t of byRole('istiod')) lines.push(`  ${t.namespace}/${t.pod}: ${t.image} (revision ${t.labels['istio.io/rev'] ?? 'default'})`);
  const proxies = new Map<string, number>();
  for (const t of [...byRole('proxy'), ...byRole('ztunnel')]) proxies.set(t.image, (proxies.get(t.image) ?? 0) + 1);
  lines.push('', 'Proxies (image: count):');
  for (const [image, count] of [...proxies].sort()) lines.push(`  ${image}: ${count}`);
  return `${lines.join('\n')}\n`;
}

/** Reads the inventory and plans the tasks. Throws ClusterError only when the cluster cannot be read at all. */
export async function gather(ctx: CommandContext, cluster: Cluster, options: GatherOptions): Promise<Inventory> {
  const [{ MESH_VERSION, ISTIO_VERSION }, { toYaml }] = await Promise.all([import('../../version.js'), import('../../render/format.js')]);
  const istioNamespace = ctx.globals.istioNamespace;
  const leftOut: LeftOut[] = [];
  const files: { path: string; text: string }[] = [];
  // One quick call first: an unreachable cluster is then one error, not one per task.
  const version = await cluster.precheck.version();
  const [pods, nodes] = await Promise.all([
    listPods(cluster, istioNamespace, options.include, leftOut),
    cluster.install.list('v1', 'Node', {}).catch((error: unknown) => {
      leftOut.push({ what: 'cluster/nodes.yaml', reason: reason(error) });
      return [] as KubeObject[];
    }),
  ]);
  const all = collectTargets(pods, istioNamespace);
  // istiod is always collected (the include specs select proxies, as in istioctl); the rest by the specs.
  const targets = all.filter((t) => t.role === 'istiod' || selected(t, options.include, options.exclude));
  if (!all.some((t) => t.role === 'istiod'))
    leftOut.push({
      what: `istio/${istioNamespace}`,
      reason: `no istiod pods (app=istiod) in namespace ${istioNamespace}: is Istio installed there? (--istio-namespace)`,
    });
  files.push({ path: 'versions.txt', text: versionsText(version.gitVersion ?? '?', nodes, all, MESH_VERSION, ISTIO_VERSION) });
  if (nodes.length) files.push({ path: 'cluster/nodes.yaml', text: toYaml(nodes.map(trimObject)) });
  if (!options.skipClusterDump) files.push(...(await resources(ctx, options, leftOut)));
  const tasks = targets.flatMap((t) => tasksFor(cluster, t, options));
  const counts: Record<string, number> = {};
  for (const t of targets) counts[t.role] = (counts[t.role] ?? 0) + 1;
  return { files, tasks, leftOut, counts, pods: pods.length };
}

/** Istio and Kubernetes resources of the selected namespaces (Secrets never), and analyze's findings over them. */
async function resources(ctx: CommandContext, options: GatherOptions, leftOut: LeftOut[]): Promise<{ path: string; text: string }[]> {
  const [analyze, { toYaml }, { formatMessages }, { MESH_VERSION }, { describeSkip }, { buildSnapshot }] = await Promise.all([
    import('../../core/analyze/index.js'),
    import('../../render/format.js'),
    import('../../render/analyze.js'),
    import('../../version.js'),
    import('../../core/model/cluster-read.js'),
    import('../../core/model/snapshot.js'),
  ]);
  const analyzers = analyze.selectAnalyzers([]);
  const kinds = [...new Set(analyzers.flatMap((a) => a.meta.inputs))].filter((k) => k !== 'Secret').sort();
  const cluster = await ctx.cluster();
  let read;
  try {
    read = await cluster.reader.read({ kinds, istioNamespace: ctx.globals.istioNamespace, timeoutMs: options.timeoutMs });
  } catch (error) {
    leftOut.push({ what: 'resources/', reason: reason(error) });
    return [];
  }
  for (const skip of read.skipped) leftOut.push({ what: `resources/${skip.kind}.yaml`, reason: describeSkip(skip) });
  const wanted = (o: KubeObject) => {
    const ns = o.metadata?.namespace;
    if (!ns) return true;
    if ((IGNORED_NAMESPACES as readonly string[]).includes(ns)) return false;
    const asPath = { namespace: ns, deployment: '', pod: '', container: '', labels: {}, annotations: {} };
    const nsOnly = (specs: SelectionSpec[]) => specs.map((s) => ({ ...s, deployments: [], pods: [], containers: [], labels: {}, annotations: {} }));
    return selected(
      asPath,
      nsOnly(options.include),
      nsOnly(options.exclude).filter((s) => s.namespaces.length),
    );
  };
  const objects = read.objects.filter((o) => o.kind !== 'Secret' && wanted(o));
  const byKind = new Map<string, KubeObject[]>();
  for (const o of objects) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), trimObject(o)]);
  const out = [...byKind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, list]) => ({ path: `resources/${kind}.yaml`, text: toYaml(list) }));
  if (!options.skipAnalyze) {
    const snapshot = buildSnapshot([{ objects: objects.map((object) => ({ object, origin: { type: 'cluster' as const } })), complete: read.complete }], {
      defaultNamespace: 'default',
      istioNamespace: ctx.globals.istioNamespace,
      addDefaults: false,
    });
    const result = analyze.analyzeSnapshot(snapshot, { only: [], suppressions: [], outputThreshold: 'Info', failureThreshold: 'Error' });
    const text = formatMessages(result.shown, 'log', { color: false, toolVersion: MESH_VERSION });
    out.push({ path: 'analyze/analyze.txt', text: text || 'No validation issues found when analyzing the cluster.\n' });
  }
  return out;
}

function tasksFor(cluster: Cluster, t: CollectTarget, options: GatherOptions): CollectTask[] {
  const pod = { name: t.pod, namespace: t.namespace };
  const log: CollectTask = {
    path: `${t.dir}/${t.role === 'istiod' ? 'discovery' : t.container}.log`,
    fetch: () => cluster.logs(pod, t.container, options.log),
  };
  const get = (port: number, path: string, file: string): CollectTask => ({ path: `${t.dir}/${file}`, fetch: () => cluster.request(pod, port, path) });
  switch (t.role) {
    case 'istiod':
      return [log, ...ISTIOD_DEBUG_PATHS.map((p) => get(15014, `/debug/${p}`, `debug/${p}`)), get(15014, '/metrics', 'metrics')];
    case 'proxy':
      return [log, ...(options.skipProxyDebug ? [] : PROXY_DEBUG_PATHS.map((p) => get(options.proxyAdminPort, `/${p}`, p.replace(/\?.*/, ''))))];
    case 'ztunnel':
      return [log, ...(options.skipProxyDebug ? [] : ZTUNNEL_DEBUG_PATHS.map((p) => get(options.proxyAdminPort, `/${p}`, p)))];
    default:
      return [log];
  }
}
