/**
 * A line-level map of block-style YAML: which lines hold which mapping entry or sequence item, at what indent.
 * Scalars, flow collections, block scalars and anything unusual are opaque spans. It exists so kube-inject can
 * change a few fields of a document and leave every other byte as it was, without a full (slow) YAML AST.
 */

/** A span of lines [start, end) (0-based, end exclusive, trailing blank and comment lines excluded). */
export interface Span {
  start: number;
  end: number;
}

/** A block mapping: entries at one indent. */
export interface BlockMap extends Span {
  kind: 'map';
  indent: number;
  entries: BlockEntry[];
}

/** One `key: value` entry of a block mapping. */
export interface BlockEntry extends Span {
  key: string;
  /** True when the entry's key sits on a sequence item's `- ` line (it cannot be cut out on its own). */
  onDashLine: boolean;
  /** The value when it is a nested block collection; undefined for scalars and anything inline. */
  value?: BlockMap | BlockSeq;
}

/** A block sequence: `- ` items at one indent. */
export interface BlockSeq extends Span {
  kind: 'seq';
  indent: number;
  items: BlockItem[];
}

/** One `- ` item; `value` is set when the item is a block mapping. */
export interface BlockItem extends Span {
  value?: BlockMap;
}

const KEY_RE = /^([A-Za-z0-9_./-]+|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'):(?:[ \t]|$)/;

/** Lines of text with their indent and whether they carry content. */
export class Lines {
  readonly lines: string[];
  /** Leading spaces of each line. */
  private readonly indents: Int32Array;
  /** 1 when the line carries content (not blank, not only a comment). */
  private readonly content: Uint8Array;
  constructor(text: string) {
    this.lines = text.split('\n');
    // One pass up front: the parser asks these questions of each line once per nesting level.
    this.indents = new Int32Array(this.lines.length);
    this.content = new Uint8Array(this.lines.length);
    this.lines.forEach((l, i) => {
      let n = 0;
      while (n < l.length && l.charCodeAt(n) === 32) n++;
      this.indents[i] = n;
      const c = l.charCodeAt(n);
      this.content[i] = n < l.length && c !== 35 /* # */ && l.slice(n).trim() !== '' ? 1 : 0;
    });
  }
  indent(i: number): number {
    return this.indents[i]!;
  }
  /** True for lines that are neither blank nor only a comment. */
  isContent(i: number): boolean {
    return this.content[i] === 1;
  }
}

/** Thrown inside the parser when the text uses a construct it does not map; callers fall back. */
export class Unmappable extends Error {}

function trimEnd(lines: Lines, start: number, end: number): number {
  while (end > start + 1 && !lines.isContent(end - 1)) end--;
  return end;
}

function keyOf(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/**
 * Maps the block collection whose first content line is at or after `from` (and before `to`); `col` overrides the
 * column of the first line (for the content after a `- `).
 */
export function parseBlock(lines: Lines, from: number, to: number, firstCol?: number): BlockMap | BlockSeq | undefined {
  let first = from;
  while (first < to && !lines.isContent(first)) first++;
  if (first >= to) return undefined;
  const indent = firstCol ?? lines.indent(first);
  const text = lines.lines[first]!.slice(indent);
  if (isDash(text)) return parseSeq(lines, first, to, indent);
  if (KEY_RE.test(text)) return parseMap(lines, first, to, indent, firstCol !== undefined);
  return undefined;
}

function isDash(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/**
 * The lines in [first, to) that start siblings at `indent` (first included), and where the collection ends: at the
 * first content line indented less, or where `classify` says a line at the indent ends it.
 */
function siblings(
  lines: Lines,
  first: number,
  to: number,
  indent: number,
  classify: (text: string, line: number) => 'start' | 'inside' | 'end',
): { starts: number[]; end: number } {
  const starts: number[] = [first];
  for (let i = first + 1; i < to; i++) {
    if (!lines.isContent(i)) continue;
    const ind = lines.indent(i);
    if (ind < indent) return { starts, end: i };
    if (ind === indent) {
      const kind = classify(lines.lines[i]!.slice(indent), i);
      if (kind === 'end') return { starts, end: i };
      if (kind === 'start') starts.push(i);
    }
  }
  return { starts, end: to };
}

function parseMap(lines: Lines, first: number, to: number, indent: number, firstOnDash: boolean): BlockMap {
  // Lines at the map's indent are its keys, or the items of a compact sequence under the previous key.
  const { starts, end } = siblings(lines, first, to, indent, (t, i) => {
    if (KEY_RE.test(t)) return 'start';
    if (isDash(t)) return 'inside';
    throw new Unmappable(`line ${i + 1}`);
  });
  const entries: BlockEntry[] = starts.map((s, k) => {
    const next = k + 1 < starts.length ? starts[k + 1]! : end;
    const col = s === first ? indent : lines.indent(s);
    const lineText = lines.lines[s]!;
    const m = KEY_RE.exec(lineText.slice(col))!;
    const rest = lineText.slice(col + m[0].length).trim();
    const entry: BlockEntry = { key: keyOf(m[1]!), start: s, end: trimEnd(lines, s, next), onDashLine: s === first && firstOnDash };
    if (rest === '' || rest.startsWith('#')) {
      const child = parseBlock(lines, s + 1, entry.end);
      if (child && (child.indent > indent || (child.kind === 'seq' && child.indent === indent))) entry.value = child;
    } else if (/^[&!*]/.test(rest)) throw new Unmappable(`anchor, alias or tag at line ${s + 1}`);
    return entry;
  });
  return { kind: 'map', indent, entries, start: first, end: trimEnd(lines, first, end) };
}

function parseSeq(lines: Lines, first: number, to: number, indent: number): BlockSeq {
  // A mapping key at the sequence's indent ends a compact sequence.
  const { starts, end } = siblings(lines, first, to, indent, (t) => (isDash(t) ? 'start' : 'end'));
  const items: BlockItem[] = starts.map((s, k) => {
    const next = k + 1 < starts.length ? starts[k + 1]! : end;
    const item: BlockItem = { start: s, end: trimEnd(lines, s, next) };
    const after = lines.lines[s]!.slice(indent + 1);
    const pad = after.length - after.trimStart().length;
    const rest = after.trim();
    if (rest !== '' && !rest.startsWith('#') && KEY_RE.test(rest)) {
      const m = parseBlock(lines, s, item.end, indent + 1 + pad);
      if (m?.kind === 'map') item.value = m;
    } else if (/^[&!*]/.test(rest)) throw new Unmappable(`anchor, alias or tag at line ${s + 1}`);
    return item;
  });
  return { kind: 'seq', indent, items, start: first, end: trimEnd(lines, first, end) };
}
