/**
 * `x workload entry configure`: the files a VM needs to join the mesh (cluster.env, mesh.yaml, root-cert.pem,
 * istio-token, hosts), computed as istioctl 1.30's istioctl/pkg/workload computes them. Pure: the command reads
 * the mesh ConfigMap, root certificate, token and gateway address from the cluster and passes them in.
 */
import jsyaml from 'js-yaml';
import { emitYaml } from '../yaml/emit.js';
import { goJson, goJsonMap, shellQuote, sortedForGoYaml } from './go-order.js';
import type { WorkloadGroupView } from './group.js';
import { InputError } from '../../errors.js';

/** What configure knows besides the WorkloadGroup. */
export interface VmInputs {
  wg: WorkloadGroupView;
  istioNamespace: string;
  /** The control-plane revision (`default` or empty for none). */
  revision: string;
  clusterId: string;
  /** The `mesh` key of the istio ConfigMap. */
  meshConfig: string;
  rootCert: string;
  token: string;
  /** The address that reaches istiod from the VM (--ingressIP or the east-west gateway's), if any. */
  ingressIp?: string;
  internalIp?: string;
  externalIp?: string;
  dnsCapture: boolean;
  autoRegister: boolean;
}

/** The files, by name, in the order istioctl writes them. */
export interface VmFiles {
  files: { name: string; text: string }[];
  /** Messages istioctl prints on the way (labels moved, gateway address unknown). */
  notes: string[];
}

const isRevisioned = (rev: string): boolean => rev !== '' && rev !== 'default';

/** `istiod[-rev].<ns>.svc`. */
export function istiodHost(ns: string, rev: string): string {
  return `${isRevisioned(rev) ? `istiod-${rev}` : 'istiod'}.${ns}.svc`;
}

