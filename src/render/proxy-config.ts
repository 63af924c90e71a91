/** The short (table) output of proxy-config views: the core's table models laid out as istioctl prints them. */
import type { TableModel } from '../core/proxy-config/table.js';
import { readView, type TitledTable, type View, type ViewOptions } from '../core/proxy-config/view.js';
import { renderTable } from './table.js';

/** One table: istioctl's tabwriter layout, no trailing spaces; its `empty` line when it has no rows. */
export function renderProxyTable(model: TableModel): string {
  if (model.rows.length === 0 && model.empty !== undefined) return `${model.empty}\n`;
  return renderTable(model.header ?? [], model.rows, { padding: model.padding ?? 5, trimEnd: true, noHeader: model.header === undefined });
}

/** A view's tables, one after another (a blank line between); `withHeaders` puts `------ TITLE ------` above each. */
export function renderViewTables(tables: readonly TitledTable[], withHeaders = false): string {
  return tables.map(({ title, table }) => (withHeaders ? `------ ${title} ------\n\n${renderProxyTable(table)}` : renderProxyTable(table))).join('\n');
}

/** What to render: the core's options plus the output format and `all`'s section headers. */
export interface RenderViewOptions extends ViewOptions {
  /** `short` is tables; json and yaml print the selected configuration as it is in the input. */
  output: 'short' | 'json' | 'yaml';
  /** `all`: a `------ CLUSTER INFO ------` line above each table. */
  withHeaders?: boolean;
}

/**
 * Renders `view` of `input` read from `origin`: the tables as text, or the data for the caller to print as JSON or
 * YAML. The command and the tests both go through here, so what is tested is what users see.
 */
export function renderView(view: View, input: string, origin: string, opts: RenderViewOptions): { text: string } | { data: unknown } {
  const result = readView(view, input, origin, opts.output === 'short' ? 'short' : 'data', opts);
  return 'tables' in result ? { text: renderViewTables(result.tables, opts.withHeaders === true) } : result;
}
