/**
 * Finds where a field stands in a document's text, for messages that name `file:line:col`. It parses with the
 * `yaml` package's Document API, which keeps source ranges but is slow, so it is used lazily, once per reported
 * document, and cached.
 */
import { createRequire } from 'node:module';
import type { LineCounter, Node } from 'yaml';
import type { YamlDoc } from './load.js';

// Loaded on first use: most runs locate nothing or only through fast-locate.ts, and `yaml` costs ~50 ms to load.
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** A 1-based position in the source file. */
export interface SourcePosition {
  line: number;
  col: number;
}

interface Parsed {
  root: Node | null;
  counter: LineCounter;
}
const cache = new WeakMap<YamlDoc, Parsed>();

function parsed(doc: YamlDoc): Parsed {
  let p = cache.get(doc);
  if (!p) {
    const { LineCounter, parseDocument } = yaml();
    const counter = new LineCounter();
    const d = parseDocument(doc.text, { lineCounter: counter, version: '1.1', uniqueKeys: false, strict: false });
    p = { root: (d.contents as Node | null) ?? null, counter };
    cache.set(doc, p);
  }
  return p;
}

/**
 * Position of the deepest node along `path` that exists (a missing field is reported at its parent).
 * With `key: true` a mapping entry is located at its key rather than its value.
 */
export function locate(doc: YamlDoc, path: readonly (string | number)[], options: { key?: boolean } = {}): SourcePosition {
  const { root, counter } = parsed(doc);
  const { isMap, isSeq, isPair } = yaml();
  let node: Node | null = root;
  let at: number | undefined = root?.range?.[0];
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(step));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      at = (options.key && step === path[path.length - 1] ? keyNode?.range?.[0] : (valueNode?.range?.[0] ?? keyNode?.range?.[0])) ?? at;
      node = valueNode;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) break;
      at = item.range?.[0] ?? at;
      node = item;
    } else break;
  }
  const { line, col } = counter.linePos(at ?? 0);
  return { line: doc.line + line - 1, col };
}

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
