/** `mesh graph -o dot`: Graphviz, left to right as traffic flows (`mesh graph -o dot | dot -Tsvg`). */
import type { GraphEdge, GraphNode, MeshGraph } from '../../core/graph/model.js';
import { KIND_COLOURS, INFO_STROKE, PROBLEM_FILL, PROBLEM_STROKE, edgeWidth, isConflict, nodeLines, problemLevel, problemLine } from './labels.js';

const SHAPES: Record<GraphNode['kind'], string> = {
  gateway: 'hexagon',
  virtualservice: 'box',
  service: 'box',
  serviceentry: 'box',
  missing: 'box',
  subset: 'box',
  workload: 'box',
  waypoint: 'octagon',
};

/** A DOT string literal. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function attrs(values: Record<string, string | number | undefined>): string {
  const parts = Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? String(Number(v.toFixed(2))) : quote(v!)}`);
  return `[${parts.join(', ')}]`;
}

function nodeLine(n: GraphNode): string {
  const level = problemLevel(n.problems);
  const style = n.kind === 'missing' ? 'rounded,filled,dashed' : 'rounded,filled';
  return `  ${quote(n.id)} ${attrs({
    label: nodeLines(n).join('\n'),
    shape: SHAPES[n.kind],
    style,
    fillcolor: level === 'error' ? PROBLEM_FILL : KIND_COLOURS[n.kind],
    color: level === 'error' ? PROBLEM_STROKE : level === 'info' ? INFO_STROKE : undefined,
    penwidth: level ? 2 : undefined,
    tooltip: n.problems.length ? n.problems.map(problemLine).join('\n') : undefined,
  })};`;
}

function edgeLine(e: GraphEdge): string {
  const level = problemLevel(e.problems);
  return `  ${quote(e.from)} -> ${quote(e.to)} ${attrs({
    label: e.label,
    penwidth: e.kind === 'route' ? edgeWidth(e) : undefined,
    style: e.kind === 'mirror' ? 'dashed' : e.kind === 'selects' || e.kind === 'subset' ? 'solid' : undefined,
    color: level === 'error' || isConflict(e) ? PROBLEM_STROKE : e.kind === 'selects' || e.kind === 'subset' ? '#9e9e9e' : undefined,
    arrowhead: e.kind === 'subset' ? 'none' : undefined,
  })};`;
}

/** The graph as a DOT digraph; an empty graph is a digraph with its note as the label. */
export function graphDot(graph: MeshGraph): string {
  const lines = [
    'digraph mesh {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
    ...graph.notes.map((note) => `  label=${quote(note)};`),
    ...graph.nodes.map(nodeLine),
    ...graph.edges.map(edgeLine),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
