/**
 * `mesh graph` core: the mesh's routing as a graph, from the same snapshot analyze reads (files and/or a cluster),
 * with the analyzers' problems placed on what they are about. Pure: the command reads the input and renders
 * (src/render/graph/).
 */
import type { Snapshot } from '../model/snapshot.js';
import type { AnalysisMessage } from '../model/messages.js';
import { createView } from '../model/view.js';
import { meshConfigOf } from '../model/mesh-config.js';
import { compareStrings } from '../tree.js';
import { GraphBuilder } from './builder.js';
import { drawHosts, type Pass } from './hosts.js';
import { drawTraffic } from './traffic.js';
import { drawSecurity } from './security.js';
import { placeProblems } from './problems.js';
import { focused, inNamespaces } from './scope.js';
import type { MeshGraph, NodeConfigs, NodeKind } from './model.js';

export type * from './model.js';

/** What to draw. */
export interface GraphOptions {
  /** Draw only these namespaces (and the nodes one edge away); undefined: all. */
  namespaces?: ReadonlySet<string>;
  /** Draw only what reaches this node and what it reaches (see scope.ts for how it is named). */
  focus?: string;
  /** Namespace short names in --focus resolve in. */
  defaultNamespace: string;
  /** The analyzers' messages on the same snapshot (validation included). */
  messages: readonly AnalysisMessage[];
}

/** The graph, and the object behind each node for the HTML page. */
export interface GraphResult {
  graph: MeshGraph;
  configs: NodeConfigs;
}

/** Left to right, as traffic flows: the order nodes are listed in. */
const KIND_ORDER: readonly NodeKind[] = ['gateway', 'virtualservice', 'service', 'serviceentry', 'missing', 'waypoint', 'subset', 'workload'];

/** Builds the mesh graph of `snapshot`. */
export function buildGraph(snapshot: Snapshot, options: GraphOptions): GraphResult {
  const ctx = createView(snapshot);
  let rootNamespace = snapshot.istioNamespace;
  ctx.forEach('MeshConfig', (m) => void (rootNamespace = meshConfigOf(m).rootNamespace || rootNamespace));
  const b = new GraphBuilder();
  const pass: Pass = { ctx, b, rootNamespace };
  drawHosts(pass);
  drawTraffic(pass);
  drawSecurity(pass);
  const problems = placeProblems(ctx, b, options.messages);
  const nodes = [...b.nodes.values()].sort(
    (x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || compareStrings(x.namespace, y.namespace) || compareStrings(x.id, y.id),
  );
  const edges = [...b.edges.values()].sort((x, y) => compareStrings(x.from, y.from) || compareStrings(x.to, y.to) || compareStrings(x.id, y.id));
  for (const x of [...nodes, ...edges]) x.attributes = Object.fromEntries(Object.entries(x.attributes).sort(([a], [c]) => compareStrings(a, c)));
  let graph: MeshGraph = { nodes, edges, problems, notes: [] };
  if (options.namespaces) graph = inNamespaces(graph, options.namespaces);
  if (options.focus !== undefined) graph = focused(graph, options.focus, options.defaultNamespace);
  if (graph.nodes.length === 0) {
    const where = options.namespaces ? ` in namespace${options.namespaces.size === 1 ? '' : 's'} ${[...options.namespaces].sort().join(', ')}` : '';
    graph.notes.push(`nothing to draw${where}: no Gateway, VirtualService, Service, ServiceEntry, DestinationRule subset or workload in the input`);
  }
  return { graph, configs: b.configs };
}
