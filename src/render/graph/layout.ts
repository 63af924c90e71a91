/**
 * Positions for the drawings (SVG, HTML), computed with dagre (@dagrejs/dagre: layered, left to right) when the
 * graph is rendered, so the page only draws. Each connected part of the graph is laid out on its own and the
 * parts are packed in rows: dagre's cost grows faster than linearly with a graph's size, and a mesh is mostly many
 * small parts (a service, its subsets and workloads). Parts of the same shape (same box sizes, same edges) get the
 * same layout, so it is computed once per shape: dagre is deterministic, the result is the one it would give.
 * Edge labels are not given to dagre (it would add a node per label and double the ranks, which made the layout
 * three times slower on big meshes): the gap between ranks is made as wide as the part's longest label instead, and
 * each label sits at the middle of its edge, in that gap.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, MeshGraph } from '../../core/graph/model.js';
import { nodeLines } from './labels.js';

/** A node's box: top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text lines in the box (cut to fit). */
  lines: string[];
}

/** An edge's path and where its label sits (centre). */
export interface Route {
  points: { x: number; y: number }[];
  label?: { x: number; y: number };
}

/** The whole drawing. */
export interface Layout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  routes: Map<string, Route>;
}

const LINE = 14;
const CHAR = 6.4;
const MAX_CHARS = 44;
const GAP = 40;

/** A text line cut to MAX_CHARS. */
export function cut(line: string): string {
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}\u2026` : line;
}

/** Width rounded up to 10 px, so that boxes of similar texts share a size (and a cached layout). */
function widthOf(lines: readonly string[], min: number): number {
  return Math.max(min, Math.ceil((Math.max(...lines.map((l) => l.length)) * CHAR + 20) / 10) * 10);
}

/** The edge label's width (0 without a label), rounded up to 20 px. */
function labelWidth(e: GraphEdge): number {
  return e.label ? Math.ceil((cut(e.label).length * 5.8 + 8) / 20) * 20 : 0;
}

/** The point halfway along a polyline. */
function midpoint(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let left = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i]! && lengths[i]! > 0) {
      const f = left / lengths[i]!;
      return { x: points[i]!.x + (points[i + 1]!.x - points[i]!.x) * f, y: points[i]!.y + (points[i + 1]!.y - points[i]!.y) * f };
    }
    left -= lengths[i]!;
  }
  return points[0] ?? { x: 0, y: 0 };
}

interface Part {
  nodes: number[];
  edges: number[];
}

/** Connected parts, each listing node and edge indexes in graph order. */
function partsOf(graph: MeshGraph): Part[] {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const parent = graph.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const e of graph.edges) parent[find(index.get(e.from)!)] = find(index.get(e.to)!);
  const parts = new Map<number, Part>();
  graph.nodes.forEach((_, i) => {
    const root = find(i);
    const part = parts.get(root) ?? { nodes: [], edges: [] };
    part.nodes.push(i);
    parts.set(root, part);
  });
  graph.edges.forEach((e, i) => parts.get(find(index.get(e.from)!))!.edges.push(i));
  return [...parts.values()];
}

interface PartLayout {
  width: number;
  height: number;
  /** By position in the part: node centres, edge points and labels. */
  nodes: { x: number; y: number }[];
  edges: Route[];
}

function layoutPart(sizes: { width: number; height: number }[], edges: { from: number; to: number; label: number }[]): PartLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  const ranksep = Math.max(56, ...edges.map((e) => e.label + 24));
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep, edgesep: 12, marginx: 0, marginy: 0 });
  sizes.forEach((s, i) => g.setNode(String(i), { width: s.width, height: s.height }));
  edges.forEach((e, i) => g.setEdge(String(e.from), String(e.to), {}, String(i)));
  dagre.layout(g);
  const nodes = sizes.map((_, i) => {
    const n = g.node(String(i));
    return { x: n.x, y: n.y };
  });
  const routes = edges.map((e, i): Route => {
    const d = g.edge(String(e.from), String(e.to), String(i)) as { points: { x: number; y: number }[] };
    const route: Route = { points: d.points.map((p) => ({ x: p.x, y: p.y })) };
    if (e.label) route.label = midpoint(route.points);
    return route;
  });
  const info = g.graph();
  return { width: info.width ?? 0, height: info.height ?? 0, nodes, edges: routes };
}

/** Lays the graph out; an empty graph has an empty layout. */
export function layoutGraph(graph: MeshGraph): Layout {
  const boxes = new Map<string, Box>();
  const routes = new Map<string, Route>();
  const lines = graph.nodes.map((n) => nodeLines(n).map(cut));
  const sizes = lines.map((l) => ({ width: widthOf(l, 110), height: l.length * LINE + 12 }));
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const cache = new Map<string, PartLayout>();
  const placed: { part: Part; layout: PartLayout }[] = [];
  for (const part of partsOf(graph)) {
    const local = new Map(part.nodes.map((n, i) => [n, i]));
    const partSizes = part.nodes.map((n) => sizes[n]!);
    const partEdges = part.edges.map((i) => {
      const e = graph.edges[i]!;
      return { from: local.get(index.get(e.from)!)!, to: local.get(index.get(e.to)!)!, label: labelWidth(e) };
    });
    // Only the widest label changes the layout (the gap between ranks); the others are placed afterwards.
    const widest = Math.ceil(Math.max(0, ...partEdges.map((e) => e.label)) / 40) * 40;
    const key = JSON.stringify([widest, partSizes.map((s) => [s.width, s.height]), partEdges.map((e) => [e.from, e.to])]);
    let layout = cache.get(key);
    if (!layout)
      cache.set(
        key,
        (layout = layoutPart(
          partSizes,
          partEdges.map((e) => ({ ...e, label: e.label ? widest : 0 })),
        )),
      );
    placed.push({ part, layout });
  }
  // Tallest parts first, in rows about as wide as the square of the total area would be (at least 1,200 px).
  placed.sort((a, b) => b.layout.height - a.layout.height || a.part.nodes[0]! - b.part.nodes[0]!);
  const area = placed.reduce((sum, p) => sum + (p.layout.width + GAP) * (p.layout.height + GAP), 0);
  const rowWidth = Math.max(1200, Math.sqrt(area) * 1.6, ...placed.map((p) => p.layout.width));
  let x = 0,
    y = 0,
    rowHeight = 0,
    width = 0;
  for (const { part, layout } of placed) {
    if (x > 0 && x + layout.width > rowWidth) {
      y += rowHeight + GAP;
      x = 0;
      rowHeight = 0;
    }
    part.nodes.forEach((n, i) => {
      const size = sizes[n]!;
      const c = layout.nodes[i]!;
      boxes.set(graph.nodes[n]!.id, { x: x + c.x - size.width / 2, y: y + c.y - size.height / 2, width: size.width, height: size.height, lines: lines[n]! });
    });
    part.edges.forEach((e, i) => {
      const r = layout.edges[i]!;
      const moved: Route = { points: r.points.map((p) => ({ x: x + p.x, y: y + p.y })) };
      if (r.label) moved.label = { x: x + r.label.x, y: y + r.label.y };
      routes.set(graph.edges[e]!.id, moved);
    });
    x += layout.width + GAP;
    width = Math.max(width, x - GAP);
    rowHeight = Math.max(rowHeight, layout.height);
  }
  return { width, height: placed.length ? y + rowHeight : 0, boxes, routes };
}
