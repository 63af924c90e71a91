/**
 * A proxy-config table as data: what istioctl's table for a view holds, with no layout. The core builds these;
 * src/render/proxy-config.ts lays them out (src/render/table.ts, istioctl's tabwriter layout).
 */

/** One table of a view's short output. */
export interface TableModel {
  /** Header cells; undefined for a bare list of aligned rows (the bootstrap summary). */
  header?: string[];
  /** Data rows, as many cells as the header. */
  rows: string[][];
  /** Spaces between columns: istioctl uses 5, and 1 for the listener tables. */
  padding?: number;
  /** Printed instead of the table when there are no rows (istioctl's "No active or warming secrets found."). */
  empty?: string;
}
