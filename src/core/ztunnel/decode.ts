/**
 * Go's encoding/json, as istioctl's ztunnel writer applies it to a dump: `json.Unmarshal` into its structs, then
 * `json.MarshalIndent` of them. Decoding is driven by a spec of each struct (field order, types, `omitempty`), and
 * produces the value Go would marshal: fields in struct order, unknown keys dropped, zero values for missing keys,
 * `omitempty` fields left out when empty. Go maps stay plain objects (the writers sort their keys, knowing from the
 * spec which objects are maps). Keys match case-insensitively, as in Go. A type mismatch is an InputError naming
 * the path (Go fails the whole dump too).
 */
import { InputError } from '../../errors.js';
import type { Spec, StructSpec } from './spec.js';

/** A compiled spec: decodes one value; `path` names it in errors (only built while tracking). */
type Decoder = (value: unknown, path: string) => unknown;

const RANGES = { uint16: 0xffff, uint32: 0xffffffff, int: Number.MAX_SAFE_INTEGER } as const;

/**
 * Whether paths are being built. A dump of ten thousand workloads is decoded without them (building a path string
 * per field costs more than the decoding); only when a value does not fit is it decoded again with them, to say where.
 */
let tracking = false;

class Retry extends Error {}

/**
 * Whether values are only checked (Go's type errors found, nothing built): tables read a few fields of a dump that
 * must still be checked whole, and building what they do not read would cost more than reading it.
 */
let checking = false;

/** Decodes `value` (parsed JSON) as Go would into `spec`; `path` names it in errors. */
export function decode(value: unknown, spec: Spec, path: string): unknown {
  return run(value, spec, path);
}

function run(value: unknown, spec: Spec, path: string): unknown {
  const decoder = compile(spec);
  try {
    return decoder(value, path);
  } catch (error) {
    if (!(error instanceof Retry)) throw error;
    tracking = true;
    try {
      return decoder(value, path);
    } finally {
      tracking = false;
    }
  }
}

const scalars = new Map<string, Decoder>();
const compiledSpecs = new WeakMap<object, Decoder>();

/** One decoder function per spec, so that decoding a value does not look at the spec again. */
function compile(spec: Spec): Decoder {
  if (typeof spec === 'string') {
    let d = scalars.get(spec);
    if (!d) scalars.set(spec, (d = scalarDecoder(spec)));
    return d;
  }
  let d = compiledSpecs.get(spec);
  if (!d) compiledSpecs.set(spec, (d = 'struct' in spec ? structDecoder(spec) : containerDecoder(spec)));
  return d;
}

function scalarDecoder(spec: 'string' | 'bool' | 'uint16' | 'uint32' | 'int' | 'any'): Decoder {
  switch (spec) {
    case 'string':
      return (v, path) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : mismatch(v, path, 'a string'));
    case 'bool':
      return (v, path) => (typeof v === 'boolean' ? v : v === null || v === undefined ? false : mismatch(v, path, 'true or false'));
    case 'any':
      return (v) => (v === undefined ? null : checking ? v : anyValue(v));
    default: {
      const max = RANGES[spec];
      const expected = spec === 'int' ? 'an integer' : `an integer from 0 to ${max}`;
      const min = spec === 'int' ? -max : 0;
      return (v, path) => {
        if (typeof v === 'number' && Number.isInteger(v) && v <= max && v >= min) return v;
        return v === null || v === undefined ? 0 : mismatch(v, path, expected);
      };
    }
  }
}

function containerDecoder(spec: Exclude<Spec, string | StructSpec>): Decoder {
  if ('ptr' in spec) {
    const struct = compile(spec.ptr);
    return (v, path) => (v === null || v === undefined ? null : struct(v, path));
  }
  if ('opt' in spec) {
    const scalar = compile(spec.opt);
    return (v, path) => (v === null || v === undefined ? null : scalar(v, path));
  }
  if ('slice' in spec) {
    const item = compile(spec.slice);
    // A list of strings or numbers that are all there decodes to itself: it is kept, not copied.
    const plainItems = spec.slice === 'string' || spec.slice === 'uint16';
    return (v, path) => {
      if (v === null || v === undefined) return null;
      if (!Array.isArray(v)) return mismatch(v, path, 'a list');
      let out: unknown[] | undefined = checking || plainItems ? undefined : new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = item(v[i], tracking ? `${path}[${i}]` : path);
        if (out === undefined && !checking && x !== v[i]) out = v.slice(0, i);
        if (out !== undefined) out[i] = x;
      }
      return out ?? v;
    };
  }
  const value = compile(spec.map);
  const ports = spec.key === 'uint16';
  const plain = spec.map === 'int' || spec.map === 'uint16' || spec.map === 'string';
  return (v, path) => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'object' || Array.isArray(v)) return mismatch(v, path, 'an object');
    const obj = v as Record<string, unknown>;
    // Object.keys, not for-in: maps keyed by port numbers are indexed elements, which for-in walks slowly.
    const keys = Object.keys(obj);
    // A map whose values decode to themselves (ports, counts) is kept as it is, unless a key must change.
    let out: Record<string, unknown> | undefined = plain || checking ? undefined : {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const k = ports ? uint16Key(key, path) : key;
      const x = value(obj[key], tracking ? `${path}[${JSON.stringify(key)}]` : path);
      if (out === undefined && !checking && k !== key) out = Object.fromEntries(keys.slice(0, i).map((j) => [j, obj[j]]));
      // Port keys are read as numbers: `080` and `80` are one key (the last one wins, as in Go).
      if (out !== undefined) out[k] = x;
    }
    return out ?? obj;
  };
}

