/**
 * `mesh graph -o svg`: the laid-out graph as one SVG picture, styled with presentation attributes so that it looks
 * the same opened alone, embedded in a page, or inside the HTML page (which adds behaviour, not looks).
 */
import type { GraphEdge, GraphNode, MeshGraph } from '../../core/graph/model.js';
import { KIND_COLOURS, INFO_STROKE, PROBLEM_FILL, PROBLEM_STROKE, edgeWidth, isConflict, problemLevel } from './labels.js';
import { cut, layoutGraph, type Box, type Layout, type Route } from './layout.js';

const PAD = 20;
const LINE = 14;

/** Text and attribute values with XML's five characters escaped. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function nodeSvg(n: GraphNode, box: Box): string {
  const level = problemLevel(n.problems);
  const fill = level === 'error' ? PROBLEM_FILL : KIND_COLOURS[n.kind];
  const stroke = level === 'error' ? PROBLEM_STROKE : level === 'info' ? INFO_STROKE : '#78909c';
  const dash = n.kind === 'missing' ? ' stroke-dasharray="5 3"' : '';
  const cls = `node kind-${n.kind}${level ? ` problem problem-${level}` : ''}`;
  const text = box.lines
    .map((line, i) => {
      const weight = i === 1 ? ' font-weight="600"' : '';
      const colour = i === 0 || (i === 2 && n.kind !== 'subset') ? ' fill="#546e7a"' : line.startsWith('\u26a0') ? ` fill="${PROBLEM_STROKE}"` : '';
      return `<tspan x="${round(box.width / 2)}" y="${12 + LINE * (i + 1) - 3}"${weight}${colour}>${xml(line)}</tspan>`;
    })
    .join('');
  return (
    `<g class="${cls}" data-id="${xml(n.id)}" transform="translate(${round(box.x + PAD)},${round(box.y + PAD)})">` +
    `<rect width="${box.width}" height="${box.height}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="${level ? 2.5 : 1}"${dash}/>` +
    `<text text-anchor="middle" font-size="11">${text}</text></g>`
  );
}

function edgeSvg(e: GraphEdge, route: Route): string {
  const level = problemLevel(e.problems);
  const red = level === 'error' || isConflict(e);
  const colour = red ? PROBLEM_STROKE : e.kind === 'selects' || e.kind === 'subset' ? '#b0bec5' : e.kind === 'binds' ? '#5c6bc0' : '#455a64';
  const d = route.points.map((p, i) => `${i ? 'L' : 'M'}${round(p.x + PAD)},${round(p.y + PAD)}`).join(' ');
  const dash = e.kind === 'mirror' ? ' stroke-dasharray="6 4"' : e.kind === 'hop' ? ' stroke-dasharray="2 3"' : '';
  const marker = e.kind === 'subset' ? '' : ` marker-end="url(#${red ? 'arrow-red' : 'arrow'})"`;
  const width = e.kind === 'route' ? edgeWidth(e) : 1.2;
  let label = '';
  if (e.label && route.label) {
    const { x, y } = route.label;
    const text = cut(e.label);
    const w = text.length * 5.8 + 6;
    label =
      `<rect x="${round(x + PAD - w / 2)}" y="${round(y + PAD - 7)}" width="${round(w)}" height="14" rx="3" fill="#fff" fill-opacity="0.9"/>` +
      `<text x="${round(x + PAD)}" y="${round(y + PAD + 3.5)}" text-anchor="middle" font-size="10" fill="${red ? PROBLEM_STROKE : '#37474f'}">${xml(text)}</text>`;
  }
  return `<g class="edge kind-${e.kind}${red ? ' problem' : ''}" data-id="${xml(e.id)}"><path d="${d}" fill="none" stroke="${colour}" stroke-width="${round(width)}"${dash}${marker}/>${label}</g>`;
}

/** The SVG markup of a laid-out graph (the HTML page reuses it). */
export function svgOf(graph: MeshGraph, layout: Layout): string {
  const width = Math.max(layout.width + 2 * PAD, 320);
  const height = Math.max(layout.height + 2 * PAD, 80);
  const notes = graph.notes.map((note, i) => `<text x="${PAD}" y="${PAD + 16 + i * 18}" font-size="13" fill="#546e7a">${xml(note)}</text>`).join('');
  const arrow = (id: string, colour: string): string =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="mesh-graph" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">` +
    `<defs>${arrow('arrow', '#455a64')}${arrow('arrow-red', PROBLEM_STROKE)}</defs>` +
    `<g class="edges">${graph.edges.map((e) => edgeSvg(e, layout.routes.get(e.id)!)).join('\n')}</g>` +
    `<g class="nodes">${graph.nodes.map((n) => nodeSvg(n, layout.boxes.get(n.id)!)).join('\n')}</g>${notes}</svg>`
  );
}

/** The graph as a standalone SVG file. */
export function graphSvg(graph: MeshGraph): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgOf(graph, layoutGraph(graph))}\n`;
}
