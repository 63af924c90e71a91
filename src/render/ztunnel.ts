/**
 * The output of `mesh ztunnel-config` views, byte for byte as istioctl's ztunnel writer prints it: tables in its
 * tabwriter layout (trailing spaces kept), `all` with a blank line before each table, JSON as Go's MarshalIndent
 * and YAML as sigs.k8s.io/yaml, each followed by the blank line istioctl's Fprintln adds.
 */
import type { ZtunnelDump } from '../core/ztunnel/dump.js';
import { viewData, viewTables, type ZtunnelView, type ZtunnelViewOptions } from '../core/ztunnel/view.js';
import type { ZtunnelTable } from '../core/ztunnel/workloads.js';
import { goJson } from './go-json.js';
import { goYaml } from './go-yaml.js';
import { renderTable } from './table.js';

/** One table, as Go's tabwriter with its padding writes it. */
export function renderZtunnelTable(table: ZtunnelTable): string {
  return renderTable(table.header, table.rows, { padding: table.padding });
}

/** Renders `view` of `dump` in `output` format; `withHeaders` titles the tables of `all`. */
export function renderZtunnelView(
  dump: ZtunnelDump,
  view: ZtunnelView,
  output: 'short' | 'json' | 'yaml',
  opts: ZtunnelViewOptions,
  withHeaders = false,
): string {
  if (output === 'short') {
    const tables = viewTables(dump, view, opts);
    if (view !== 'all') return renderZtunnelTable(tables[0]!.table);
    return tables.map(({ title, table }) => `\n${withHeaders ? `------ ${title} ------\n\n` : ''}${renderZtunnelTable(table)}`).join('');
  }
  // `all -o json` is the dump as ztunnel wrote it.
  if (view === 'all' && output === 'json') return `${dump.text}\n`;
  const { data, spec } = viewData(dump, view, opts);
  return `${output === 'json' ? goJson(data, spec) : goYaml(data)}\n`;
}
