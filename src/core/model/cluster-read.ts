/**
 * The port through which snapshot-based commands (analyze, describe, precheck) read a live cluster: one
 * point-in-time list per kind. src/adapters/kube/snapshot.ts implements it over the API server; test/helpers
 * has an in-memory fake seeded from objects.
 */
import type { KubeObject } from '../yaml/load.js';

/** Why a kind could not be read: the cluster does not serve it (CRD missing) or the user may not list it. */
export type SkipReason = 'notServed' | 'forbidden';

/** One kind the read had to leave out. */
export interface SkippedKind {
  /** The analyzer kind, e.g. `VirtualService` or `Gateway.gateway.networking.k8s.io`. */
  kind: string;
  /** Why it was left out. */
  reason: SkipReason;
}

/** What the cluster gave, and what it would not. */
export interface ClusterRead {
  objects: KubeObject[];
  /** Kinds listed in full (their absence from `objects` means there are none). */
  complete: string[];
  /** Kinds that could not be read. */
  skipped: SkippedKind[];
  /** The API server, for messages. */
  server: string;
}

/** What to read. */
export interface ClusterReadOptions {
  /** Analyzer kinds to read (MeshConfig and MeshNetworks are derived from ConfigMaps). */
  kinds: readonly string[];
  /** The Istio control-plane namespace: the only namespace whose ConfigMaps are read. */
  istioNamespace: string;
  /** The whole read fails with a ClusterError after this long. */
  timeoutMs: number;
  /** Called as lists finish, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads kinds from a cluster. Throws ClusterError when it is unreachable or refuses every kind. */
export interface ClusterReader {
  read(options: ClusterReadOptions): Promise<ClusterRead>;
}

/** The words users see for a skip, e.g. `VirtualService: forbidden (403)`. */
export function describeSkip(skip: SkippedKind): string {
  return `${skip.kind}: ${skip.reason === 'forbidden' ? 'forbidden (403)' : 'not served by this cluster (CRD not installed?)'}`;
}
