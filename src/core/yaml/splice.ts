/**
 * Rewrites a YAML document's text from its old value to a new one by touching only what changed: new keys and
 * list items are inserted, changed values re-emitted, removed ones cut; every other line stays byte for byte.
 * When the text uses a construct block.ts does not map, `spliceDocument` returns undefined and the caller re-emits
 * the document. With `verify`, the result is also parsed again and must read back as `newValue` (tests always
 * verify; the hot path skips it because the injected output is ~5x the input and re-parsing it would dominate).
 */
import jsyaml from 'js-yaml';
import { Lines, parseBlock, Unmappable, type BlockMap, type BlockSeq } from './block.js';
import { emitYaml } from './emit.js';
import { YAML11_SCHEMA } from './schema11.js';
import { isMap, type JsonObject } from '../tree.js';

interface Edit {
  /** First line replaced (or the line before which text is inserted). */
  start: number;
  /** End of the replaced lines (== start for a pure insertion). */
  end: number;
  text: string;
}

/** Deep equality of plain data. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as JsonObject);
  if (ka.length !== Object.keys(b as JsonObject).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as JsonObject)[k], (b as JsonObject)[k]));
}

/** Returns the document's text with `newValue` spliced in, or undefined when only a full re-emit can do it. */
export function spliceDocument(text: string, oldValue: unknown, newValue: unknown, options: { verify?: boolean } = {}): string | undefined {
  const result = trySplice(text, oldValue, newValue, options);
  return typeof result === 'string' ? result : undefined;
}

/** Why a document could not be edited in place, for the warning that it was re-emitted whole. */
export interface SpliceFailure {
  reason: string;
}

