/**
 * The Go types a ztunnel dump is decoded into, as data (decode.ts compiles them into decoders, the JSON writer reads
 * them to tell structs from maps), and narrowing a spec to the fields a table reads.
 */

/** A Go map as decoded: a plain object (keys in dump order, except that JavaScript puts integer keys first). */
export type GoMap<V = unknown> = Record<string, V>;

/** A Go struct: its name (for messages) and fields in declaration order. */
export interface StructSpec {
  struct: string;
  fields: readonly FieldSpec[];
}

/** A field: JSON name, type, whether it is `omitempty`, and (narrowed specs) whether it is only checked, not built. */
export type FieldSpec = readonly [name: string, spec: Spec, omitempty?: boolean, checkOnly?: boolean];

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

/**
 * `spec` building only the named fields of its structs (`fields`: struct name → field names; structs not named
 * keep every field): what tables read. The other fields are still checked, in the same pass, as Go would.
 */
export function narrow(spec: Spec, fields: Record<string, readonly string[]>): Spec {
  if (typeof spec === 'string' || 'opt' in spec) return spec;
  if ('struct' in spec) return narrowStruct(spec, fields);
  if ('ptr' in spec) return { ptr: narrowStruct(spec.ptr, fields) };
  if ('slice' in spec) return { slice: narrow(spec.slice, fields) };
  return { ...spec, map: narrow(spec.map, fields) };
}

function narrowStruct(spec: StructSpec, fields: Record<string, readonly string[]>): StructSpec {
  const keep = fields[spec.struct];
  return {
    struct: spec.struct,
    fields: spec.fields.map(([name, s, omit]) =>
      !keep || keep.includes(name) ? ([name, narrow(s, fields), omit] as const) : ([name, s, omit, true] as const),
    ),
  };
}
