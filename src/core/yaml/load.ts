/**
 * Parses YAML streams into documents with their place in the source. This is the one reader every command uses.
 * Fast path: js-yaml with Kubernetes' YAML 1.1 scalar rules (the `yaml` package's Document API is ~10x slower);
 * positions of fields are found lazily, only for documents something is reported about (see locate.ts).
 */
import jsyaml from 'js-yaml';
import { InputError, formatLocation } from '../../errors.js';
import { YAML11_SCHEMA } from './schema11.js';
import { splitDocuments } from './split.js';
import { quoteFlowColonScalars } from './flow-colons.js';

/** One parsed YAML document. */
export interface YamlDoc {
  /** Where it came from: a file path, or `<stdin>`. */
  origin: string;
  /** 0-based index of the document within its source. */
  index: number;
  /** The document's exact text, including its leading `---` line if it had one. */
  text: string;
  /** 1-based line in the source where `text` starts. */
  line: number;
  /** The parsed value (null for a document with no content). */
  value: unknown;
  /** True when the document holds only comments or white space. */
  empty: boolean;
}

/** Limits that keep hostile input from exhausting memory. */
export interface LoadLimits {
  /** Maximum number of nodes a document may expand to once aliases are followed. */
  maxExpandedNodes: number;
}

export const DEFAULT_LIMITS: LoadLimits = { maxExpandedNodes: 2_000_000 };

const CONTENT_RE = /^[ \t]*[^\s#]/m;

/** A document that does not parse (or expands too far): InputError `origin:line[:col]: reason`, with the parts as data. */
export class YamlSyntaxError extends InputError {
  /** The file (or `<stdin>`) the text came from. */
  readonly origin: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** 1-based column, when the parser names one. */
  readonly col: number | undefined;
  /** What is wrong, without the position. */
  readonly reason: string;
  constructor(origin: string, line: number, col: number | undefined, reason: string, cause?: unknown) {
    super(`${formatLocation(origin, line, col)}: ${reason}`, cause === undefined ? {} : { cause });
    this.origin = origin;
    this.line = line;
    this.col = col;
    this.reason = reason;
  }
}

/** Parses every document in `text`. Throws YamlSyntaxError `origin:line:col: reason` on the first malformed document. */
export function loadDocuments(text: string, origin: string, limits: LoadLimits = DEFAULT_LIMITS): YamlDoc[] {
  const docs: YamlDoc[] = [];
  for (const chunk of splitDocuments(text)) {
    const body = chunk.text;
    const hasContent = CONTENT_RE.test(body.replace(/^(?:---|\.\.\.)[ \t]*(?:#.*)?$/gm, ''));
    let value: unknown = null;
    if (hasContent) {
      value = parseChunk(body, origin, chunk.line);
      // Only aliases (`*name`) can expand a document beyond its text; most documents have none.
      if (body.includes('*')) checkExpansion(value, origin, chunk.line, limits);
    }
    docs.push({ origin, index: docs.length, text: body, line: chunk.line, value: value ?? null, empty: !hasContent });
  }
  return docs;
}

function parseChunk(body: string, origin: string, line: number): unknown {
  try {
    // kubectl reads `[2001:db8::]` as a list of one string; js-yaml would read a map (see flow-colons.ts).
    return jsyaml.load(quoteFlowColonScalars(body), { schema: YAML11_SCHEMA, filename: origin });
  } catch (error) {
    if (error instanceof jsyaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const reason = (error.reason || 'invalid YAML').replace(/\s+/g, ' ');
      throw new YamlSyntaxError(origin, line + (mark?.line ?? 0), (mark?.column ?? 0) + 1, reason, error);
    }
    throw error;
  }
}

/**
 * Refuses documents whose aliases expand beyond the limit (a "billion laughs" bomb). js-yaml shares aliased
 * objects instead of copying them, so counting with a memo by object identity is linear in the document's size.
 */
function checkExpansion(value: unknown, origin: string, line: number, limits: LoadLimits): void {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, 1); // breaks cycles (recursive aliases) before they recurse forever
    let n = 1;
    if (Array.isArray(v)) for (const item of v) n += size(item);
    else for (const key in v) n += size((v as Record<string, unknown>)[key]);
    memo.set(v, n);
    return n;
  };
  const total = size(value);
  if (total > limits.maxExpandedNodes) {
    throw new YamlSyntaxError(
      origin,
      line,
      undefined,
      `document expands to ${total.toLocaleString('en-US')} nodes through aliases (limit ${limits.maxExpandedNodes.toLocaleString('en-US')}); refusing a possible alias bomb`,
    );
  }
}

/** A Kubernetes object: what mesh needs to know of any document that is a mapping with apiVersion and kind. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  [key: string]: unknown;
}

/** True when `value` looks like a Kubernetes object (a mapping with string apiVersion and kind). */
export function isKubeObject(value: unknown): value is KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.apiVersion === 'string';
}

/** An object read from a source, with the document it came from (List items share their List's document). */
export interface SourcedObject {
  object: KubeObject;
  doc: YamlDoc;
  /** Path of the object inside the document: [] for a plain document, ['items', i] for List items. */
  path: (string | number)[];
}

/** Flattens documents into objects, expanding `kind: List` (and `*List`) items in order; skips empty documents. */
export function objectsOf(docs: YamlDoc[]): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const doc of docs) {
    if (!isKubeObject(doc.value)) continue;
    const obj = doc.value;
    if (obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      obj.items.forEach((item, i) => {
        if (isKubeObject(item)) out.push({ object: item, doc, path: ['items', i] });
      });
    } else out.push({ object: obj, doc, path: [] });
  }
  return out;
}