function yamlMap(text: string, origin: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = jsyaml.load(text);
  } catch (error) {
    throw new InputError(`${origin}: not valid YAML: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
  }
  if (parsed === undefined || parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError(`${origin}: expected a map`);
  return parsed as Record<string, unknown>;
}

/** Labels' canonical service and revision, as Istio's labels.CanonicalService derives them. */
export function canonicalService(labels: Record<string, string>, workloadName: string): [string, string] {
  const service = labels['service.istio.io/canonical-name'] || labels['app.kubernetes.io/name'] || labels.app || workloadName;
  const revision = labels['service.istio.io/canonical-revision'] || labels['app.kubernetes.io/version'] || labels.version || 'latest';
  return [service, revision];
}

/** Computes the five files. */
export function vmFiles(inputs: VmInputs): VmFiles {
  const { wg, istioNamespace: ns, revision } = inputs;
  const notes: string[] = [];
  const mesh = yamlMap(inputs.meshConfig, `ConfigMap ${ns}/${isRevisioned(revision) ? `istio-${revision}` : 'istio'} key mesh`);
  const proxy: Record<string, unknown> = { ...(mesh.defaultConfig as Record<string, unknown> | undefined) };
  const metadata: Record<string, string> = { ...((proxy.proxyMetadata as Record<string, string> | undefined) ?? {}) };
  if (isRevisioned(revision) && !proxy.discoveryAddress) proxy.discoveryAddress = `${istiodHost(ns, revision)}:15012`;
  // proxy.istio.io/config on the object, then in spec.metadata: fields replace, proxyMetadata merges key by key.
  for (const annotations of [wg.annotations, wg.specAnnotations]) {
    const pc = annotations['proxy.istio.io/config'];
    if (pc === undefined) continue;
    const overlay = yamlMap(pc, `WorkloadGroup ${wg.namespace}/${wg.name} annotation proxy.istio.io/config`);
    Object.assign(proxy, overlay);
    Object.assign(metadata, (overlay.proxyMetadata as Record<string, string> | undefined) ?? {});
  }
  const labels = { ...wg.labels };
  if (Object.keys(wg.template.labels).length) {
    notes.push(`Labels should be set in the metadata. The following WorkloadEntry labels will override metadata labels: ${goJsonMap(wg.template.labels)}`);
    Object.assign(labels, wg.template.labels);
  }
  if (wg.probe === undefined) delete proxy.readinessProbe;
  else proxy.readinessProbe = wg.probe;

  const [service, canonicalRevision] = canonicalService(labels, wg.name);
  metadata.CANONICAL_SERVICE = service;
  metadata.CANONICAL_REVISION = canonicalRevision;
  metadata.POD_NAMESPACE = wg.namespace;
  metadata.SERVICE_ACCOUNT = wg.template.serviceAccount;
  metadata.TRUST_DOMAIN = String(mesh.trustDomain ?? '');
  metadata.ISTIO_META_CLUSTER_ID = inputs.clusterId;
  metadata.ISTIO_META_MESH_ID = String(proxy.meshId ?? '');
  metadata.ISTIO_META_NETWORK = wg.template.network;
  const ports = Object.entries(wg.template.ports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (ports.length) metadata.ISTIO_META_POD_PORTS = goJson(ports.map(([name, port]) => ({ name, containerPort: port, protocol: '' })));
  metadata.ISTIO_META_WORKLOAD_NAME = wg.name;
  labels['service.istio.io/canonical-name'] = service;
  labels['service.istio.io/canonical-revision'] = canonicalRevision;
  metadata.ISTIO_METAJSON_LABELS = goJsonMap(labels);
  if (inputs.dnsCapture) metadata.ISTIO_META_DNS_CAPTURE = 'true';
  if (inputs.autoRegister) metadata.ISTIO_META_AUTO_REGISTER_GROUP = wg.name;
  proxy.proxyMetadata = metadata;

  const meshYaml = emitYaml(sortedForGoYaml({ defaultConfig: JSON.parse(JSON.stringify(proxy)) as unknown }));
  return {
    files: [
      { name: 'mesh.yaml', text: meshYaml },
      { name: 'cluster.env', text: clusterEnv(inputs, metadata, proxy) },
      { name: 'root-cert.pem', text: inputs.rootCert },
      { name: 'istio-token', text: inputs.token },
      { name: 'hosts', text: inputs.ingressIp ? `${inputs.ingressIp} ${istiodHost(ns, revision)}\n` : '' },
    ],
    notes,
  };
}

function clusterEnv(inputs: VmInputs, metadata: Record<string, string>, proxy: Record<string, unknown>): string {
  const { wg } = inputs;
  const ports = Object.values(wg.template.ports).map(String);
  // 22 keeps ssh reachable if the proxy misbehaves; 15090 Prometheus; 15021 and the status port the agent.
  const status = Number(proxy.statusPort ?? 0);
  let exclude = '22,15090,15021';
  if (status !== 15090 && status !== 15021) exclude += status !== 0 ? `,${status}` : ',15020';
  const overrides: Record<string, string> = {
    ISTIO_INBOUND_PORTS: ports.length ? ports.join(',') : '*',
    ISTIO_NAMESPACE: wg.namespace,
    ISTIO_SERVICE: `${wg.name}.${wg.namespace}`,
    ISTIO_SERVICE_CIDR: '*',
    ISTIO_LOCAL_EXCLUDE_PORTS: exclude,
    SERVICE_ACCOUNT: wg.template.serviceAccount,
  };
  if (isRevisioned(inputs.revision)) overrides.CA_ADDR = `${istiodHost(inputs.istioNamespace, inputs.revision)}:15012`;
  if (inputs.internalIp) overrides.ISTIO_SVC_IP = inputs.internalIp;
  else if (inputs.externalIp) {
    overrides.ISTIO_SVC_IP = inputs.externalIp;
    overrides.REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION = 'true';
  }
  const env = { ...metadata, ...overrides };
  const lines = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  return `${lines.sort().join('\n')}\n`;
}
