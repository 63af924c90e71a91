/** `mesh graph -o mermaid`: a flowchart to paste into a pull request or a wiki page (GitHub and GitLab draw it). */
import type { GraphEdge, GraphNode, MeshGraph } from '../../core/graph/model.js';
import { INFO_STROKE, KIND_COLOURS, PROBLEM_FILL, PROBLEM_STROKE, nodeLines, problemLevel } from './labels.js';

/** Opening and closing brackets of each kind's shape. */
const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  gateway: ['{{', '}}'],
  virtualservice: ['[', ']'],
  service: ['([', '])'],
  serviceentry: ['([', '])'],
  missing: ['>', ']'],
  subset: ['[[', ']]'],
  workload: ['(', ')'],
  waypoint: ['[/', '/]'],
};

/** Text inside a quoted Mermaid label: quotes and markup characters as entities. */
function text(value: string): string {
  return value.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function arrow(e: GraphEdge): string {
  if (e.kind === 'mirror') return '-.->';
  if (e.kind === 'route' && (e.weight ?? 100) >= 50) return '==>';
  return '-->';
}

/** The graph as a Mermaid flowchart; nodes are n0, n1, ... in the graph's order, with their ids in a comment. */
export function graphMermaid(graph: MeshGraph): string {
  const short = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const note of graph.notes) lines.push(`  note["${text(note)}"]`);
  for (const n of graph.nodes) {
    const [open, close] = SHAPES[n.kind];
    lines.push(`  %% ${n.id}`, `  ${short.get(n.id)}${open}"${nodeLines(n).map(text).join('<br/>')}"${close}`);
  }
  for (const e of graph.edges) {
    const label = e.label ? `|"${text(e.label)}"|` : '';
    lines.push(`  ${short.get(e.from)} ${arrow(e)}${label} ${short.get(e.to)}`);
  }
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))];
  for (const kind of kinds) lines.push(`  classDef ${kind} fill:${KIND_COLOURS[kind]},stroke:#607d8b`);
  lines.push(`  classDef problem fill:${PROBLEM_FILL},stroke:${PROBLEM_STROKE},stroke-width:2px`);
  for (const kind of kinds) {
    const ids = graph.nodes.filter((n) => n.kind === kind && problemLevel(n.problems) !== 'error').map((n) => short.get(n.id));
    if (ids.length) lines.push(`  class ${ids.join(',')} ${kind}`);
  }
  // Errors and warnings turn the box red; an Info finding only outlines it in amber, as in the other drawings.
  const problems = graph.nodes.filter((n) => problemLevel(n.problems) === 'error').map((n) => short.get(n.id));
  if (problems.length) lines.push(`  class ${problems.join(',')} problem`);
  const infos = graph.nodes.filter((n) => problemLevel(n.problems) === 'info').map((n) => short.get(n.id));
  if (infos.length) lines.push(`  classDef info stroke:${INFO_STROKE},stroke-width:2px`, `  class ${infos.join(',')} info`);
  return `${lines.join('\n')}\n`;
}
