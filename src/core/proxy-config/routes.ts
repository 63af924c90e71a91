/** `proxy-config route`: route configurations (RDS and inline), one row per virtual host and route. */
import type { JsonObject } from '../tree.js';
import { entries, type ConfigDump } from './dump.js';
import { field, istioConfigName, list, str } from './fields.js';
import { describeMatch, routeCluster } from './routes-describe.js';
import type { TableModel } from './table.js';

/** Filters of `proxy-config route`. */
export interface RouteFilter {
  /** Exact route configuration name (`9080`, `http.8080`, `inbound|9080||`). */
  name?: string;
}

/** One route configuration from the dump. */
export interface RouteConfigSummary {
  name: string;
  /** The route configuration as it is in the dump. */
  raw: JsonObject;
}

/**
 * Dynamic then static (inline) route configurations. Numeric names (outbound ports) come first in numeric order;
 * the rest keep dump order, which is what istioctl's port-only comparison ends up printing.
 */
export function readRoutes(dump: ConfigDump): RouteConfigSummary[] {
  const raws = [
    ...entries(dump, 'RoutesConfigDump', 'dynamicRouteConfigs', 'routeConfig'),
    ...entries(dump, 'RoutesConfigDump', 'staticRouteConfigs', 'routeConfig'),
  ];
  const routes = raws.map((raw) => ({ name: str(raw, 'name'), raw }));
  const numeric = (n: string): number | undefined => (/^\d+$/.test(n) ? Number(n) : undefined);
  return routes
    .map((r, i) => ({ r, i, n: numeric(r.name) }))
    .sort((a, b) => (a.n !== undefined && b.n !== undefined ? a.n - b.n : a.n !== undefined ? -1 : b.n !== undefined ? 1 : a.i - b.i))
    .map((x) => x.r);
}

/** Whether a route configuration passes the filter. */
export function matchesRoute(r: RouteConfigSummary, f: RouteFilter): boolean {
  return !f.name || r.name === f.name;
}

/**
 * Domains in one cell: a single domain as is; else the names without a port, with the short forms Kubernetes adds
 * (`reviews.bookinfo.svc`, `reviews.bookinfo.svc.cluster.local` next to `reviews.bookinfo`) folded, first two and `+ N more...`.
 */
export function describeDomains(domains: readonly string[]): string {
  if (domains.length === 0) return '';
  if (domains.length === 1) return domains[0]!;
  const withoutPort = domains.filter((d) => !d.includes(':') || ((d.match(/:/g)?.length ?? 0) > 2 && d.endsWith(']')));
  const set = new Set(withoutPort);
  const folded = withoutPort.filter((d) => {
    const full = d.endsWith('.svc.cluster.local') ? d.slice(0, -'.svc.cluster.local'.length) : d;
    const partial = d.endsWith('.svc') ? d.slice(0, -'.svc'.length) : d;
    return !((full !== d && set.has(full)) || (partial !== d && set.has(partial)));
  });
  return folded.length > 2 ? `${folded.slice(0, 2).join(', ')} + ${folded.length - 2} more...` : folded.join(', ');
}

/** The route table: one row per route (catch-all passthrough routes left out), or with `brief` one per configuration. */
export function routeTable(routes: readonly RouteConfigSummary[], options: { brief?: boolean; typed?: boolean } = {}): TableModel {
  const prefix = (name: string): string[] => (options.typed ? [`route/${name}`] : [name]);
  if (options.brief) {
    return { header: ['NAME', 'VIRTUAL HOSTS'], rows: routes.map((r) => [...prefix(r.name), String(list(r.raw, 'virtualHosts').length)]) };
  }
  const rows: string[][] = [];
  for (const r of routes) {
    for (const vh of list(r.raw, 'virtualHosts')) {
      const domains = describeDomains(list(vh, 'domains').map(String));
      const vroutes = list(vh, 'routes');
      for (const route of vroutes) {
        if (routeCluster(route) === 'PassthroughCluster') continue;
        rows.push([...prefix(r.name), str(vh, 'name'), domains, describeMatch(field(route, 'match')), istioConfigName(field(route, 'metadata'))]);
      }
      if (vroutes.length === 0) rows.push([...prefix(r.name), str(vh, 'name'), domains, '/*', '404']);
    }
  }
  return { header: ['NAME', 'VHOST NAME', 'DOMAINS', 'MATCH', 'VIRTUAL SERVICE'], rows };
}
