/**
 * A checker for Kubernetes' structural-schema rules (apiextensions v1), written from the Kubernetes documentation:
 * types everywhere, no $ref/definitions, nothing typed inside junctors, properties and additionalProperties
 * exclusive, no additionalProperties: false, no uniqueItems, list-map keys required, only known x-kubernetes-* keys.
 */
type Node = Record<string, any>;

const ALLOWED = new Set([
  'type',
  'format',
  'description',
  'properties',
  'additionalProperties',
  'items',
  'required',
  'enum',
  'nullable',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'default',
  'multipleOf',
  'title',
  'example',
  'externalDocs',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
]);
const JUNCTOR_FORBIDDEN = ['type', 'description', 'default', 'additionalProperties', 'nullable', 'properties', 'items'];

/** Every violation of the structural rules in `schema`, as `path: reason`. Empty means structural. */
export function structuralErrors(schema: Node): string[] {
  const errors: string[] = [];
  visit(schema, '', errors, undefined);
  return errors;
}

/** `owner` is the schema node a junctor belongs to (nested junctors keep the outermost owner). */
function visit(node: Node, path: string, errors: string[], owner: Node | undefined): void {
  const inJunctor = owner !== undefined;
  for (const key of Object.keys(node)) if (!ALLOWED.has(key)) errors.push(`${path}: keyword ${key} is not allowed in a CRD schema`);
  if (inJunctor) {
    for (const key of JUNCTOR_FORBIDDEN) if (key in node) errors.push(`${path}: ${key} is not allowed inside allOf/anyOf/oneOf/not`);
  } else if (!node.type && !node['x-kubernetes-int-or-string'] && !node['x-kubernetes-preserve-unknown-fields']) {
    errors.push(`${path}: missing type`);
  }
  if (node.additionalProperties === false) errors.push(`${path}: additionalProperties: false is not allowed`);
  if (node.properties && node.additionalProperties !== undefined) errors.push(`${path}: properties and additionalProperties are mutually exclusive`);
  if (node.uniqueItems === true) errors.push(`${path}: uniqueItems is not allowed`);
  if (node['x-kubernetes-list-type'] === 'map') {
    for (const k of node['x-kubernetes-list-map-keys'] ?? []) {
      if (!(node.items?.required ?? []).includes(k)) errors.push(`${path}: list-map key ${k} must be required in items`);
    }
  }
  if (node.type === 'object' && node.properties) for (const [k, v] of Object.entries(node.properties)) visit(v as Node, `${path}.${k}`, errors, undefined);
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object')
    visit(node.additionalProperties, `${path}{}`, errors, undefined);
  if (node.type === 'array') {
    if (!node.items) errors.push(`${path}: array without items`);
    else visit(node.items, `${path}[]`, errors, undefined);
  }
  for (const j of ['oneOf', 'anyOf', 'allOf']) for (const [i, sub] of (node[j] ?? []).entries()) visitJunctor(sub, `${path}.${j}[${i}]`, owner ?? node, errors);
  if (node.not) visitJunctor(node.not, `${path}.not`, owner ?? node, errors);
}

/** Inside junctors only value validations are allowed, and any field they mention must be specified outside too. */
function visitJunctor(sub: Node, path: string, owner: Node, errors: string[]): void {
  visit(sub, path, errors, owner);
  for (const field of sub.required ?? []) if (!owner.properties?.[field]) errors.push(`${path}: field ${field} is not specified outside the junctor`);
}
