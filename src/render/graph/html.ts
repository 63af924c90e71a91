/**
 * `mesh graph -o html`: one self-contained page (styles, script and data inline; system fonts; a Content Security
 * Policy that forbids every fetch), with the SVG drawing laid out here, a legend, search, zoom and pan, and a panel
 * showing the facts, problems (IST/MESH code, file:line) and configuration of whatever is clicked.
 */
import type { GraphEdge, GraphNode, MeshGraph, NodeConfigs } from '../../core/graph/model.js';
import { toYaml } from '../format.js';
import { KIND_COLOURS, KIND_TITLES, PROBLEM_FILL, PROBLEM_STROKE, kindLine, problemLine } from './labels.js';
import { layoutGraph } from './layout.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { svgOf, xml } from './svg.js';

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function legend(graph: MeshGraph): string {
  const kinds = (Object.keys(KIND_TITLES) as GraphNode['kind'][]).filter((k) => graph.nodes.some((n) => n.kind === k));
  const swatch = (fill: string, stroke = '#78909c'): string => `<span class="swatch" style="background:${fill};border-color:${stroke}"></span>`;
  const line = (style: string): string => `<span class="line" style="${style}"></span>`;
  const rows = [
    ...kinds.map((k) => `${swatch(KIND_COLOURS[k])}<span>${KIND_TITLES[k]}</span>`),
    `${swatch(PROBLEM_FILL, PROBLEM_STROKE)}<span>has a problem (IST/MESH code on the box; click for file:line)</span>`,
    `${line('border-top-width:4px')}<span>route; thicker = larger share of the traffic (the % on the edge)</span>`,
    `${line('border-top-style:dashed')}<span>mirror</span>`,
    `${line('border-top-color:#b0bec5')}<span>subset, workload selected</span>`,
    `${line(`border-top-color:${PROBLEM_STROKE}`)}<span>problem on the route, or plaintext towards STRICT mTLS</span>`,
  ];
  return `<section><h3>Legend</h3><div class="legend">${rows.join('')}</div></section>`;
}

function problemList(graph: MeshGraph): string {
  if (graph.problems.length === 0) return '<section id="problem-list"><h3>Problems</h3><p class="muted">none found</p></section>';
  const where = new Map<unknown, { id: string; edge: boolean }>();
  for (const e of graph.edges) for (const p of e.problems) if (!where.has(p)) where.set(p, { id: e.id, edge: true });
  for (const n of graph.nodes) for (const p of n.problems) where.set(p, { id: n.id, edge: false });
  const items = graph.problems.map((p) => {
    const at = where.get(p);
    const target = at ? ` data-target="${xml(at.id)}" data-edge="${at.edge}"` : '';
    return `<li class="level-${p.level}"${target}>${xml(problemLine(p))}</li>`;
  });
  return `<section id="problem-list"><h3>Problems (${graph.problems.length})</h3><ul>${items.join('')}</ul></section>`;
}

function nodeData(n: GraphNode, configs: NodeConfigs): unknown {
  const config = configs.get(n.id);
  return {
    title: kindLine(n),
    label: n.label,
    namespace: n.namespace,
    source: n.source,
    attributes: n.attributes,
    problems: n.problems,
    config: config === undefined ? undefined : toYaml(config),
  };
}

function edgeData(e: GraphEdge): unknown {
  return { kind: e.kind, from: e.from, to: e.to, label: e.label, weight: e.weight, source: e.source, attributes: e.attributes, problems: e.problems };
}

/** The page for `graph`; `title` names the input. */
export function graphHtml(graph: MeshGraph, configs: NodeConfigs, title: string): string {
  const data = {
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.id, nodeData(n, configs)])),
    edges: Object.fromEntries(graph.edges.map((e) => [e.id, edgeData(e)])),
  };
  const counts = `${graph.nodes.length} nodes \u00b7 ${graph.edges.length} edges \u00b7 ${graph.problems.length} problem${graph.problems.length === 1 ? '' : 's'}`;
  const notes = graph.notes.map((n) => `<p class="note">${xml(n)}</p>`).join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${xml(title)}</title><style>${PAGE_STYLE}</style></head><body>`,
    `<header><h1 title="${xml(title)}">${xml(title)}</h1><input id="search" type="search" placeholder="Search: name, namespace, host" aria-label="Search nodes">`,
    '<span id="matches"></span><button id="fit" type="button">Fit</button><button id="zoom-in" type="button" aria-label="Zoom in">+</button>',
    `<button id="zoom-out" type="button" aria-label="Zoom out">\u2212</button><span id="counts">${counts}</span></header>`,
    `<main><div id="canvas">${notes}${svgOf(graph, layoutGraph(graph))}</div>`,
    `<aside><section id="details" hidden></section>${problemList(graph)}${legend(graph)}</aside></main>`,
    `<script type="application/json" id="graph-data">${scriptJson(data)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
