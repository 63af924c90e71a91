/**
 * Collects the graph's nodes and edges while the traffic, host and security passes walk the snapshot: one node per
 * id (the first pass to add it wins, later ones add attributes), edges de-duplicated by id, and each element's
 * file:line looked up from the resource it was drawn from.
 */
import type { Resource } from '../model/resource.js';
import { findingLocation } from '../analyze/location.js';
import type { AttributeValue, EdgeKind, GraphEdge, GraphNode, NodeKind, SourceRef } from './model.js';

/** Where an element was drawn from: the resource, and the field path of the element within it. */
export interface Anchor {
  resource: Resource;
  path?: readonly (string | number)[];
}

/** A node as a pass adds it. */
export interface NodeInput {
  id: string;
  kind: NodeKind;
  label: string;
  namespace: string;
  attributes?: Record<string, AttributeValue | undefined>;
  anchor?: Anchor;
  /** The object shown on click (defaults to the anchor's object). */
  config?: unknown;
}

/** An edge as a pass adds it. */
export interface EdgeInput {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  label?: string;
  weight?: number;
  attributes?: Record<string, AttributeValue | undefined>;
  anchor?: Anchor;
}

/** The graph under construction. */
export class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  readonly configs = new Map<string, unknown>();
  /** Lines of elements by resource, for placing analyzer messages on the element whose line they name. */
  readonly anchors = new Map<Resource, { line: number; ids: string[] }[]>();
  /** The nodes drawn from each resource as a whole (a VirtualService's node, the workloads a policy selects). */
  readonly related = new Map<Resource, string[]>();

  /** Adds a node, or merges attributes into the node already there. */
  node(input: NodeInput): GraphNode {
    const existing = this.nodes.get(input.id);
    if (existing) {
      this.attributes(existing, input.attributes);
      return existing;
    }
    const node: GraphNode = { id: input.id, kind: input.kind, label: input.label, namespace: input.namespace, attributes: {}, problems: [] };
    this.attributes(node, input.attributes);
    if (input.anchor) node.source = this.source(input.anchor, node.id);
    this.nodes.set(node.id, node);
    const config = input.config ?? input.anchor?.resource.object;
    if (config !== undefined) this.configs.set(node.id, config);
    return node;
  }

  /** Adds an edge (the first one with an id wins). */
  edge(input: EdgeInput): GraphEdge {
    const existing = this.edges.get(input.id);
    if (existing) return existing;
    const edge: GraphEdge = { id: input.id, kind: input.kind, from: input.from, to: input.to, attributes: {}, problems: [] };
    if (input.label) edge.label = input.label;
    if (input.weight !== undefined) edge.weight = input.weight;
    this.attributes(edge, input.attributes);
    if (input.anchor) edge.source = this.source(input.anchor, edge.id);
    this.edges.set(edge.id, edge);
    return edge;
  }

  /** Sets the defined attributes; empty lists and empty strings are left out. */
  attributes(target: { attributes: Record<string, AttributeValue> }, values: Record<string, AttributeValue | undefined> | undefined): void {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      target.attributes[key] = value;
    }
  }

  /** The element's SourceRef; also records its line for placing messages (see anchors). */
  private source(anchor: Anchor, id: string): SourceRef {
    const r = anchor.resource;
    const ref: SourceRef = { kind: r.object.kind, name: r.name, namespace: r.namespace };
    const at = findingLocation(r, anchor.path);
    if (at) {
      ref.file = at.file;
      ref.line = at.line;
      this.record(r, at.line, id);
    }
    return ref;
  }

  /** Records that the element `id` also stands at `path` of `resource` (a route's destination host or subset line). */
  alsoAt(id: string, anchor: Anchor): void {
    const at = findingLocation(anchor.resource, anchor.path);
    if (at) this.record(anchor.resource, at.line, id);
  }

  /** Records `id` as an element drawn from `resource` as a whole (a message about it lands there too). */
  relate(resource: Resource, id: string): void {
    const list = this.related.get(resource);
    if (!list) this.related.set(resource, [id]);
    else if (!list.includes(id)) list.push(id);
  }

  private record(resource: Resource, line: number, id: string): void {
    let list = this.anchors.get(resource);
    if (!list) this.anchors.set(resource, (list = []));
    const entry = list.find((e) => e.line === line);
    if (entry) entry.ids.push(id);
    else list.push({ line, ids: [id] });
  }
}
