/**
 * Suppressions: `-S CODE=<Kind> <name>.<namespace>` (istioctl's documented form; `Kind namespace/name` works too),
 * with `*` matching any run of characters, and the `galley.istio.io/analyze-suppress: CODE,CODE|*` annotation.
 */
import { UsageError } from '../../errors.js';
import type { Resource } from './types.js';

/** One parsed `-S` value. */
export interface Suppression {
  code: string;
  /** The resource pattern, e.g. `Pod *.testing`. */
  resource: string;
}

/** The annotation whose value lists codes not to report on the annotated resource. */
export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/** Parses `-S` values; a value without exactly one `=` is a usage error. */
export function parseSuppressions(values: readonly string[]): Suppression[] {
  return values.map((value) => {
    const parts = value.split('=');
    if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) {
      throw new UsageError(`invalid --suppress value "${value}": expected CODE=<Kind> <name>.<namespace>, e.g. "IST0102=Namespace default"`);
    }
    return { code: parts[0]!.trim(), resource: parts[1]!.trim().replace(/\s+/g, ' ') };
  });
}

/** True when the resource's own annotation or a `-S` value suppresses `code` on it. */
export function isSuppressed(code: string, resource: Resource, suppressions: readonly Suppression[]): boolean {
  const annotated = resource.annotations[SUPPRESS_ANNOTATION];
  if (annotated && annotated.split(',').some((c) => c.trim() === '*' || c.trim() === code)) return true;
  const names = resource.namespace
    ? [`${resource.kind} ${resource.name}.${resource.namespace}`, `${resource.kind} ${resource.namespace}/${resource.name}`]
    : [`${resource.kind} ${resource.name}`];
  return suppressions.some((s) => s.code === code && names.some((n) => globMatch(s.resource, n)));
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(text);
}
