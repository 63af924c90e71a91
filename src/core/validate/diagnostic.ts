/** What validation reports: one problem in one object, placed in its source file. Public API: `mesh validate -o json` prints these. */
import { compareStrings } from '../tree.js';

/** How bad a problem is: errors are what the API server or Istio's webhook would reject; warnings are accepted but suspect. */
export type Severity = 'error' | 'warning';

/** A path into an object: property names and array indexes from the object's root. */
export type FieldPath = readonly (string | number)[];

/** One validation finding. */
export interface Diagnostic {
  /** Source of the object: a file path or `<stdin>`. */
  file: string;
  /** 1-based line of the offending field (of its nearest existing parent when the field is missing). */
  line: number;
  /** 1-based column. */
  col: number;
  /** The object's apiVersion (empty when the document is not a Kubernetes object). */
  apiVersion: string;
  /** The object's kind (empty when the document is not a Kubernetes object). */
  kind: string;
  /** metadata.namespace as written; undefined when the file leaves it to the apply-time default. */
  namespace?: string;
  /** metadata.name. */
  name?: string;
  /** Field path in dotted form, e.g. `spec.http[0].route[1].weight`; empty for the object as a whole. */
  path: string;
  /** What is wrong, in one line. */
  message: string;
  severity: Severity;
  /** Which check found it: `schema`, `cel`, `object`, or a semantic rule's name such as `virtualservice.route-weights`. */
  rule: string;
}

/** Formats a path as `spec.http[0].route`; keys that are not identifiers are quoted: `labels["app.kubernetes.io/name"]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/** `Kind/namespace/name` (namespace left out when the object has none), as messages name objects. */
export function objectRef(d: Pick<Diagnostic, 'kind' | 'namespace' | 'name'>): string {
  const name = d.name ?? '<unnamed>';
  return `${d.kind || '<no kind>'}/${d.namespace ? `${d.namespace}/` : ''}${name}`;
}

/** Orders diagnostics by file, line, column, then message, so output is stable whatever order checks ran in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.col - b.col || compareStrings(a.message, b.message);
}
