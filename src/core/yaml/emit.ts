/**
 * A small, fast YAML emitter for plain data, in the style kubectl users know (block style, `- ` items at the
 * key's indentation, like sigs.k8s.io/yaml). Every string that a YAML 1.1 reader (kubectl) or a 1.2 reader would
 * take for another type is quoted, so what mesh writes means the same to every reader.
 */
import { YAML11_SCHEMA } from './schema11.js';
import jsyaml from 'js-yaml';

/** Emitter settings. */
export interface EmitOptions {
  /** Spaces per nesting level (default 2). */
  indent?: number;
  /** Indent `- ` items under their parent key (default false: items start at the key's column). */
  indentSequences?: boolean;
}

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d\d?-\d\d?(?:[Tt\s].*)?$/;
const NUMBER_LIKE = /^[-+]?(?:[0-9._]|\.(?:inf|nan))/i;

function resolvesToNonString(s: string): boolean {
  // The 1.1 schema covers y/n/on/off/octal/binary; js-yaml's default (1.2 core) covers 0o17 and friends.
  for (const schema of [YAML11_SCHEMA, jsyaml.DEFAULT_SCHEMA]) {
    for (const type of (schema as unknown as { compiledImplicit: (jsyaml.Type & { tag: string })[] }).compiledImplicit) {
      if (type.tag !== 'tag:yaml.org,2002:str' && type.resolve(s)) return true;
    }
  }
  return false;
}

/** True when `s` can be written as a plain (unquoted) scalar and read back as the same string by any reader. */
export function isPlainSafe(s: string): boolean {
  if (s === '' || s.length > 1024) return false;
  if (INDICATOR_START.test(s) && !/^[-?:][^\s]/.test(s)) return false;
  if (/\s$/.test(s) || /[\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (s === '<<' || s === '=' || s === '-' || s === '---' || s === '...') return false;
  if (NUMBER_LIKE.test(s) || /^[yYnNoOtTfF~]/.test(s)) {
    if (resolvesToNonString(s) || SEXAGESIMAL.test(s)) return false;
  }
  if (TIMESTAMP.test(s)) return false;
  return true;
}

const quoted = new Map<string, string>();

/** Writes a string scalar: plain when safe, else quoted (single quotes when that avoids escaping, else double). */
export function quoteString(s: string): string {
  const known = quoted.get(s);
  if (known !== undefined) return known;
  const out = quoteUncached(s);
  if (quoted.size < 50_000) quoted.set(s, out); // injected output repeats the same strings thousands of times
  return out;
}

function quoteUncached(s: string): string {
  if (isPlainSafe(s)) return s;
  if (s.includes('"') && !s.includes("'") && !/[\x00-\x1f\x7f\u0085\u2028\u2029]/.test(s)) return `'${s}'`;
  return JSON.stringify(s);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  return JSON.stringify(String(v));
}

function isBlockString(v: unknown): v is string {
  return typeof v === 'string' && v.includes('\n') && !/[ \t]\n|[\x00-\x08\x0b-\x1f\x7f]|^\s/.test(v) && !v.endsWith('\n\n');
}

function blockString(s: string, pad: string): string {
  const chomp = s.endsWith('\n') ? '' : '-';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  return `|${chomp}\n${body
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n')}\n`;
}

function isCollection(v: unknown): v is object {
  return v !== null && typeof v === 'object' && !(v instanceof Date);
}

function isEmptyCollection(v: object): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

const pads: string[] = [];
function pad(n: number): string {
  return (pads[n] ??= ' '.repeat(n));
}

/** Emits `value` as a YAML block at column `level * indent`; the result ends with a newline. */
export function emitYaml(value: unknown, options: EmitOptions = {}, column = 0): string {
  const step = options.indent ?? 2;
  const seqStep = options.indentSequences ? step : 0;
  const out: string[] = [];

  const writeNode = (v: unknown, col: number): void => {
    // Called for a collection value that starts on its own line(s) at `col`.
    const padding = pad(col);
    if (Array.isArray(v)) {
      for (const item of v) writeItem(item, col, padding);
    } else {
      for (const k in v as Record<string, unknown>) writeEntry(k, (v as Record<string, unknown>)[k], col, padding);
    }
  };

  const writeEntry = (k: string, child: unknown, col: number, indent: string): void => {
    const key = quoteString(k);
    if (isCollection(child) && !isEmptyCollection(child)) {
      out.push(`${indent}${key}:\n`);
      writeNode(child, Array.isArray(child) ? col + seqStep : col + step);
    } else if (isCollection(child)) {
      out.push(`${indent}${key}: ${Array.isArray(child) ? '[]' : '{}'}\n`);
    } else if (isBlockString(child)) {
      out.push(`${indent}${key}: ${blockString(child, pad(col + step))}`);
    } else {
      out.push(`${indent}${key}: ${scalar(child)}\n`);
    }
  };

  const writeItem = (item: unknown, col: number, indent: string): void => {
    if (isCollection(item) && !isEmptyCollection(item)) {
      // The first line of the nested collection shares the line with `- `.
      const start = out.length;
      writeNode(item, col + 2);
      const first = out[start]!;
      out[start] = `${indent}- ${first.slice(col + 2)}`;
    } else if (isCollection(item)) {
      out.push(`${indent}- ${Array.isArray(item) ? '[]' : '{}'}\n`);
    } else if (isBlockString(item)) {
      out.push(`${indent}- ${blockString(item, pad(col + 2))}`);
    } else {
      out.push(`${indent}- ${scalar(item)}\n`);
    }
  };

  if (isCollection(value) && !isEmptyCollection(value)) writeNode(value, column);
  else if (isCollection(value)) out.push(`${' '.repeat(column)}${Array.isArray(value) ? '[]' : '{}'}\n`);
  else if (isBlockString(value)) out.push(blockString(value, ' '.repeat(column + step)));
  else out.push(`${scalar(value)}\n`);
  return out.join('');
}
