/**
 * Which part of the graph is drawn: the namespaces asked for (with the nodes one edge away, so that a Gateway in
 * istio-system binding a VirtualService in scope still shows), and with --focus only what reaches the focus node
 * and what it reaches.
 */
import { UsageError } from '../../errors.js';
import { toFqdn } from '../model/hosts.js';
import type { GraphEdge, MeshGraph } from './model.js';

/** Keeps nodes in `namespaces` and their neighbours. */
export function inNamespaces(graph: MeshGraph, namespaces: ReadonlySet<string>): MeshGraph {
  const inside = new Set(graph.nodes.filter((n) => namespaces.has(n.namespace)).map((n) => n.id));
  const keep = new Set(inside);
  for (const e of graph.edges) {
    if (inside.has(e.from)) keep.add(e.to);
    if (inside.has(e.to)) keep.add(e.from);
  }
  return restrict(graph, keep, false);
}

/** The node ids `focus` names: an id, a name, `name.namespace`, `namespace/name` or a host. */
export function focusIds(graph: MeshGraph, focus: string, defaultNamespace: string): string[] {
  const fqdn = toFqdn(defaultNamespace, focus);
  const hits = graph.nodes.filter(
    (n) =>
      n.id === focus ||
      n.id === `host:${fqdn}` ||
      n.id === `host:${focus}` ||
      `${n.label}.${n.namespace}` === focus ||
      `${n.namespace}/${n.label}` === focus ||
      (n.label === focus && n.kind !== 'subset' && n.namespace === defaultNamespace),
  );
  const any = hits.length ? hits : graph.nodes.filter((n) => n.label === focus && n.kind !== 'subset');
  return any.map((n) => n.id);
}

/** Keeps what reaches the focus node(s) and what they reach; a name that matches no node is a usage error. */
export function focused(graph: MeshGraph, focus: string, defaultNamespace: string): MeshGraph {
  const start = focusIds(graph, focus, defaultNamespace);
  if (start.length === 0) {
    throw new UsageError(`--focus ${focus}: no gateway, VirtualService, service or host of that name in the graph`, {
      hint: 'name it as name, name.namespace, namespace/name, a host, or a node id from -o json',
    });
  }
  const keep = new Set<string>();
  const walk = (edges: Map<string, GraphEdge[]>, next: (e: GraphEdge) => string): void => {
    const todo = [...start];
    const seen = new Set<string>();
    while (todo.length) {
      const id = todo.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      keep.add(id);
      for (const e of edges.get(id) ?? []) todo.push(next(e));
    }
  };
  walk(
    index(graph.edges, (e) => e.from),
    (e) => e.to,
  );
  walk(
    index(graph.edges, (e) => e.to),
    (e) => e.from,
  );
  return restrict(graph, keep, true);
}

function index(edges: readonly GraphEdge[], key: (e: GraphEdge) => string): Map<string, GraphEdge[]> {
  const out = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const list = out.get(key(e));
    if (list) list.push(e);
    else out.set(key(e), [e]);
  }
  return out;
}

/** The graph with only the `keep` nodes and the edges between them; `onlyTheirProblems` drops problems no kept element has. */
function restrict(graph: MeshGraph, keep: ReadonlySet<string>, onlyTheirProblems: boolean): MeshGraph {
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
  const shown = new Set([...nodes, ...edges].flatMap((x) => x.problems));
  return { ...graph, nodes, edges, problems: onlyTheirProblems ? graph.problems.filter((p) => shown.has(p)) : graph.problems };
}
