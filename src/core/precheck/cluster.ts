/**
 * The port through which precheck asks the API server its questions; src/adapters/kube/precheck.ts implements it.
 */
import type { KubeObject } from '../yaml/load.js';
import type { Denied, KindResource, Permission } from './index.js';

/** The /version answer (fields precheck reads). */
export interface ServerVersion {
  gitVersion?: string;
  major?: string;
  minor?: string;
}

/** A cluster connection with precheck's questions. */
export interface PrecheckCluster {
  server: string;
  version(): Promise<ServerVersion>;
  resolveKinds(kinds: readonly { apiVersion: string; kind: string }[]): Promise<Map<string, KindResource>>;
  review(permissions: readonly Permission[]): Promise<Denied[]>;
  /** istiod Deployments in all namespaces; undefined when the user may not list them (with the reason). */
  istiodDeployments(): Promise<KubeObject[] | string>;
  /** Every CRD; a string (the reason) when the user may not list them. */
  crds(): Promise<KubeObject[] | string>;
  /** The Service `zipkin` in `namespace`, if present (undefined also when forbidden: it is only a note). */
  zipkin(namespace: string): Promise<KubeObject | undefined>;
}
