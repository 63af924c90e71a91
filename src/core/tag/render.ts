/** Text output of the tag commands: the `tag list` table and the objects `tag generate` prints. */
import type { KubeObject } from '../yaml/load.js';
import { emitYaml } from '../yaml/emit.js';
import type { TagDescription } from './plan.js';

/** `tag list` as a table: TAG, REVISION, NAMESPACES (comma-separated), columns padded to the widest cell. */
export function renderTagTable(tags: readonly TagDescription[]): string {
  const rows = [['TAG', 'REVISION', 'NAMESPACES'], ...tags.map((t) => [t.tag, t.revision, t.namespaces.join(',')])];
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `${r[0]!.padEnd(widths[0]!)} ${r[1]!.padEnd(widths[1]!)} ${r[2]}`.trimEnd()).join('\n') + '\n';
}

/** The tag's objects as multi-document YAML (`---` between), or as one JSON `List` that kubectl applies as is. */
export function renderTagObjects(objects: readonly KubeObject[], format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2)}\n`;
  return objects.map((o) => emitYaml(o)).join('---\n');
}
