/** Node ids of the mesh graph: stable across runs, readable in `-o json` and usable with --focus. */

/** A host (Service, ServiceEntry host, or a host nothing defines): `host:<fqdn>`. */
export function hostId(fqdn: string): string {
  return `host:${fqdn}`;
}

/** A DestinationRule subset of a host. */
export function subsetId(fqdn: string, subset: string): string {
  return `subset:${fqdn}/${subset}`;
}

/** A namespaced object drawn as a node: `gateway:ns/name`, `virtualservice:ns/name`, `waypoint:ns/name`. */
export function objectId(kind: 'gateway' | 'virtualservice' | 'waypoint', namespace: string, name: string): string {
  return `${kind}:${namespace}/${name}`;
}

/** A workload: `workload:ns/Kind/name`. */
export function workloadId(namespace: string, kind: string, name: string): string {
  return `workload:${namespace}/${kind}/${name}`;
}
