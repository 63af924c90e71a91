/**
 * istiod's `/debug/clusterz`: the clusters it reads endpoints from (its own and one per remote secret), with the
 * secret each came from and whether its informers have synced. Pure: parsing and the rows of `remote-clusters`.
 */
import { compareStrings } from '../tree.js';

/** One cluster as istiod reports it (pkg/cluster DebugInfo). */
export interface ClusterDebugInfo {
  id: string;
  secretName: string;
  syncStatus: string;
}

/** One row of `remote-clusters`: a cluster and the istiod that reported it. */
export interface RemoteClusterRow {
  name: string;
  secret: string;
  status: string;
  istiod: string;
}

/** Parses the answer; undefined when it is not a list of clusters. */
export function parseClusterz(body: string): ClusterDebugInfo[] | undefined {
  let list: unknown;
  try {
    list = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return (list as unknown[]).map((item) => {
    const c = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    return { id: text(c.id), secretName: text(c.secretName), syncStatus: text(c.syncStatus) };
  });
}

/** The rows of every istiod's answer, by istiod and then cluster name (istioctl prints them in map order). */
export function remoteClusterRows(answers: readonly { istiod: string; clusters: readonly ClusterDebugInfo[] }[]): RemoteClusterRow[] {
  return answers
    .flatMap((a) => a.clusters.map((c) => ({ name: c.id, secret: c.secretName, status: c.syncStatus, istiod: a.istiod })))
    .sort((a, b) => compareStrings(a.istiod, b.istiod) || compareStrings(a.name, b.name));
}
