/**
 * Inlines `$ref`s in mesh's JSON schemas. Both the CRD converter and the build-time check-tree builder need the
 * schema of a kind as one self-contained tree. Istio's API has no recursive messages, so full inlining terminates;
 * a cycle is still detected and reported as a bug in the schema files rather than looping forever.
 */

/** A JSON Schema node, loosely typed: schemas are data read from schemas/*.json. */
export type SchemaNode = { [key: string]: unknown };

/** Schemas by `$id` (e.g. `VirtualService`, `IstioCommon`). */
export type SchemaRegistry = ReadonlyMap<string, SchemaNode>;

/** Keys whose values are lists that a `$ref` site adds to (rather than replaces) when merged with its target. */
const CONCATENATED = new Set(['x-kubernetes-validations']);

/**
 * Returns `schema` (which lives in the document `$id` = `baseId`) with every `$ref` replaced by its target.
 * Keywords next to a `$ref` apply too (as ajv 8 does): they override the target's, except CEL rules, which add up.
 */
export function resolveRefs(schema: SchemaNode, registry: SchemaRegistry, baseId: string): SchemaNode {
  return resolve(schema, registry, baseId, []);
}

function resolve(node: SchemaNode, registry: SchemaRegistry, baseId: string, stack: string[]): SchemaNode {
  let out: SchemaNode = {};
  let base = baseId;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const [target, targetBase] = lookup(ref, registry, baseId);
    const key = `${targetBase}${ref.slice(ref.indexOf('#'))}`;
    if (stack.includes(key)) throw new Error(`schema cycle through ${key}`);
    out = resolve(target, registry, targetBase, [...stack, key]);
    base = baseId;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref') continue;
    const value = resolveValue(k, v, registry, base, stack);
    if (CONCATENATED.has(k) && Array.isArray(out[k]) && Array.isArray(value)) out[k] = [...(out[k] as unknown[]), ...value];
    else out[k] = value;
  }
  return out;
}

/** Sub-schemas sit under these keys; everything else (enum, required, x-istio...) is copied as is. */
function resolveValue(key: string, value: unknown, registry: SchemaRegistry, base: string, stack: string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  switch (key) {
    case 'properties':
    case 'definitions':
      return Object.fromEntries(Object.entries(value as Record<string, SchemaNode>).map(([k, v]) => [k, resolve(v, registry, base, stack)]));
    case 'items':
    case 'additionalProperties':
    case 'not':
      return Array.isArray(value) ? value : resolve(value as SchemaNode, registry, base, stack);
    case 'oneOf':
    case 'anyOf':
    case 'allOf':
      return (value as SchemaNode[]).map((v) => resolve(v, registry, base, stack));
    default:
      return value;
  }
}

function lookup(ref: string, registry: SchemaRegistry, baseId: string): [SchemaNode, string] {
  const hash = ref.indexOf('#');
  const docId = hash === 0 ? baseId : ref.slice(0, hash < 0 ? undefined : hash);
  const doc = registry.get(docId);
  if (!doc) throw new Error(`$ref ${ref}: no schema with $id ${docId}`);
  let node: unknown = doc;
  const pointer = hash < 0 ? '' : ref.slice(hash + 1);
  for (const part of pointer.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node || typeof node !== 'object') throw new Error(`$ref ${ref}: not found in ${docId}`);
  return [node as SchemaNode, docId];
}
