/**
 * A fast stand-in for locate.ts: finds where a field stands in a document's text with a line and character scan
 * instead of the `yaml` package's Document API (about 100x slower). It maps the YAML that Kubernetes manifests use
 * (block mappings and sequences, flow `{}`/`[]` collections, plain, quoted and block scalars, comments) to a tree of
 * offsets that gives exactly the positions locate() gives. Anything else (anchors, aliases, tags, explicit `?` keys,
 * keys YAML 1.1 reads as booleans or numbers, tabs, CRLF...) makes the document unmappable, and locateFast() falls
 * back to locate() for it, so the answer is always locate()'s.
 */
import { locate, type SourcePosition } from './locate.js';
import type { YamlDoc } from './load.js';
import { scan, Unmappable, type ScanTree } from './fast-locate-scan.js';

const cache = new WeakMap<YamlDoc, ScanTree | 'unmappable'>();

/**
 * Same result as `locate(doc, path, options)`: the position of the deepest node along `path` that exists (with
 * `key: true`, a mapping entry named by the last step is located at its key). Fast for the common YAML subset.
 */
export function locateFast(doc: YamlDoc, path: readonly (string | number)[], options: { key?: boolean } = {}): SourcePosition {
  return tryLocateFast(doc, path, options) ?? locate(doc, path, options);
}

/** The fast path alone: undefined when the document (or the node the path reaches) is outside the mapped subset. */
export function tryLocateFast(doc: YamlDoc, path: readonly (string | number)[], options: { key?: boolean } = {}): SourcePosition | undefined {
  let tree = cache.get(doc);
  if (tree === undefined) {
    try {
      tree = scan(doc.text);
    } catch (error) {
      if (!(error instanceof Unmappable)) throw error;
      tree = 'unmappable';
    }
    cache.set(doc, tree);
  }
  if (tree === 'unmappable') return undefined;
  let node = tree.root;
  let at = node?.off;
  const last = path[path.length - 1];
  // Mirrors locate()'s walk step for step, including its quirks (a number step against a mapping matches the key's text).
  for (const step of path) {
    if (node?.map) {
      const entry = node.map.get(String(step));
      if (!entry) break;
      at = options.key && step === last ? entry.keyOff : entry.value.off;
      node = entry.value;
    } else if (node?.seq && typeof step === 'number') {
      const item = node.seq[step];
      if (!item) break;
      at = item.off;
      node = item;
    } else break;
  }
  if (at === -1) return undefined;
  const offset = at ?? 0;
  const starts = tree.starts;
  let lo = 0,
    hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: doc.line + lo, col: offset - starts[lo]! + 1 };
}
