/** What every drawing of the mesh graph writes the same way: the lines of a node's box, its problems, an edge's look. */
import type { GraphEdge, GraphNode, GraphProblem, NodeKind } from '../../core/graph/model.js';

/** How each kind of node is titled in its box and in the legend. */
export const KIND_TITLES: Record<NodeKind, string> = {
  gateway: 'Gateway',
  virtualservice: 'VirtualService',
  service: 'Service',
  serviceentry: 'ServiceEntry',
  missing: 'missing',
  subset: 'subset',
  workload: 'workload',
  waypoint: 'waypoint',
};

/** Fill colours by kind (light, so that the red of a problem stands out). */
export const KIND_COLOURS: Record<NodeKind, string> = {
  gateway: '#e3f2fd',
  virtualservice: '#ede7f6',
  service: '#e8f5e9',
  serviceentry: '#fff8e1',
  missing: '#eeeeee',
  subset: '#e0f7fa',
  workload: '#f5f5f5',
  waypoint: '#fce4ec',
};

/** The colours of a problem: Error and Warning red, Info amber. */
export const PROBLEM_STROKE = '#c62828';
export const INFO_STROKE = '#ef8f00';
export const PROBLEM_FILL = '#ffebee';

/** The first line of a node's box: its kind (a workload's own kind, Deployment or Pod). */
export function kindLine(node: GraphNode): string {
  if (node.kind === 'workload') return String(node.attributes.workloadKind ?? 'workload');
  if (node.kind === 'subset') return `subset of ${String(node.attributes.host ?? '').split('.')[0]}`;
  return KIND_TITLES[node.kind];
}

/** The lines of a node's box: kind, name, namespace, and one `⚠ CODE` line per distinct problem code. */
export function nodeLines(node: GraphNode): string[] {
  const lines = [kindLine(node), node.label];
  if (node.namespace && node.kind !== 'subset') lines.push(node.namespace);
  const codes = problemCodes(node.problems);
  if (codes.length) lines.push(`\u26a0 ${codes.join(' ')}`);
  return lines;
}

/** Distinct codes, in order. */
export function problemCodes(problems: readonly GraphProblem[]): string[] {
  return [...new Set(problems.map((p) => p.code))];
}

/** The worst level among problems: 'error' (Error or Warning), 'info', or undefined. */
export function problemLevel(problems: readonly GraphProblem[]): 'error' | 'info' | undefined {
  if (problems.some((p) => p.level !== 'Info')) return 'error';
  return problems.length ? 'info' : undefined;
}

/** Line width of an edge: thicker with its share of the traffic. */
export function edgeWidth(edge: GraphEdge): number {
  return edge.weight === undefined ? 1.2 : 1 + (edge.weight / 100) * 4;
}

/** True when an edge carries plaintext the server refuses (a DestinationRule disabling TLS towards STRICT mTLS). */
export function isConflict(edge: GraphEdge): boolean {
  return String(edge.attributes.mtls ?? '').startsWith('conflict');
}

/** One line of a problem: `Error IST0101 file:line message`. */
export function problemLine(p: GraphProblem): string {
  const at = p.file ? ` ${p.file}${p.line === undefined ? '' : `:${p.line}`}` : '';
  return `${p.level} ${p.code}${at} ${p.message}`;
}
