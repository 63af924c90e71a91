/**
 * Host names as Istio resolves them: short names are expanded in the referring namespace, wildcards match
 * suffixes, and a Service or ServiceEntry is visible from a namespace according to its exportTo.
 */
import type { Resource } from './resource.js';
import type { SnapshotView } from './view.js';
import { arr, num, obj, strMap, strs } from './access.js';
import { scalarString } from '../tree.js';

/** Cluster domain mesh assumes for short names (Istio's default). */
export const CLUSTER_DOMAIN = 'svc.cluster.local';

/** `reviews` in `default` → `reviews.default.svc.cluster.local`; names with a dot or a wildcard are kept. */
export function toFqdn(namespace: string, host: string): string {
  return host.startsWith('*') || host.includes('.') ? host : `${host}.${namespace}.${CLUSTER_DOMAIN}`;
}

/** Name and namespace of a `name.namespace.svc.cluster.local` host, if it is one. */
export function splitServiceHost(fqdn: string): { name: string; namespace: string } | undefined {
  const m = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(fqdn);
  return m ? { name: m[1]!, namespace: m[2]! } : undefined;
}

/** True when two host names can match the same request host (either may be a `*.` wildcard, or `*`). */
export function hostsOverlap(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  const aw = a.startsWith('*'),
    bw = b.startsWith('*');
  if (aw && bw) return a.length >= b.length ? a.slice(1).endsWith(b.slice(1)) : b.slice(1).endsWith(a.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return false;
}

/** A port of a service. */
export interface ServicePort {
  number: number;
  name: string;
  protocol: string;
}

/** A Service or ServiceEntry host, as the registry knows it. */
export interface ServiceView {
  /** FQDN (or the ServiceEntry host as written, possibly a wildcard). */
  host: string;
  resource: Resource;
  ports: ServicePort[];
  /** Labels that pick the backing workloads (Service selector, ServiceEntry workloadSelector). */
  selector: Record<string, string>;
}

/** Looks up hosts the way a proxy in a namespace would see them. */
export interface ServiceRegistry {
  lookup(fromNamespace: string, host: string): ServiceView | undefined;
}

interface Entry {
  /** `*` (everywhere) or the one namespace that sees it. */
  scopes: string[];
  view: ServiceView;
}

/** The registry of the Services and ServiceEntries in the snapshot (built once per snapshot, shared between its readers). */
export function serviceRegistry(ctx: SnapshotView): ServiceRegistry {
  return ctx.memo('service-registry', () => buildRegistry(ctx));
}

function buildRegistry(ctx: SnapshotView): ServiceRegistry {
  const exact = new Map<string, Entry[]>();
  const wildcards: Entry[] = [];
  const add = (entry: Entry): void => {
    if (entry.view.host.startsWith('*')) wildcards.push(entry);
    else {
      const list = exact.get(entry.view.host);
      if (list) list.push(entry);
      else exact.set(entry.view.host, [entry]);
    }
  };
  ctx.forEach('Service', (r) => {
    const spec = obj(r.object.spec);
    const ports = arr(spec.ports).map((p) => ({
      number: num(obj(p).port) ?? 0,
      name: scalarString(obj(p).name) ?? '',
      protocol: scalarString(obj(p).protocol) ?? 'TCP',
    }));
    const exportTo = r.annotations['networking.istio.io/exportTo'];
    add({
      scopes: scopesOf(exportTo ? exportTo.split(',').map((s) => s.trim()) : [], r.namespace),
      view: { host: toFqdn(r.namespace, r.name), resource: r, ports, selector: strMap(spec.selector) },
    });
  });
  ctx.forEach('ServiceEntry', (r) => {
    const spec = obj(r.object.spec);
    const ports = arr(spec.ports).map((p) => ({
      number: num(obj(p).number) ?? 0,
      name: scalarString(obj(p).name) ?? '',
      protocol: scalarString(obj(p).protocol) ?? '',
    }));
    const scopes = scopesOf(strs(spec.exportTo), r.namespace);
    const selector = strMap(obj(spec.workloadSelector).labels);
    for (const host of strs(spec.hosts)) add({ scopes, view: { host: toFqdn(r.namespace, host), resource: r, ports, selector } });
  });
  const visible = (e: Entry, ns: string): boolean => e.scopes.includes('*') || e.scopes.includes(ns);
  return {
    lookup(fromNamespace, host) {
      const fqdn = toFqdn(fromNamespace, host);
      const hit = exact.get(fqdn)?.find((e) => visible(e, fromNamespace));
      if (hit) return hit.view;
      return wildcards.find((e) => visible(e, fromNamespace) && fqdn.endsWith(e.view.host.slice(1)))?.view;
    },
  };
}

function scopesOf(exportTo: string[], namespace: string): string[] {
  if (exportTo.length === 0) return ['*'];
  return exportTo.map((e) => (e === '.' ? namespace : e));
}
