/**
 * `x workload group create`: a WorkloadGroup from flags, as istioctl builds it (empty maps and zero values left out,
 * as the proto's JSON leaves them out), and the reading of a WorkloadGroup for `x workload entry configure`.
 */
import { UsageError } from '../../errors.js';
import type { KubeObject } from '../yaml/load.js';

/** The flags of `group create`, as given. */
export interface GroupFlags {
  name: string;
  namespace: string;
  labels: string[];
  annotations: string[];
  ports: string[];
  serviceAccount: string;
  network?: string;
  locality?: string;
  weight?: number;
}

/** `key=value` → [key, value]; no `=` gives an empty value (istioctl's splitEqual). */
function splitEqual(s: string): [string, string] {
  const i = s.indexOf('=');
  return i >= 0 ? [s.slice(0, i), s.slice(i + 1)] : [s, ''];
}

/** Comma lists and repeated flags, as cobra's StringSlice reads them, into a map. */
export function toStringMap(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items.flatMap((i) => i.split(','))) {
    const [k, v] = splitEqual(item);
    out[k] = v;
  }
  return out;
}

function toPortMap(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(toStringMap(items))) {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n > 0xffffffff) throw new UsageError(`--ports: "${k}=${v}": the port must be a number`);
    out[k] = n;
  }
  return out;
}

const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length ? o : undefined);

/** The WorkloadGroup the flags describe. */
export function buildWorkloadGroup(flags: GroupFlags): KubeObject {
  const template: Record<string, unknown> = {
    ports: nonEmpty(toPortMap(flags.ports)),
    serviceAccount: flags.serviceAccount || undefined,
    network: flags.network || undefined,
    locality: flags.locality || undefined,
    weight: flags.weight || undefined,
  };
  const metadata = { labels: nonEmpty(toStringMap(flags.labels)), annotations: nonEmpty(toStringMap(flags.annotations)) };
  return JSON.parse(
    JSON.stringify({
      apiVersion: 'networking.istio.io/v1',
      kind: 'WorkloadGroup',
      metadata: { name: flags.name, namespace: flags.namespace },
      spec: { metadata, template },
    }),
  ) as KubeObject;
}

/** A WorkloadGroup's parts that configure reads, with istioctl's defaults filled in. */
export interface WorkloadGroupView {
  name: string;
  namespace: string;
  /** metadata.annotations of the object itself. */
  annotations: Record<string, string>;
  /** spec.metadata. */
  labels: Record<string, string>;
  specAnnotations: Record<string, string>;
  /** spec.template (a WorkloadEntry); serviceAccount defaults to `default`. */
  template: { ports: Record<string, number>; serviceAccount: string; network: string; labels: Record<string, string> };
  /** spec.probe, as written. */
  probe?: unknown;
}

const dict = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strings = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(dict(v)).map(([k, x]) => [k, String(x)]));

/** Reads a WorkloadGroup object (from a file or the cluster); `origin` names it in errors. */
export function viewWorkloadGroup(o: KubeObject, origin: string): WorkloadGroupView {
  if (o.kind !== 'WorkloadGroup') throw new UsageError(`${origin}: expected a WorkloadGroup, found ${o.kind || 'no kind'}`);
  const spec = dict(o.spec);
  const template = dict(spec.template);
  const meta = dict(spec.metadata);
  return {
    name: o.metadata?.name ?? '',
    namespace: o.metadata?.namespace ?? '',
    annotations: o.metadata?.annotations ?? {},
    labels: strings(meta.labels),
    specAnnotations: strings(meta.annotations),
    template: {
      ports: Object.fromEntries(Object.entries(dict(template.ports)).map(([k, v]) => [k, Number(v)])),
      serviceAccount: String(template.serviceAccount ?? '') || 'default',
      network: String(template.network ?? ''),
      labels: strings(template.labels),
    },
    ...(spec.probe !== undefined && spec.probe !== null ? { probe: spec.probe } : {}),
  };
}
