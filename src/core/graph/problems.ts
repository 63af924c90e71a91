/**
 * Places the analyzers' messages (validation included) on the graph: on the element drawn from the line a message
 * names (a route's destination, a subset), and on the nodes drawn from the reported resource as a whole (the
 * VirtualService, the workloads a policy selects). Every message also stays in the graph's problem list.
 */
import type { AnalysisMessage } from '../model/messages.js';
import { kindOf } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import type { GraphBuilder } from './builder.js';
import type { GraphProblem } from './model.js';

/** The message as the graph keeps it. */
export function toProblem(m: AnalysisMessage): GraphProblem {
  const p: GraphProblem = { code: m.code, level: m.level, message: m.message };
  if (m.origin) p.origin = m.origin;
  if (m.file) p.file = m.file;
  if (m.line !== undefined) p.line = m.line;
  return p;
}

/** Attaches each message to its elements; returns every message as a problem. */
export function placeProblems(ctx: SnapshotView, b: GraphBuilder, messages: readonly AnalysisMessage[]): GraphProblem[] {
  const all: GraphProblem[] = [];
  for (const m of messages) {
    const problem = toProblem(m);
    all.push(problem);
    if (!m.resource) continue;
    const r = ctx.find(kindOf(m.resource), m.resource.namespace, m.resource.name);
    if (!r) continue;
    const ids = new Set(b.related.get(r) ?? []);
    for (const a of b.anchors.get(r) ?? []) if (a.line === m.line) for (const id of a.ids) ids.add(id);
    for (const id of ids) (b.nodes.get(id) ?? b.edges.get(id))?.problems.push(problem);
  }
  return all;
}
