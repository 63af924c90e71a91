/**
 * The scanner behind fast-locate.ts: maps one YAML document's text to a tree of node offsets with a line scan (block
 * collections) and a character scan (flow collections), for the subset of YAML manifests use. It throws Unmappable
 * for anything else, and fast-locate.ts then asks locate.ts instead.
 */

/** A node: the offset where it starts (what locate reports) and its children. */
export interface PNode {
  /** Offset in the document's text; -1 for an empty value whose offset this scanner does not pin down. */
  off: number;
  map?: Map<string, { keyOff: number; value: PNode }>;
  seq?: PNode[];
}

/** Thrown while scanning text this locator does not map; the caller falls back to locate(). */
export class Unmappable extends Error {}

/** A scanned document: its root (null when empty) and the offset where each line starts. */
export interface ScanTree {
  root: PNode | null;
  starts: number[];
}

/** Plain keys taken as written; YAML 1.1 reads some words (y, on, null...) as other types, so those are left to locate(). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const SPECIAL_KEY = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

function keyText(raw: string): string {
  if (raw.startsWith('"')) {
    if (raw.includes('\\')) throw new Unmappable('escaped key');
    return raw.slice(1, -1);
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  if (!PLAIN_KEY.test(raw) || SPECIAL_KEY.test(raw)) throw new Unmappable(`key ${raw}`);
  return raw;
}

/** Maps `text` (one document) to a tree of offsets; throws Unmappable for YAML outside the subset. */
export function scan(text: string): ScanTree {
  if (/[\r\t\uFEFF]/.test(text)) throw new Unmappable('tab, CR or BOM');
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, off = 0; i < lines.length; off += lines[i]!.length + 1, i++) starts.push(off);
  return { root: new Scanner(text, lines, starts).document(), starts };
}

class Scanner {
  constructor(
    readonly text: string,
    readonly lines: string[],
    readonly starts: number[],
  ) {}

  indent(i: number): number {
    const l = this.lines[i]!;
    let n = 0;
    while (l.charCodeAt(n) === 32) n++;
    return n;
  }

  /** True for a line with something other than white space and a comment. */
  isContent(i: number): boolean {
    const l = this.lines[i]!;
    const n = this.indent(i);
    return n < l.length && l[n] !== '#';
  }

  nextContent(i: number): number {
    while (i < this.lines.length && !this.isContent(i)) i++;
    return i;
  }

