/**
 * The mesh graph `mesh graph` draws: nodes (gateways, VirtualServices, hosts, subsets, workloads, waypoints), edges
 * (bindings, routes, subsets, selections, hops) and their attributes, plus the analyzers' problems placed on the
 * elements they are about. It is public API for `-o json`: keys are stable, and every element says where it comes
 * from (kind, name, file:line).
 */
import type { Level } from '../model/messages.js';

/** What a node stands for. */
export type NodeKind = 'gateway' | 'virtualservice' | 'service' | 'serviceentry' | 'missing' | 'subset' | 'workload' | 'waypoint';

/** What an edge stands for. */
export type EdgeKind =
  /** A Gateway admits hosts of a VirtualService bound to it. */
  | 'binds'
  /** A VirtualService route sends (a share of) matching traffic to a destination. */
  | 'route'
  /** A route copies traffic to a mirror destination. */
  | 'mirror'
  /** A DestinationRule defines a subset of a host. */
  | 'subset'
  /** A host or subset selects a workload (the Service selector plus the subset's labels). */
  | 'selects'
  /** Ambient traffic to a host passes a waypoint proxy. */
  | 'hop';

/** A value of an attribute: shown as text in every renderer. */
export type AttributeValue = string | number | boolean | string[];

/** The object an element was drawn from, and where it is written. */
export interface SourceRef {
  kind: string;
  name: string;
  namespace: string;
  /** The file the object came from (absent for cluster objects). */
  file?: string;
  /** 1-based line of the element (the route, the subset, the object) in that file. */
  line?: number;
}

/** A problem found by the analyzers or validation on the same input. */
export interface GraphProblem {
  /** IST0xxx or MESH0xxx. */
  code: string;
  level: Level;
  message: string;
  /** `Kind namespace/name` of the resource the analyzer reported on. */
  origin?: string;
  file?: string;
  line?: number;
}

/** One node. */
export interface GraphNode {
  /** Stable id: `<kind>:<namespace>/<name>` or `host:<fqdn>`, `subset:<fqdn>/<subset>`. */
  id: string;
  kind: NodeKind;
  /** The short name drawn in the box. */
  label: string;
  namespace: string;
  /** Facts shown on click or in the data (ports, hosts, TLS, mTLS mode, policies ...), keys sorted. */
  attributes: Record<string, AttributeValue>;
  source?: SourceRef;
  problems: GraphProblem[];
}

/** One edge. */
export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  /** Text drawn on the edge: the match and the weight (`/orders* · 90%`). */
  label?: string;
  /** The share of the route's traffic, in percent, when the route splits or names weights. */
  weight?: number;
  attributes: Record<string, AttributeValue>;
  source?: SourceRef;
  problems: GraphProblem[];
}

/** The whole graph. */
export interface MeshGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every problem found on the input, including those no drawn element carries (namespaces, policies). */
  problems: GraphProblem[];
  /** Notes for people (an empty graph says why). */
  notes: string[];
}

/** The raw object behind each node, by node id: the HTML page shows it on click (not part of `-o json`). */
export type NodeConfigs = ReadonlyMap<string, unknown>;