/** What generated struct decoders read at run time (a module `let` is out of their reach). */
const state = {
  get tracking(): boolean {
    return tracking;
  },
  get checking(): boolean {
    return checking;
  },
};

/**
 * A struct's decoder, generated from its spec (as ajv compiles schemas): property reads and writes by constant
 * names, so that decoding ten thousand workloads runs at the speed of object literals rather than through maps of
 * field names. Only when an object has a key that matches a field case-insensitively (Go accepts `UID` for `uid`)
 * does it take the slow path that honours that. Field names come from the specs in types.ts, never from input.
 */
function structDecoder(spec: StructSpec): Decoder {
  let decoder: Decoder | undefined;
  // Built on first use: specs may nest the same struct, and each field's decoder must exist first.
  return (v, path) => (decoder ??= generateStruct(spec))(v, path);
}

function generateStruct(spec: StructSpec): Decoder {
  const names = spec.fields.map(([name]) => name);
  const exact = new Set(names);
  const folded = new Map(names.map((name, i) => [name.toLowerCase(), i]));
  const decoders = spec.fields.map(([, fieldSpec]) => compile(fieldSpec));
  const q = (name: string): string => JSON.stringify(name);
  const lets = names.map((_, i) => `f${i}`).join(', ');
  const reads = names.map((name, i) => `f${i} = v[${q(name)}];`).join(' ');
  const slowReads = names.map((_, i) => `f${i} = found[${i}];`).join(' ');
  const writes = spec.fields
    .map(([name, fieldSpec, omitEmpty, checkOnly], i) => {
      const p = `state.tracking ? path + ${q(`.${name}`)} : path`;
      // Checked, not built: scalars build nothing anyway; containers are walked in check mode.
      if (checkOnly) return typeof fieldSpec === 'string' ? `d[${i}](f${i}, ${p});` : `if (f${i} != null) checkWith(d[${i}], f${i}, ${p});`;
      // Go's omitempty: never for a struct; only nil for pointers and interfaces; else also "", 0, false, empty.
      const structField = typeof fieldSpec === 'object' && 'struct' in fieldSpec;
      const cond = !omitEmpty || structField ? '' : nilOnly(fieldSpec) ? 'if (x !== null) ' : 'if (!isEmpty(x)) ';
      return `x = d[${i}](f${i}, state.tracking ? path + ${q(`.${name}`)} : path); ${cond}out[${q(name)}] = x;`;
    })
    .join('\n');
  const body = `
    let ${lets};
    if (v !== null && v !== undefined) {
      if (typeof v !== 'object' || Array.isArray(v)) mismatch(v, path, ${q(`an object (${spec.struct})`)});
      let folding = false;
      for (const key in v) if (!exact.has(key) && folded.has(key.toLowerCase())) { folding = true; break; }
      if (!folding) { ${reads} } else {
        const found = [];
        for (const key in v) { const i = exact.has(key) ? names.indexOf(key) : folded.get(key.toLowerCase()); if (i !== undefined) found[i] = v[key]; }
        ${slowReads}
      }
    }
    if (state.checking) {
      ${names.map((name, i) => `d[${i}](f${i}, state.tracking ? path + ${q(`.${name}`)} : path);`).join(' ')}
      return v;
    }
    const out = {};
    let x;
    ${writes}
    return out;`;
  const make = new Function('d', 'exact', 'folded', 'names', 'mismatch', 'isEmpty', 'state', 'checkWith', `return function (v, path) {${body}\n};`) as (
    ...args: unknown[]
  ) => Decoder;
  return make(decoders, exact, folded, names, mismatch, isEmpty, state, checkWith);
}

/** Runs a decoder in check mode (nothing built), restoring the mode after. */
function checkWith(decoder: Decoder, value: unknown, path: string): void {
  if (checking) return void decoder(value, path);
  checking = true;
  try {
    decoder(value, path);
  } finally {
    checking = false;
  }
}

const PORT_KEYS = new Map<string, string>();

function uint16Key(key: string, path: string): string {
  const known = PORT_KEYS.get(key);
  if (known !== undefined) return known;
  // strconv.ParseUint(key, 10, 16): digits only, in range.
  if (!/^\d+$/.test(key) || Number(key) > 0xffff) {
    if (!tracking) throw new Retry();
    throw new InputError(`${path}: the key ${JSON.stringify(key)} is not a port number`);
  }
  const k = String(Number(key));
  if (PORT_KEYS.size < 100_000) PORT_KEYS.set(key, k);
  return k;
}

/** An `any` field: Go decodes objects into map[string]any, so they are written with sorted keys. */
function anyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anyValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, anyValue(v)]));
  }
  return value;
}

/** Pointers and interfaces are left out by `omitempty` only when nil (a pointer to 0 or an `any` false is written). */
function nilOnly(spec: Spec): boolean {
  return spec === 'any' || (typeof spec === 'object' && ('ptr' in spec || 'opt' in spec));
}

/** Go's `omitempty`: false, 0, "", nil, and empty lists and maps (never a struct). */
function isEmpty(v: unknown): boolean {
  return v === null || v === '' || v === 0 || v === false || (typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : isEmptyMap(v)));
}

function isEmptyMap(v: object): boolean {
  for (const key in v) if (key !== undefined) return false;
  return true;
}

function mismatch(value: unknown, path: string, expected: string): never {
  if (!tracking) throw new Retry();
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);
  throw new InputError(`${path}: expected ${expected}, got ${got}`);
}
