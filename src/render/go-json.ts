/**
 * JSON as Go's `json.MarshalIndent(v, "", "    ")` writes it, for outputs that must be byte-for-byte istioctl's
 * (`mesh zc -o json`): four-space indentation, `<`, `>`, `&`, U+2028 and U+2029 escaped, struct fields in their
 * order (plain objects keep insertion order) and Go maps (GoMap) with keys in byte order.
 */
import { GoMap } from '../core/ztunnel/decode.js';

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

const byteOrder = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** `value` as MarshalIndent with a four-space indent writes it (no final newline, as Go's). */
export function goJson(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + goJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = value instanceof GoMap ? [...value.entries].sort(byteOrder) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${goQuote(k)}: ${goJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
