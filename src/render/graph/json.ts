/** `mesh graph -o json`: the graph as data (nodes, edges, attributes, problems, notes); public API, keys stable. */
import type { GraphEdge, GraphNode, MeshGraph } from '../../core/graph/model.js';
import { toJson } from '../format.js';

/** A node with its keys in the documented order. */
function node(n: GraphNode): GraphNode {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    namespace: n.namespace,
    ...(n.source ? { source: n.source } : {}),
    attributes: n.attributes,
    problems: n.problems,
  };
}

/** An edge with its keys in the documented order. */
function edge(e: GraphEdge): GraphEdge {
  const { id, kind, from, to, label, weight, source, attributes, problems } = e;
  return { id, kind, from, to, ...(label ? { label } : {}), ...(weight === undefined ? {} : { weight }), ...(source ? { source } : {}), attributes, problems };
}

/** The graph as JSON. */
export function graphJson(graph: MeshGraph): string {
  return toJson({ kind: 'MeshGraph', nodes: graph.nodes.map(node), edges: graph.edges.map(edge), problems: graph.problems, notes: graph.notes });
}
