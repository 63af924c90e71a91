/** Which objects mesh knows how to analyze: what `mesh analyze --ignore-unknown` keeps of its file inputs. */
import type { KubeObject } from '../yaml/load.js';
import { kindOf } from '../model/resource.js';

/** API groups of the Kubernetes and Istio kinds mesh reads (core `v1` included). */
const KNOWN_GROUPS =
  /^(v1|apps\/|batch\/|networking\.k8s\.io\/|policy\/|rbac\.authorization\.k8s\.io\/|admissionregistration\.k8s\.io\/|apiextensions\.k8s\.io\/|autoscaling\/|[a-z.]*istio\.io\/|gateway\.networking\.k8s\.io\/)/;

/** True for an object of a known API group, or of a kind analyzers name by its bare kind. */
export function isKnownObject(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return KNOWN_GROUPS.test(object.apiVersion) || kindOf(object) === object.kind;
}
