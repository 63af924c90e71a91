/** Turns `mesh validate` diagnostics of file objects into the per-object schema problems the schema analyzer reports. */
import type { SourcedObject } from '../yaml/load.js';
import type { SchemaProblem } from './types.js';

/** The validate core's entry point, passed in so this module does not load the compiled schemas itself. */
export type ValidateFn = (
  objects: readonly SourcedObject[],
) => Promise<readonly { path: string; message: string; severity: 'error' | 'warning'; line: number }[]>;

/** Validates each Istio object read from files and keys its problems by the object. */
export async function schemaProblemsOf(objects: readonly SourcedObject[], validate: ValidateFn): Promise<Map<object, SchemaProblem[]>> {
  const out = new Map<object, SchemaProblem[]>();
  for (const o of objects) {
    if (!/(^|\.)istio\.io\//.test(o.object.apiVersion)) continue;
    const found = await validate([o]);
    if (found.length)
      out.set(
        o.object,
        found.map((d) => ({ path: d.path, message: d.message, severity: d.severity, line: d.line })),
      );
  }
  return out;
}
