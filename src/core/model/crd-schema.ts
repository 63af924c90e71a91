/**
 * Converts mesh's JSON schema of an Istio kind into the `openAPIV3Schema` of its CustomResourceDefinition.
 *
 * Contract of `crdSchema(kind, version)`:
 * - `kind` is an Istio kind with a schema in schemas/ (see `schemaKinds()`), `version` one of its served versions
 *   (`kindInfo(kind).versions`); anything else throws UsageError. All served versions of a kind share one schema.
 * - The result is a Kubernetes *structural* schema, ready for `spec.versions[].schema.openAPIV3Schema`: every `$ref`
 *   inlined; a `type` on every node (except `x-kubernetes-preserve-unknown-fields` nodes, where Istio takes any value:
 *   EnvoyFilter patch values, Wasm plugin config, status); no `additionalProperties: false` (the API server prunes
 *   unknown fields instead); `oneOf`/`not`/`anyOf` only as at-most-one groups of `required` with no types inside;
 *   `x-kubernetes-validations` CEL rules, `x-kubernetes-list-type`/`-list-map-keys`, `nullable`, enums, bounds kept.
 * - The root holds `spec` and `status` only (Kubernetes validates apiVersion, kind and metadata itself), as Istio's CRDs do,
 *   and `required: [spec]` for the kinds whose spec Istio requires (ServiceEntry, WorkloadEntry, WorkloadGroup, WasmPlugin, TrafficExtension).
 * - The result is a fresh object on every call: the caller may change it.
 */
import { UsageError } from '../../errors.js';
import { resolveRefs, type SchemaNode } from './schema-refs.js';
import { kindInfo, schemaKinds, schemaRegistry } from './kind-catalog.js';

export { kindInfo, schemaKinds, type IstioKindInfo } from './kind-catalog.js';

/** Keys that exist only for JSON Schema tooling or mesh itself, never in a CRD. */
const DROPPED = new Set(['$schema', '$id', 'definitions', 'title', 'x-istio']);
/** Formats Kubernetes knows; others (mesh's own `re2`, `duration`) are dropped rather than shipped as unknown formats. */
const KUBE_FORMATS = new Set(['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'password', 'uri', 'uuid', 'hostname', 'ipv4', 'ipv6', 'cidr']);

/** The structural openAPIV3Schema for `kind` at `version` (see the module comment for the contract). */
export function crdSchema(kind: string, version: string): SchemaNode {
  const info = kindInfo(kind);
  if (!info) throw new UsageError(`no schema for kind ${JSON.stringify(kind)}; known kinds: ${schemaKinds().join(', ')}`);
  if (!info.versions.includes(version)) throw new UsageError(`${kind} is not served in version ${version}; served versions: ${info.versions.join(', ')}`);
  const resolved = resolveRefs(schemaRegistry.get(kind)!, schemaRegistry, kind);
  const props = resolved.properties as Record<string, SchemaNode>;
  const root: SchemaNode = { type: 'object', properties: {} };
  if (Array.isArray(resolved.required) && resolved.required.includes('spec')) root.required = ['spec'];
  const out = root.properties as Record<string, SchemaNode>;
  if (props.spec) out.spec = structural(props.spec);
  if (props.status) out.status = structural(props.status);
  return root;
}

function structural(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (key === 'format' && !KUBE_FORMATS.has(String(value))) continue;
    if (key === 'additionalProperties') {
      if (value === false || node.properties) continue;
      out[key] = typeof value === 'object' ? structural(value as SchemaNode) : value;
    } else if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, SchemaNode>).map(([k, v]) => [k, structural(v)]));
    } else if (key === 'items') {
      out[key] = structural(value as SchemaNode);
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf' || key === 'not') {
      out[key] = structuredClone(value); // junctors hold only `required` lists here: nothing to convert
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}
