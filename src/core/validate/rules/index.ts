/** Every semantic rule, in alphabetical order of name. Add a rule here; nothing is discovered from disk. */
import type { SemanticRule } from './types.js';

export const semanticRules: readonly SemanticRule[] = [];

/** Rules by kind, built once. */
export function rulesFor(kind: string): readonly SemanticRule[] {
  return byKind().get(kind) ?? [];
}

let cache: Map<string, SemanticRule[]> | undefined;
function byKind(): Map<string, SemanticRule[]> {
  if (!cache) {
    cache = new Map();
    for (const rule of semanticRules) for (const kind of rule.kinds) cache.set(kind, [...(cache.get(kind) ?? []), rule]);
  }
  return cache;
}
