/** Turns a finding's resource (and field) into `file` + `line`; positions are computed only for reported documents. */
import { locateFast } from '../yaml/fast-locate.js';
import type { FieldPath, Resource } from './types.js';

/** File and 1-based line for a finding, when the resource came from a file. */
export function findingLocation(resource: Resource, field?: FieldPath | { line: number }): { file: string; line: number } | undefined {
  const origin = resource.origin;
  if (origin.type !== 'file') return undefined;
  if (field && !Array.isArray(field)) return { file: origin.file, line: (field as { line: number }).line };
  if (!field?.length && origin.path.length === 0) return { file: origin.file, line: firstContentLine(origin.doc.text, origin.doc.line) };
  const { line } = locateFast(origin.doc, [...origin.path, ...((field as FieldPath | undefined) ?? [])]);
  return { file: origin.file, line };
}

/** The first line of a document that is not `---`, blank or a comment: where the object starts. */
function firstContentLine(text: string, startLine: number): number {
  let line = startLine;
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (t && !t.startsWith('#') && !/^---(\s|$)/.test(t)) return line;
    line++;
  }
  return startLine;
}
