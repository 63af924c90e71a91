/**
 * Validates raw sources (file texts): parses each, turns a YAML syntax error into a diagnostic for that file so the
 * other files are still checked, and validates the documents. Used by `mesh validate`.
 */
import { loadDocuments, objectsOf, YamlSyntaxError, type YamlDoc } from '../yaml/load.js';
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
      if (!(error instanceof YamlSyntaxError)) throw error;
      diagnostics.push(syntaxDiagnostic(error));
      continue;
    }
    for (const doc of docs) if (!doc.empty && doc.value !== null) objects += Math.max(1, objectsOf([doc]).length);
    diagnostics.push(...(await validateDocuments(docs, options)));
  }
  return { diagnostics, objects };
}

/** The diagnostic for a file that does not parse: the error's position and reason. */
function syntaxDiagnostic(error: YamlSyntaxError): Diagnostic {
  return {
    file: error.origin,
    line: error.line,
    col: error.col ?? 1,
    apiVersion: '',
    kind: '',
    path: '',
    message: `invalid YAML: ${error.reason}`,
    severity: 'error',
    rule: 'yaml',
  };
}
