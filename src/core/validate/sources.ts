/**
 * Validates raw sources (file texts): parses each, turns a YAML syntax error into a diagnostic for that file so the
 * other files are still checked, and validates the documents. Used by `mesh validate`.
 */
import { InputError } from '../../errors.js';
import { loadDocuments, objectsOf, type YamlDoc } from '../yaml/load.js';
import type { Diagnostic } from './diagnostic.js';
import { validateDocuments, type ValidateOptions } from './index.js';

/** Result of validating sources. */
export interface SourcesResult {
  diagnostics: Diagnostic[];
  /** Objects and non-empty documents looked at. */
  objects: number;
}

/** Validates every source in order; never throws for bad content. */
export async function validateSources(sources: readonly { origin: string; text: string }[], options: ValidateOptions = {}): Promise<SourcesResult> {
  const diagnostics: Diagnostic[] = [];
  let objects = 0;
  for (const source of sources) {
    let docs: YamlDoc[];
    try {
      docs = loadDocuments(source.text, source.origin);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      diagnostics.push(syntaxDiagnostic(source.origin, error.message));
      continue;
    }
    for (const doc of docs) if (!doc.empty && doc.value !== null) objects += Math.max(1, objectsOf([doc]).length);
    diagnostics.push(...(await validateDocuments(docs, options)));
  }
  return { diagnostics, objects };
}

/** loadDocuments reports `origin:line:col: reason`; keep the position and the reason. */
function syntaxDiagnostic(origin: string, message: string): Diagnostic {
  const rest = message.startsWith(`${origin}:`) ? message.slice(origin.length + 1) : message;
  const m = /^(\d+)(?::(\d+))?: ([\s\S]*)$/.exec(rest);
  return {
    file: origin, line: m ? Number(m[1]) : 1, col: m?.[2] ? Number(m[2]) : 1, apiVersion: '', kind: '', path: '',
    message: `invalid YAML: ${m ? m[3] : rest}`, severity: 'error', rule: 'yaml',
  };
}