/** Like spliceDocument, but says why when the document cannot be edited in place. */
export function trySplice(text: string, oldValue: unknown, newValue: unknown, options: { verify?: boolean } = {}): string | SpliceFailure {
  // CRLF files are spliced as LF and given their CRLF back; a lone CR or a tab is left to the re-emit path.
  if (text.includes('\r\n') && !/\r(?!\n)/.test(text)) {
    const spliced = trySplice(text.replace(/\r\n/g, '\n'), oldValue, newValue, options);
    return typeof spliced === 'string' ? spliced.replace(/\n/g, '\r\n') : spliced;
  }
  if (text.includes('\t')) return { reason: 'it contains tabs' };
  if (text.includes('\r')) return { reason: 'it contains carriage returns without line feeds' };
  const lines = new Lines(text);
  // Skip the document's own `---` line (a marker carrying content, like `--- {a: 1}`, is left to the re-emit path).
  let first = 0;
  while (first < lines.lines.length && !lines.isContent(first)) first++;
  if (first < lines.lines.length && /^---(\s|$)/.test(lines.lines[first]!)) {
    if (lines.lines[first]!.replace(/#.*$/, '').trim() !== '---') return { reason: 'its --- line carries content' };
    first++;
  }
  let root: BlockMap | BlockSeq | undefined;
  try {
    root = parseBlock(lines, first, lines.lines.length);
  } catch (error) {
    if (error instanceof Unmappable) return { reason: `it uses flow style, an anchor, alias or tag (${error.message})` };
    throw error;
  }
  if (root?.kind !== 'map' || !isMap(oldValue) || !isMap(newValue)) return { reason: 'it is not a block-style mapping' };
  const edits: Edit[] = [];
  const style = { indentSequences: detectSeqStyle(root), step: detectStep(root) };
  if (!patchMap(root, oldValue, newValue, edits, style)) return { reason: 'injection moved or retyped existing entries, e.g. reordered containers' };
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    if (e.start < cursor) return { reason: 'its edits overlapped' }; // not expected, play safe
    out.push(...lines.lines.slice(cursor, e.start));
    if (e.text) out.push(e.text.replace(/\n$/, ''));
    cursor = e.end;
  }
  out.push(...lines.lines.slice(cursor));
  const result = out.join('\n');
  if (options.verify) {
    try {
      if (!deepEqual(jsyaml.load(result, { schema: YAML11_SCHEMA }), newValue)) return { reason: 'the edited text did not read back as the injected object' };
    } catch {
      return { reason: 'the edited text did not parse' };
    }
  }
  return result;
}

interface Style {
  indentSequences: boolean;
  step: number;
}

function emitAt(value: unknown, column: number, style: Style): string {
  return emitYaml(value, { indent: style.step, indentSequences: style.indentSequences }, column);
}

function patchMap(node: BlockMap, oldV: JsonObject, newV: JsonObject, edits: Edit[], style: Style): boolean {
  for (const entry of node.entries) {
    if (!(entry.key in oldV)) return false; // block map and parsed value disagree (merge keys, odd keys)
    if (!(entry.key in newV)) {
      if (entry.onDashLine) return false;
      edits.push({ start: entry.start, end: entry.end, text: '' });
      continue;
    }
    const before = oldV[entry.key];
    const after = newV[entry.key];
    if (deepEqual(before, after)) continue;
    if (entry.value?.kind === 'map' && isMap(before) && isMap(after)) {
      if (!patchMap(entry.value, before, after, edits, style)) return false;
    } else if (entry.value?.kind === 'seq' && Array.isArray(before) && Array.isArray(after)) {
      if (!patchSeq(entry.value, before, after, edits, style)) return false;
    } else {
      if (entry.onDashLine) return false;
      edits.push({ start: entry.start, end: entry.end, text: emitAt({ [entry.key]: after }, node.indent, style) });
    }
  }
  const added = Object.keys(newV).filter((k) => !(k in oldV));
  if (added.length) {
    const text = emitAt(Object.fromEntries(added.map((k) => [k, newV[k]])), node.indent, style);
    edits.push({ start: node.end, end: node.end, text });
  }
  return true;
}

/** Identity of a list item for matching old to new: its `name` (containers, volumes, env) or its whole value. */
function identity(v: unknown): string {
  if (isMap(v) && typeof v.name === 'string') return `name:${v.name}`;
  if (isMap(v) && typeof v.mountPath === 'string') return `mount:${v.mountPath}`;
  return `value:${JSON.stringify(v)}`;
}

function patchSeq(node: BlockSeq, oldV: unknown[], newV: unknown[], edits: Edit[], style: Style): boolean {
  if (node.items.length !== oldV.length) return false;
  const oldIds = oldV.map(identity);
  if (new Set(oldIds).size !== oldIds.length) return false;
  const matched: number[] = newV.map((v) => oldIds.indexOf(identity(v)));
  // Kept items must keep their relative order; otherwise the caller re-emits the list.
  let last = -1;
  for (const m of matched) {
    if (m === -1) continue;
    if (m < last) return false;
    last = m;
  }
  const kept = new Set(matched.filter((m) => m >= 0));
  oldV.forEach((_, i) => {
    if (!kept.has(i)) edits.push({ start: node.items[i]!.start, end: node.items[i]!.end, text: '' });
  });
  let pending: unknown[] = [];
  const flush = (at: number) => {
    if (pending.length) edits.push({ start: at, end: at, text: emitAt(pending, node.indent, style) });
    pending = [];
  };
  newV.forEach((v, j) => {
    const m = matched[j]!;
    if (m === -1) {
      pending.push(v);
      return;
    }
    flush(node.items[m]!.start);
    const item = node.items[m]!;
    if (deepEqual(oldV[m], v)) return;
    const local: Edit[] = [];
    if (item.value && isMap(oldV[m]) && isMap(v) && patchMap(item.value, oldV[m] as JsonObject, v, local, style)) {
      edits.push(...local);
      return;
    }
    edits.push({ start: item.start, end: item.end, text: emitAt([v], node.indent, style) });
  });
  flush(node.end);
  return true;
}

/** Whether the document indents `- ` under its key (the first block sequence found decides; kubectl's style otherwise). */
function detectSeqStyle(root: BlockMap): boolean {
  const walk = (m: BlockMap): boolean | undefined => {
    for (const e of m.entries) {
      if (e.value?.kind === 'seq') return e.value.indent > m.indent;
      if (e.value?.kind === 'map') {
        const r = walk(e.value);
        if (r !== undefined) return r;
      }
    }
    return undefined;
  };
  return walk(root) ?? false;
}

/** The document's indentation step (the first nested mapping decides; 2 otherwise). */
function detectStep(root: BlockMap): number {
  for (const e of root.entries) if (e.value?.kind === 'map') return Math.max(1, e.value.indent - root.indent);
  return 2;
}
