/**
 * JSON as Go's `json.MarshalIndent(v, "", "    ")` writes it, for outputs that must be byte-for-byte istioctl's
 * (`mesh zc -o json`): four-space indentation, `<`, `>`, `&`, U+2028 and U+2029 escaped, struct fields in their
 * declaration order and Go maps with their keys in byte order. The decode spec (src/core/ztunnel/decode.ts) says
 * which objects are structs (decoded in field order) and which are maps; without one, every object is a map
 * (Go's map[string]any).
 */
import type { Spec } from '../core/ztunnel/spec.js';

const HTML = /[<>&\u2028\u2029]/;
const HTML_ALL = /[<>&\u2028\u2029]/g;
const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** A string as Go's encoder quotes it. */
export function goQuote(s: string): string {
  const q = JSON.stringify(s);
  return HTML.test(q) ? q.replace(HTML_ALL, (c) => HTML_ESCAPES[c]!) : q;
}

function number(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return JSON.stringify(n);
}

interface Inner {
  /** Objects of this spec keep their key order (structs); others are maps, written with sorted keys. */
  struct: boolean;
  /** The spec of a field, item or value. */
  child: (key: string) => Spec | undefined;
}

const GENERIC: Inner = { struct: false, child: () => undefined };
const inners = new WeakMap<object, Inner>();

/** What the items, fields or values of `spec` are (computed once per spec). */
function inner(spec: Spec | undefined): Inner {
  if (spec === undefined || typeof spec === 'string') return GENERIC;
  let known = inners.get(spec);
  if (known) return known;
  if ('struct' in spec) {
    const fields = new Map(spec.fields.map(([name, s]) => [name, s]));
    known = { struct: true, child: (key) => fields.get(key) };
  } else if ('ptr' in spec) {
    known = inner(spec.ptr);
  } else if ('slice' in spec) {
    known = { struct: false, child: () => spec.slice };
  } else if ('map' in spec) {
    known = { struct: false, child: () => spec.map };
  } else {
    known = GENERIC;
  }
  inners.set(spec, known);
  return known;
}

/** `value` as MarshalIndent with a four-space indent writes it (no final newline, as Go's). */
export function goJson(value: unknown, spec?: Spec, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const next = `${indent}    `;
  const { struct, child } = inner(spec);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const item = child('');
    return `[\n${value.map((v) => next + goJson(v, item, next)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value as Record<string, unknown>);
  if (keys.length === 0) return '{}';
  // Go sorts map keys by their bytes; JavaScript's default sort is by UTF-16 units, the same order for these keys.
  if (!struct) keys.sort();
  const obj = value as Record<string, unknown>;
  return `{\n${keys.map((k) => `${next}${goQuote(k)}: ${goJson(obj[k], child(k), next)}`).join(',\n')}\n${indent}}`;
}
