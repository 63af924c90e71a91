/** Renders validation results: one line per problem (`-o log`) or a stable JSON document (`-o json`). Pure. */
import { formatLocation } from '../errors.js';
import { objectRef, type Diagnostic } from '../core/validate/diagnostic.js';
import { paint } from './paint.js';

/** Counts for the summary line and the JSON `summary`. */
export interface ValidateSummary {
  /** Objects (and non-object documents) looked at. */
  objects: number;
  errors: number;
  warnings: number;
}

/** The `-o json` document. Public API: keys are stable and never renamed. */
export interface ValidateJson {
  valid: boolean;
  summary: ValidateSummary;
  diagnostics: Diagnostic[];
}

/** Summarises diagnostics over `objects` objects. */
export function summarize(diagnostics: readonly Diagnostic[], objects: number): ValidateSummary {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { objects, errors, warnings: diagnostics.length - errors };
}

/** `file:line:col: error: Kind/ns/name: path: message`, one line per diagnostic. `paint` colours the severity word. */
export function renderLog(diagnostics: readonly Diagnostic[], paint: (severity: Diagnostic['severity'], text: string) => string = (_, t) => t): string {
  return diagnostics
    .map((d) => {
      const subject = d.kind ? `${objectRef(d)}: ` : '';
      return `${formatLocation(d.file, d.line, d.col)}: ${paint(d.severity, d.severity)}: ${subject}${d.path ? `${d.path}: ` : ''}${d.message}\n`;
    })
    .join('');
}

/** The summary line printed to stderr after log output. */
export function renderSummary(s: ValidateSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s.errors === 0 && s.warnings === 0) return `✔ ${plural(s.objects, 'object')} valid\n`;
  const parts = [plural(s.errors, 'error'), ...(s.warnings ? [plural(s.warnings, 'warning')] : [])];
  return `${s.errors ? '✘' : '✔'} ${parts.join(', ')} in ${plural(s.objects, 'object')} checked\n`;
}

/** The `-o json` document, with keys in a fixed order. */
export function renderJson(diagnostics: readonly Diagnostic[], summary: ValidateSummary): string {
  const doc: ValidateJson = {
    valid: summary.errors === 0,
    summary: { objects: summary.objects, errors: summary.errors, warnings: summary.warnings },
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      col: d.col,
      severity: d.severity,
      apiVersion: d.apiVersion,
      kind: d.kind,
      ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
      ...(d.name !== undefined ? { name: d.name } : {}),
      path: d.path,
      message: d.message,
      rule: d.rule,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Colours the severity word for a terminal: red errors, yellow warnings (the caller decides if colour is allowed). */
export function paintSeverity(severity: Diagnostic['severity'], text: string): string {
  return paint(text, severity === 'error' ? 'failure' : 'warning', true);
}
