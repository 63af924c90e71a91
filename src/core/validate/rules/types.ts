/** The contract of a semantic rule: one check Istio's validating webhook makes that a schema cannot express. */
import type { KubeObject } from '../../yaml/load.js';
import type { FieldPath, Severity } from '../diagnostic.js';

/** What a rule sees and how it reports. */
export interface RuleContext {
  /** The whole object (schema-valid as far as types go: rules run only when ajv found no type errors). */
  object: KubeObject;
  /** Reports a problem at `path` (from the object's root, e.g. ['spec', 'http', 0]); severity defaults to error. */
  report(path: FieldPath, message: string, severity?: Severity): void;
}

/** A semantic rule. */
export interface SemanticRule {
  /** `kind.kebab-name`, unique; shown in JSON output as `rule`. Public API: never rename. */
  name: string;
  /** One line: what the rule checks. */
  description: string;
  /** Kinds whose objects the rule checks. */
  kinds: readonly string[];
  /** Checks one object's spec (an empty object when the spec is missing). */
  check(spec: any, ctx: RuleContext): void;
}

/** Iterates an optional array field with its index, skipping non-arrays (schema errors are reported elsewhere). */
export function each<T = any>(value: unknown, fn: (item: T, index: number) => void): void {
  if (Array.isArray(value)) value.forEach((item, i) => fn(item as T, i));
}

/** Iterates an optional map field. */
export function entries<T = any>(value: unknown): [string, T][] {
  return value && typeof value === 'object' && !Array.isArray(value) ? (Object.entries(value) as [string, T][]) : [];
}
