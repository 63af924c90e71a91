/**
 * IST0126: every `fromRegistry` in meshNetworks names a registry istiod has: a built-in one, this cluster's ID
 * (istiod's CLUSTER_ID) or a remote cluster, whose secrets (label istio/multiCluster=true) hold one key per cluster.
 * Otherwise the network silently gets no endpoints.
 */
import type { AnalysisContext, Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

/** Registries istiod always has (provider IDs; compared as written, like istiod does). */
const BUILT_IN = ['Kubernetes', 'External', 'Mock'];
/** Label that marks a remote-cluster secret. */
const REMOTE_SECRET_LABEL = 'istio/multiCluster';

export const meshNetworksRegistries: Analyzer = {
  meta: {
    name: 'meshnetworks.MeshNetworksAnalyzer',
    description: 'Checks that the networks in meshNetworks take endpoints from registries (clusters) istiod knows',
    inputs: ['MeshNetworks', 'Secret', 'Deployment'],
    codes: ['IST0126'],
  },
  analyze(ctx) {
    let known: Set<string> | undefined;
    ctx.forEach('MeshNetworks', (mn) => {
      known ??= knownRegistries(ctx);
      for (const [network, value] of Object.entries(obj(obj(mn.object.spec).networks))) {
        for (const endpoint of arr(obj(value).endpoints)) {
          const registry = scalarString(obj(endpoint).fromRegistry);
          if (registry !== undefined && !known.has(registry)) ctx.report(mn, 'IST0126', [network, registry], ['data', 'meshNetworks']);
        }
      }
    });
  },
};

function knownRegistries(ctx: AnalysisContext): Set<string> {
  const known = new Set(BUILT_IN);
  ctx.forEach('Secret', (s) => {
    if (s.labels[REMOTE_SECRET_LABEL] !== 'true') return;
    // Keys may sit in data (from a cluster) or stringData (as written in a file).
    for (const key of [...Object.keys(obj(s.object.data)), ...Object.keys(obj(s.object.stringData))]) known.add(key);
  });
  // The local cluster's registry is named after istiod's CLUSTER_ID (values.global.multiCluster.clusterName).
  ctx.forEach('Deployment', (d) => {
    const template = obj(obj(d.object.spec).template);
    if (d.namespace !== ctx.istioNamespace || obj(obj(template.metadata).labels).app !== 'istiod') return;
    for (const c of arr(obj(template.spec).containers)) {
      for (const e of arr(obj(c).env)) {
        const value = scalarString(obj(e).value);
        if (obj(e).name === 'CLUSTER_ID' && value) known.add(value);
      }
    }
  });
  return known;
}
