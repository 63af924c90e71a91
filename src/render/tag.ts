/** Output of the tag commands: the `tag list` table and the objects `tag generate` prints. */
import type { KubeObject } from '../core/yaml/load.js';
import type { TagDescription } from '../core/tag/plan.js';
import { toJson, toYaml } from './format.js';
import { renderTable } from './table.js';

/** `tag list` as a table: TAG, REVISION, NAMESPACES (comma-separated), one space between columns. */
export function renderTagTable(tags: readonly TagDescription[]): string {
  const rows = tags.map((t) => [t.tag, t.revision, t.namespaces.join(',')]);
  return renderTable(['TAG', 'REVISION', 'NAMESPACES'], rows, { padding: 1, trimEnd: true });
}

/** The tag's objects as multi-document YAML (`---` between), or as one JSON `List` that kubectl applies as is. */
export function renderTagObjects(objects: readonly KubeObject[], format: 'yaml' | 'json'): string {
  if (format === 'json') return toJson({ apiVersion: 'v1', kind: 'List', items: objects });
  return objects.map((o) => toYaml(o)).join('---\n');
}
