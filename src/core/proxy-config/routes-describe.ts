/** Short descriptions of Envoy route matches and inline route configurations, shared by the listener and route tables. */
import { field, list, obj, str } from './fields.js';

/** `/api*` for a prefix, the path itself, `PathPrefix:/x`, `regex ^/v[0-9]+`, `CONNECT`; header and query matches are left out. */
export function describeMatch(match: unknown): string {
  const conds: string[] = [];
  const prefix = str(match, 'prefix');
  if (prefix) conds.push(`${prefix}*`);
  const sep = str(match, 'pathSeparatedPrefix');
  if (sep) conds.push(`PathPrefix:${sep}`);
  const exact = str(match, 'path');
  if (exact) conds.push(exact);
  const regex = obj(match, 'safeRegex');
  if (regex) conds.push(`regex ${str(regex, 'regex')}`);
  // Waypoints and HBONE terminators route HTTP CONNECT, which has no path (istioctl shows nothing).
  if (obj(match, 'connectMatcher')) conds.push('CONNECT');
  return conds.join(' ');
}

/** The cluster a route sends to, when it names exactly one. */
export function routeCluster(route: unknown): string | undefined {
  const action = obj(route, 'route');
  const cluster = str(action, 'cluster');
  return cluster || undefined;
}

/** `BlackHoleCluster`-style names print bare, others as `Cluster: name` (istioctl's convention). */
export function describeCluster(cluster: string): string {
  return cluster.includes('Cluster') ? cluster : `Cluster: ${cluster}`;
}

/**
 * An inline route configuration in one cell: the cluster when it is a single catch-all route, else
 * `Inline Route: domains matches; ...`.
 */
export function describeRouteConfig(config: unknown): string {
  const vhosts = list(config, 'virtualHosts');
  if (vhosts.length === 1) {
    const vh = vhosts[0];
    const domains = list(vh, 'domains');
    const routes = list(vh, 'routes');
    if (domains.length === 1 && domains[0] === '*' && routes.length === 1 && str(field(routes[0], 'match'), 'prefix') === '/') {
      const cluster = routeCluster(routes[0]);
      if (cluster) return describeCluster(cluster);
    }
  }
  const parts = vhosts.map((vh) => {
    const domains = list(vh, 'domains').map(String);
    const matches = list(vh, 'routes')
      .map((r) => describeMatch(field(r, 'match')))
      .join(', ');
    return domains.length === 1 && domains[0] === '*' ? matches : `${domains.join('/')} ${matches}`;
  });
  return `Inline Route: ${parts.join('; ')}`;
}
