/**
 * Go's encoding/json, as istioctl's ztunnel writer applies it to a dump: `json.Unmarshal` into its structs, then
 * `json.MarshalIndent` of them. Decoding is driven by a spec of each struct (field order, types, `omitempty`), and
 * produces the value Go would marshal: fields in struct order, unknown keys dropped, zero values for missing keys,
 * `omitempty` fields left out when empty, Go maps as GoMap (their keys are sorted when written). Keys match
 * case-insensitively, as in Go. A type mismatch is an InputError naming the path (Go fails the whole dump too).
 */
import { InputError } from '../../errors.js';

/** A Go map as decoded: its entries in dump order, keys already in Go's text form (`080` becomes `80` for uint16 keys). */
export class GoMap<V = unknown> {
  constructor(readonly entries: [string, V][]) {}
  /** How many distinct keys the map has. */
  get size(): number {
    return this.entries.length;
  }
}

/** A Go struct: its name (for messages) and fields in declaration order. */
export interface StructSpec {
  struct: string;
  fields: readonly FieldSpec[];
}

/** A field: JSON name, type, and whether it is `omitempty`. */
export type FieldSpec = readonly [name: string, spec: Spec, omitempty?: boolean];

/** A Go type the writer's structs use. */
export type Spec =
  | 'string'
  | 'bool'
  | 'uint16'
  | 'uint32'
  | 'int'
  | 'any'
  | StructSpec
  | { slice: Spec }
  | { ptr: StructSpec }
  | { opt: 'uint16' }
  | { map: Spec; key?: 'uint16' };

interface Compiled {
  exact: Map<string, number>;
  folded: Map<string, number>;
}
const compiled = new WeakMap<StructSpec, Compiled>();

function compile(spec: StructSpec): Compiled {
  let c = compiled.get(spec);
  if (!c) {
    c = { exact: new Map(spec.fields.map(([name], i) => [name, i])), folded: new Map(spec.fields.map(([name], i) => [name.toLowerCase(), i])) };
    compiled.set(spec, c);
  }
  return c;
}

const RANGES = { uint16: 0xffff, uint32: 0xffffffff, int: Number.MAX_SAFE_INTEGER } as const;

/** Decodes `value` (parsed JSON) as Go would into `spec`; `path` names it in errors. */
export function decode(value: unknown, spec: Spec, path: string): unknown {
  if (typeof spec === 'string') return decodeScalar(value, spec, path);
  if ('struct' in spec) return decodeStruct(value, spec, path);
  if (value === null || value === undefined) return null;
  if ('slice' in spec) {
    if (!Array.isArray(value)) return mismatch(value, path, 'a list');
    return value.map((v, i) => decode(v, spec.slice, `${path}[${i}]`));
  }
  if ('ptr' in spec) return decodeStruct(value, spec.ptr, path);
  if ('opt' in spec) return decodeScalar(value, spec.opt, path);
  if (typeof value !== 'object' || Array.isArray(value)) return mismatch(value, path, 'an object');
  const seen = new Map<string, unknown>();
  for (const key in value as Record<string, unknown>) {
    const k = spec.key === 'uint16' ? uint16Key(key, path) : key;
    seen.set(k, decode((value as Record<string, unknown>)[key], spec.map, `${path}[${JSON.stringify(key)}]`));
  }
  return new GoMap([...seen]);
}

function uint16Key(key: string, path: string): string {
  // strconv.ParseUint(key, 10, 16): digits only, in range.
  if (!/^\d+$/.test(key) || Number(key) > 0xffff) throw new InputError(`${path}: the key ${JSON.stringify(key)} is not a port number`);
  return String(Number(key));
}

function decodeScalar(value: unknown, spec: 'string' | 'bool' | 'uint16' | 'uint32' | 'int' | 'any', path: string): unknown {
  if (spec === 'any') return value === undefined ? null : anyValue(value);
  if (value === null || value === undefined) return spec === 'string' ? '' : spec === 'bool' ? false : 0;
  if (spec === 'string') return typeof value === 'string' ? value : mismatch(value, path, 'a string');
  if (spec === 'bool') return typeof value === 'boolean' ? value : mismatch(value, path, 'true or false');
  if (typeof value !== 'number' || !Number.isInteger(value) || value > RANGES[spec] || (spec !== 'int' && value < 0)) {
    return mismatch(value, path, spec === 'int' ? 'an integer' : `an integer from 0 to ${RANGES[spec]}`);
  }
  return value;
}

/** An `any` field: Go decodes objects into map[string]any, so they are written with sorted keys. */
function anyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anyValue);
  if (value !== null && typeof value === 'object') {
    return new GoMap(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, anyValue(v)]));
  }
  return value;
}

function decodeStruct(value: unknown, spec: StructSpec, path: string): Record<string, unknown> {
  const { exact, folded } = compile(spec);
  const found: unknown[] = new Array<unknown>(spec.fields.length);
  if (value !== null && value !== undefined) {
    if (typeof value !== 'object' || Array.isArray(value)) mismatch(value, path, `an object (${spec.struct})`);
    for (const key in value as Record<string, unknown>) {
      const i = exact.get(key) ?? folded.get(key.toLowerCase());
      if (i !== undefined) found[i] = (value as Record<string, unknown>)[key];
    }
  }
  const out: Record<string, unknown> = {};
  spec.fields.forEach(([name, fieldSpec, omitEmpty], i) => {
    const v = decode(found[i], fieldSpec, `${path}.${name}`);
    if (omitEmpty && (nilOnly(fieldSpec) ? v === null : isEmpty(v))) return;
    out[name] = v;
  });
  return out;
}

/** Pointers and interfaces are left out by `omitempty` only when nil (a pointer to 0 or an `any` false is written). */
function nilOnly(spec: Spec): boolean {
  return spec === 'any' || (typeof spec === 'object' && ('ptr' in spec || 'opt' in spec));
}

/** Go's `omitempty`: false, 0, "", nil, and empty lists and maps (never a struct). */
function isEmpty(v: unknown): boolean {
  return v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0) || (v instanceof GoMap && v.size === 0);
}

function mismatch(value: unknown, path: string, expected: string): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);
  throw new InputError(`${path}: expected ${expected}, got ${got}`);
}
