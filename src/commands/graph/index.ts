/** `mesh graph`: the mesh's routing drawn as a picture (HTML, SVG, DOT, Mermaid) or as data, offline or from the cluster. */
import { defineCommand } from '../types.js';
import { graphFlags } from './flags.js';

export const graph = defineCommand({
  name: 'graph',
  summary: 'Draw the mesh: gateways, routes, weights, subsets, workloads and the security on each edge',
  description:
    'Builds the graph of the mesh from files and/or the cluster (read as analyze reads them): Gateways admitting hosts, ' +
    'VirtualService routes (match, weight, retries, timeouts, faults, mirrors), Services and ServiceEntries, DestinationRule ' +
    'subsets and traffic policies, the workloads each selects, the effective mTLS mode, AuthorizationPolicies and JWT rules ' +
    "on each edge, ambient waypoints. Problems found by mesh's analyzers and validation are coloured, with their IST/MESH " +
    'code and file:line. The HTML page is one self-contained file (nothing loaded from the network) with a legend, search, ' +
    'zoom and pan; click a node for its configuration. Exit 0 whatever it finds: use mesh analyze to fail a CI step.',
  examples: [
    '# open the picture of a repository of manifests in the browser',
    'mesh graph -f k8s/ -R --use-kube=false --open',
    '# write it to a file to attach to a CI run',
    'mesh graph -f k8s/ --use-kube=false --output graph.html',
    '# only what reaches or leaves the booking service, as Mermaid for a pull request',
    'mesh graph -f app.yaml --use-kube=false --focus booking.ordering -o mermaid',
    '# the live cluster, one namespace, as data',
    'mesh graph -n ordering -o json | jq ".edges[] | select(.weight)"',
    '# from a pipe, rendered by Graphviz',
    'helm template ./chart | mesh graph -f - --use-kube=false -o dot | dot -Tpng > mesh.png',
  ],
  flags: graphFlags,
  async run(ctx, opts) {
    const { runGraph } = await import('./run.js');
    return runGraph(ctx, opts);
  },
});