  document(): PNode | null {
    let i = this.nextContent(0);
    if (i < this.lines.length && /^---(?:[ ]|$)/.test(this.lines[i]!)) {
      if (!/^---[ ]*(?:#.*)?$/.test(this.lines[i]!)) throw new Unmappable('content on the --- line');
      i = this.nextContent(i + 1);
    }
    if (i >= this.lines.length) return null;
    if (/^(?:%|\.\.\.)/.test(this.lines[i]!)) throw new Unmappable('directive or document end');
    const { node, next } = this.node(i, this.indent(i), -1, false);
    const rest = this.nextContent(next);
    if (rest < this.lines.length && !/^\.\.\.(?:[ ]|$)/.test(this.lines[rest]!)) throw new Unmappable(`content after the document at line ${rest + 1}`);
    return node;
  }

  /** The node whose first character is at line `i`, column `col`; `parent` is the enclosing collection's indent. */
  node(i: number, col: number, parent: number, inline: boolean): { node: PNode; next: number } {
    const line = this.lines[i]!;
    const ch = line[col]!;
    const off = this.starts[i]! + col;
    if (ch === '-' && (col + 1 === line.length || line[col + 1] === ' ')) {
      if (inline) throw new Unmappable('block sequence after a key');
      return this.blockSeq(i, col);
    }
    if (ch === '{' || ch === '[') {
      const end = new Flow(this.text).node(off);
      return { node: end.node, next: this.afterInline(end.end) };
    }
    if (ch === '|' || ch === '>') return { node: { off }, next: this.skipDeeper(i + 1, parent) };
    if ('&*!?%@`'.includes(ch)) throw new Unmappable(`indicator ${ch} at line ${i + 1}`);
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(this.text, off);
      const after = this.text.slice(end, this.lineEnd(end)).match(/^[ ]*:(?:[ ]|$)/);
      if (!after) return { node: { off }, next: this.afterInline(end) };
      if (inline) throw new Unmappable('key after a key');
      if (this.lineOf(end) !== i) throw new Unmappable('multi-line key');
      return this.blockMap(i, col);
    }
    if (keyEnd(line, col) >= 0) {
      if (inline) throw new Unmappable('key after a key');
      return this.blockMap(i, col);
    }
    return { node: { off }, next: this.skipDeeper(i + 1, parent) };
  }

  blockMap(first: number, col: number): { node: PNode; next: number } {
    const map = new Map<string, { keyOff: number; value: PNode }>();
    const node: PNode = { off: this.starts[first]! + col, map };
    let i = first;
    while (true) {
      const line = this.lines[i]!;
      let raw: string;
      let colon: number;
      if (line[col] === '"' || line[col] === "'") {
        const end = quotedEnd(this.text, this.starts[i]! + col) - this.starts[i]!;
        const sep = end <= line.length ? /^[ ]*:(?:[ ]|$)/.exec(line.slice(end)) : null;
        if (!sep) throw new Unmappable(`not a key at line ${i + 1}`);
        raw = line.slice(col, end);
        colon = end + sep[0].indexOf(':');
      } else {
        colon = keyEnd(line, col);
        if (colon < 0) throw new Unmappable(`not a key at line ${i + 1}`);
        raw = line.slice(col, colon).trimEnd();
      }
      const key = keyText(raw);
      let v = colon + 1;
      while (line[v] === ' ') v++;
      let value: { node: PNode; next: number };
      if (v >= line.length || line[v] === '#') {
        const j = this.nextContent(i + 1);
        const ind = j < this.lines.length ? this.indent(j) : -1;
        if (ind > col || (ind === col && /^-(?: |$)/.test(this.lines[j]!.slice(col)))) value = this.node(j, ind, col, false);
        // An empty value sits right after the colon when nothing follows it on the line.
        else value = { node: { off: colon + 1 === line.length ? this.starts[i]! + colon + 1 : -1 }, next: i + 1 };
      } else value = this.node(i, v, col, true);
      if (!map.has(key)) map.set(key, { keyOff: this.starts[i]! + col, value: value.node });
      const j = this.nextContent(value.next);
      if (j >= this.lines.length) return { node, next: j };
      const ind = this.indent(j);
      if (ind < col) return { node, next: j };
      if (ind > col || /^-(?: |$)/.test(this.lines[j]!.slice(col))) throw new Unmappable(`unexpected line ${j + 1}`);
      i = j;
    }
  }

  blockSeq(first: number, col: number): { node: PNode; next: number } {
    const seq: PNode[] = [];
    const node: PNode = { off: this.starts[first]! + col, seq };
    let i = first;
    while (true) {
      const line = this.lines[i]!;
      let v = col + 1;
      while (line[v] === ' ') v++;
      let item: { node: PNode; next: number };
      if (v >= line.length || line[v] === '#') {
        const j = this.nextContent(i + 1);
        if (j < this.lines.length && this.indent(j) > col) item = this.node(j, this.indent(j), col, false);
        else item = { node: { off: col + 1 === line.length ? this.starts[i]! + col + 1 : -1 }, next: i + 1 };
      } else item = this.node(i, v, col, false);
      seq.push(item.node);
      const j = this.nextContent(item.next);
      if (j >= this.lines.length || this.indent(j) < col) return { node, next: j };
      if (this.indent(j) > col) throw new Unmappable(`unexpected line ${j + 1}`);
      if (!/^-(?: |$)/.test(this.lines[j]!.slice(col))) return { node, next: j }; // a key at the indent of an indentless sequence
      i = j;
    }
  }

  /** The line after the one holding `end`, checking that nothing but a comment follows on it. */
  afterInline(end: number): number {
    const i = this.lineOf(end);
    const rest = this.text.slice(end, this.lineEnd(end));
    if (!/^[ ]*(?:#.*)?$/.test(rest)) throw new Unmappable(`content after a value at line ${i + 1}`);
    return i + 1;
  }

  /** Skips continuation lines (blank, or indented deeper than `parent`) of a scalar. */
  skipDeeper(i: number, parent: number): number {
    while (i < this.lines.length && (!this.isContent(i) || this.indent(i) > parent)) i++;
    return i;
  }

  lineOf(offset: number): number {
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl;
  }
}

/**
 * Column of the `:` that makes the text at `col` a block mapping key (a colon followed by a space or the end of
 * the line, before any comment), or -1 for a plain scalar.
 */
function keyEnd(line: string, col: number): number {
  for (let k = col; k < line.length; k++) {
    const c = line[k];
    if (c === '#' && line[k - 1] === ' ') return -1;
    if (c === ':' && (k + 1 === line.length || line[k + 1] === ' ')) return k;
  }
  return -1;
}

/** Offset just after the closing quote of the quoted scalar starting at `off`. */
function quotedEnd(text: string, off: number): number {
  const q = text[off];
  for (let k = off + 1; k < text.length; k++) {
    const c = text[k];
    if (q === '"' && c === '\\') k++;
    else if (c === q) {
      if (q === "'" && text[k + 1] === "'") k++;
      else return k + 1;
    }
  }
  throw new Unmappable('unterminated quote');
}

const FLOW_END = new Set([',', '[', ']', '{', '}']);

/** Flow collections (`{a: 1, b: [x, y]}`), which may span lines. */
class Flow {
  constructor(readonly text: string) {}

  /** Skips white space, line breaks and comments. */
  ws(p: number): number {
    const t = this.text;
    while (p < t.length) {
      const c = t[p];
      if (c === ' ' || c === '\n') p++;
      else if (c === '#' && (p === 0 || t[p - 1] === ' ' || t[p - 1] === '\n')) {
        const nl = t.indexOf('\n', p);
        p = nl < 0 ? t.length : nl;
      } else break;
    }
    return p;
  }

  node(p: number): { node: PNode; end: number } {
    const c = this.text[p];
    if (c === '{') return this.collection(p, '}', true);
    if (c === '[') return this.collection(p, ']', false);
    if (c === '"' || c === "'") return { node: { off: p }, end: quotedEnd(this.text, p) };
    // `-`, `?` and `:` start a plain scalar when a safe character follows them (`-1`); other indicators never do.
    const safeNext = p + 1 < this.text.length && !' \n,[]{}'.includes(this.text[p + 1]!);
    if (c === undefined || '&*!|>%@`,]}#'.includes(c) || ('-?:'.includes(c) && !safeNext)) throw new Unmappable(`flow indicator ${c}`);
    return { node: { off: p }, end: this.plainEnd(p) };
  }

  /** End of a plain scalar in flow context (multi-line plain scalars included; trailing space excluded). */
  plainEnd(p: number): number {
    const t = this.text;
    let end = p;
    for (let k = p; k < t.length; k++) {
      const c = t[k]!;
      if (FLOW_END.has(c)) break;
      if (c === ':' && (k + 1 === t.length || ' \n,[]{}'.includes(t[k + 1]!))) break;
      if (c === '#' && (t[k - 1] === ' ' || t[k - 1] === '\n')) break;
      if (c !== ' ' && c !== '\n') end = k + 1;
    }
    return end;
  }

  collection(start: number, close: string, isMap: boolean): { node: PNode; end: number } {
    const map = new Map<string, { keyOff: number; value: PNode }>();
    const seq: PNode[] = [];
    const node: PNode = isMap ? { off: start, map } : { off: start, seq };
    let p = this.ws(start + 1);
    while (this.text[p] !== close) {
      const item = this.node(p);
      p = this.ws(item.end);
      if (isMap) {
        if (this.text[p] !== ':' || item.node.map || item.node.seq) throw new Unmappable('flow entry without a value');
        const key = keyText(this.text.slice(item.node.off, item.end));
        p = this.ws(p + 1);
        if (this.text[p] === ',' || this.text[p] === close) throw new Unmappable('empty flow value');
        const value = this.node(p);
        if (!map.has(key)) map.set(key, { keyOff: item.node.off, value: value.node });
        p = this.ws(value.end);
      } else {
        if (this.text[p] === ':') throw new Unmappable('single-pair mapping in a flow sequence');
        seq.push(item.node);
      }
      if (this.text[p] === ',') p = this.ws(p + 1);
      else if (this.text[p] !== close) throw new Unmappable(`unexpected ${this.text[p]} in a flow collection`);
    }
    return { node, end: p + 1 };
  }
}
