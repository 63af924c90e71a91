/** The bodies of `x workload group create` and `x workload entry configure`, loaded lazily by ./index.ts. */
import type { CommandContext } from '../../../context.js';
import type { EntryConfigureOptions, GroupCreateOptions } from './flags.js';
import { ClusterError, UsageError } from '../../../errors.js';
import type { KubeObject } from '../../../core/yaml/load.js';

/** Prints the WorkloadGroup the flags describe. */
export async function runGroupCreate(ctx: CommandContext, opts: GroupCreateOptions): Promise<number> {
  if (!opts.name) throw new UsageError('expecting a workload name', { hint: 'pass --name' });
  if (!ctx.globals.namespace) throw new UsageError('expecting a workload namespace', { hint: 'pass -n <namespace>' });
  const [{ buildWorkloadGroup }, { sortedForGoYaml }, { emitYaml }] = await Promise.all([
    import('../../../core/workload/group.js'),
    import('../../../core/workload/go-order.js'),
    import('../../../core/yaml/emit.js'),
  ]);
  const wg = buildWorkloadGroup({
    ...opts,
    name: opts.name,
    namespace: ctx.globals.namespace,
    labels: opts.labels ?? [],
    annotations: opts.annotations ?? [],
    ports: opts.ports ?? [],
  });
  ctx.out(opts.output === 'json' ? `${JSON.stringify(wg, null, 2)}\n` : emitYaml(sortedForGoYaml(wg)));
  return 0;
}

const isIp = (s: string | undefined): s is string => !!s && (/^\d{1,3}(\.\d{1,3}){3}$/.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s)));

/** Writes the VM's files into -o. */
export async function runEntryConfigure(ctx: CommandContext, opts: EntryConfigureOptions): Promise<number> {
  const namespace = ctx.globals.namespace;
  if (!opts.file && (!opts.name || !namespace))
    throw new UsageError('expecting a WorkloadGroup artifact file or the name and namespace of an existing WorkloadGroup');
  if (!opts.output) throw new UsageError('expecting an output directory', { hint: 'pass -o <dir>' });
  if (opts.internalIP && opts.externalIP) throw new UsageError('the flags --internalIP and --externalIP are mutually exclusive');
  const [{ viewWorkloadGroup }, { vmFiles, istiodHost }, { loadDocuments }] = await Promise.all([
    import('../../../core/workload/group.js'),
    import('../../../core/workload/vm-files.js'),
    import('../../../core/yaml/load.js'),
  ]);
  const istioNs = ctx.globals.istioNamespace;
  const revision = opts.revision ?? '';
  const revisioned = revision !== '' && revision !== 'default';
  const cluster = await ctx.cluster();
  const get = (kind: string, ns: string, name: string, apiVersion = 'v1') => cluster.install.get({ apiVersion, kind, namespace: ns, name });

  let group: KubeObject | undefined;
  let origin: string;
  if (opts.file) {
    const [source] = await ctx.files.readSources([opts.file]);
    const doc = loadDocuments(source!.text, source!.origin).find((d) => !d.empty);
    group = doc?.value as KubeObject | undefined;
    origin = source!.origin;
    if (!group) throw new UsageError(`${origin}: no WorkloadGroup in the file`);
  } else {
    origin = `WorkloadGroup ${namespace}/${opts.name}`;
    group = await get('WorkloadGroup', namespace!, opts.name!, 'networking.istio.io/v1');
    if (!group) throw new ClusterError(`workloadgroup ${opts.name} not found in namespace ${namespace}`);
  }
  const wg = viewWorkloadGroup(group, origin);

  let clusterId = opts.clusterID ?? '';
  if (opts.clusterID === undefined) {
    const injector = revisioned ? `istio-sidecar-injector-${revision}` : 'istio-sidecar-injector';
    const cm = await get('ConfigMap', istioNs, injector);
    if (!cm)
      throw new ClusterError(`failed to automatically determine the --clusterID: ConfigMap ${istioNs}/${injector} not found`, {
        hint: 'pass --clusterID, or -i for the Istio namespace',
      });
    const values = JSON.parse(String((cm.data as Record<string, string> | undefined)?.values ?? '{}')) as {
      global?: { multiCluster?: { clusterName?: string } };
    };
    clusterId = values.global?.multiCluster?.clusterName ?? '';
  }
  const meshCm = revisioned ? `istio-${revision}` : 'istio';
  const [mesh, root] = await Promise.all([get('ConfigMap', istioNs, meshCm), get('ConfigMap', wg.namespace, 'istio-ca-root-cert')]);
  if (!mesh) throw new ClusterError(`configmap ${meshCm} was not found in namespace ${istioNs}`, { hint: 'is Istio installed there? (-i, --revision)' });
  if (!root)
    throw new ClusterError(`configmap istio-ca-root-cert was not found in namespace ${wg.namespace}`, {
      hint: 'istiod writes it into every namespace it watches',
    });
  const token = await cluster.createToken(wg.namespace, wg.template.serviceAccount, { audiences: ['istio-ca'], expirationSeconds: opts.tokenDuration });

  let ingressIp = isIp(opts.ingressIP) ? opts.ingressIP : undefined;
  if (!ingressIp) {
    const [svcName, svcNs] = (opts.ingressService ?? 'istio-eastwestgateway').split('.');
    const svc = await get('Service', svcNs ?? istioNs, svcName!).catch(() => undefined);
    const status = svc?.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined;
    const found = status?.loadBalancer?.ingress?.[0]?.ip ?? (svc?.spec as { externalIPs?: string[] } | undefined)?.externalIPs?.[0];
    if (isIp(found)) ingressIp = found;
    else
      ctx.err(
        `warning: could not auto-detect the IP for ${istiodHost(istioNs, revision)}/${istioNs}. Use --ingressIP to give the gateway address that reaches istiod from the VM.\n`,
      );
  }
  const out = vmFiles({
    wg,
    istioNamespace: istioNs,
    revision,
    clusterId,
    meshConfig: String((mesh.data as Record<string, string> | undefined)?.mesh ?? ''),
    rootCert: String((root.data as Record<string, string> | undefined)?.['root-cert.pem'] ?? ''),
    token,
    ...(ingressIp ? { ingressIp } : {}),
    ...(opts.internalIP ? { internalIp: opts.internalIP } : {}),
    ...(opts.externalIP ? { externalIp: opts.externalIP } : {}),
    dnsCapture: opts.captureDns,
    autoRegister: opts.autoregister,
  });
  for (const note of out.notes) ctx.err(`${note}\n`);
  await ctx.files.writeFiles(opts.output, out.files);
  ctx.err(
    `Warning: a security token for namespace "${wg.namespace}" and service account "${wg.template.serviceAccount}" has been generated and stored at "${opts.output}/istio-token"\n`,
  );
  ctx.out(`Configuration generation into directory ${opts.output} was successful\n`);
  return 0;
}
