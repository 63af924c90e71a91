/** `proxy-config bootstrap`: the Envoy bootstrap, and with -o short the Istio and Envoy versions it names. */
import type { JsonObject } from '../tree.js';
import { sections, type ConfigDump } from './dump.js';
import { field, num, obj, str } from './fields.js';
import type { TableModel } from './table.js';

/** The bootstrap section of the dump (`{bootstrap, last_updated}`), if there is one. */
export function readBootstrap(dump: ConfigDump): JsonObject | undefined {
  const all = sections(dump, 'BootstrapConfigDump');
  return all[all.length - 1];
}

/** Version facts from the bootstrap's node. */
export interface BootstrapSummary {
  /** `ISTIO_VERSION` node metadata. */
  istioVersion: string;
  /** The commit of istio/proxy (`ISTIO_PROXY_SHA` without its `istio-proxy:` prefix). */
  istioProxyVersion: string;
  /** `major.minor.patch-label/status/type/ssl` from the user agent build version. */
  envoyVersion: string;
  /** The node ID istiod knows the proxy by (`sidecar~10.244.1.12~pod.ns~ns.svc.cluster.local`). */
  nodeId: string;
}

/** Reads the versions the bootstrap declares. */
export function summariseBootstrap(section: JsonObject): BootstrapSummary {
  const node = obj(section, 'bootstrap', 'node');
  const meta = obj(node, 'metadata');
  const sha = str(meta, 'ISTIO_PROXY_SHA');
  const build = obj(node, 'userAgentBuildVersion');
  const v = field(build, 'version');
  const bm = obj(build, 'metadata');
  let envoy = `${num(v, 'majorNumber')}.${num(v, 'minorNumber')}.${num(v, 'patch')}`;
  if (bm?.['build.label'] !== undefined) envoy += `-${String(bm['build.label'])}`;
  for (const key of ['revision.status', 'build.type', 'ssl.version']) {
    if (bm?.[key] !== undefined) envoy += `/${String(bm[key])}`;
  }
  return {
    istioVersion: str(meta, 'ISTIO_VERSION'),
    istioProxyVersion: sha.includes(':') ? sha.split(':')[1]! : sha,
    envoyVersion: envoy,
    nodeId: str(node, 'id'),
  };
}

/**
 * `Label: value` lines (a table without header, values aligned one space after the longest label), empty values left
 * out: the three istioctl prints (no node ID line, which istioctl's summary does not have).
 */
export function bootstrapTable(s: BootstrapSummary): TableModel {
  const lines: [string, string][] = [
    ['Istio Version:', s.istioVersion],
    ['Istio Proxy Version:', s.istioProxyVersion],
    ['Envoy Version:', s.envoyVersion],
  ];
  return { rows: lines.filter(([, v]) => v), padding: 1 };
}
