/**
 * The checks ajv does not do, laid out along the shape of a kind: CEL rules (`x-kubernetes-validations`), at-most-one
 * groups (Istio's `oneOf` of `required`s, reported with a clear message instead of ajv's), and string formats mesh
 * checks itself (durations, RE2 regexes, base64). Built once per kind at build time (scripts/build-schemas.mjs) and
 * shipped next to the ajv code, so validation walks only the branches that have something to check.
 */
import { resolveRefs, type SchemaNode, type SchemaRegistry } from '../model/schema-refs.js';

/** One CEL rule as written in the schema, with the message the API server would print. */
export interface CelRule {
  rule: string;
  message: string;
}

/** Checks for one schema node and for the nodes below it. Only non-empty parts are present. */
export interface CheckNode {
  /** CEL rules on this node. */
  cel?: CelRule[];
  /** Groups of fields of which at most one may be set. */
  oneOf?: string[][];
  /** A string format mesh checks: `duration`, `re2`, `byte`. */
  format?: string;
  /** Checks under named properties. */
  props?: Record<string, CheckNode>;
  /** Checks for every array item. */
  items?: CheckNode;
  /** Checks for every map value. */
  values?: CheckNode;
}

const CHECKED_FORMATS = new Set(['duration', 're2', 'byte']);

/** Builds the check tree of the schema `$id` = `kind`; undefined when nothing needs checking. */
export function buildCheckTree(kind: string, registry: SchemaRegistry): CheckNode | undefined {
  const schema = registry.get(kind);
  if (!schema) throw new Error(`no schema for ${kind}`);
  return toNode(resolveRefs(schema, registry, kind));
}

function toNode(schema: SchemaNode): CheckNode | undefined {
  const node: CheckNode = {};
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules) && rules.length) node.cel = rules.map((r: CelRule) => ({ rule: normalizeRule(r.rule), message: r.message }));
  const group = oneOfGroup(schema.oneOf);
  if (group) node.oneOf = [group];
  if (typeof schema.format === 'string' && CHECKED_FORMATS.has(schema.format)) node.format = schema.format;
  const props = schema.properties as Record<string, SchemaNode> | undefined;
  if (props) {
    for (const [key, sub] of Object.entries(props)) {
      const child = toNode(sub);
      if (child) (node.props ??= {})[key] = child;
    }
  }
  if (schema.items && typeof schema.items === 'object') {
    const child = toNode(schema.items as SchemaNode);
    if (child) node.items = child;
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    const child = toNode(schema.additionalProperties as SchemaNode);
    if (child) node.values = child;
  }
  return Object.keys(node).length ? node : undefined;
}

/** Recognises `oneOf: [{not: {anyOf: [{required: [a]}, ...]}}, {required: [a]}, ...]`, which means "at most one of a, b...". */
export function oneOfGroup(oneOf: unknown): string[] | undefined {
  if (!Array.isArray(oneOf) || oneOf.length < 2) return undefined;
  const [first, ...rest] = oneOf as SchemaNode[];
  if (!first || typeof first.not !== 'object') return undefined;
  const names = rest.map((b) => (Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined));
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

/** CEL rule text with runs of white space folded, so that YAML line wrapping does not change its identity. */
export function normalizeRule(rule: string): string {
  return rule.replace(/\s+/g, ' ').trim();
}
