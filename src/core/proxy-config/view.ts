/**
 * One entry point for every proxy-config view: Envoy admin output (text) in, the table or the selected raw
 * configuration out. The command and the golden tests both go through here, so what is tested is what users see.
 */
import { InputError } from '../../errors.js';
import { bootstrapText, readBootstrap, summariseBootstrap } from './bootstrap.js';
import { clusterTable, matchesCluster, readClusters, type ClusterFilter } from './clusters.js';
import { entries, hasSection, loadConfigDump, sections, type ConfigDump, type SectionKind } from './dump.js';
import { ecdsSections, ecdsTable, readEcds } from './ecds.js';
import { edsEndpoints, edsTable, endpointTable, filteredClusterStatuses, hostEndpoints, loadClusterStatuses, type EndpointFilter } from './endpoints.js';
import { str } from './fields.js';
import { chainTable, listenerTable, matchesListener, readListeners, type ListenerFilter } from './listeners.js';
import { matchesRoute, readRoutes, routeTable, type RouteFilter } from './routes.js';
import { readSecrets, secretTable } from './secrets.js';

/** The views, named after the subcommands. */
export const VIEWS = ['all', 'bootstrap', 'cluster', 'ecds', 'eds', 'endpoint', 'listener', 'route', 'secret'] as const;
/** A proxy-config view. */
export type View = (typeof VIEWS)[number];

/** What to show and how. */
export interface ViewOptions {
  /** `short` is a table; json and yaml print the selected configuration as it is in the dump. */
  output: 'short' | 'json' | 'yaml';
  cluster?: ClusterFilter;
  listener?: ListenerFilter;
  route?: RouteFilter;
  endpoint?: EndpointFilter;
  /** One row per listener / route configuration instead of per chain / route (istioctl's `--verbose=false`). */
  brief?: boolean;
  /** listener: istioctl's `--waypoint` view, one row per chain and match with the chain's name. */
  waypoint?: boolean;
  /** `all`: a `------ CLUSTER INFO ------` line above each table. */
  withHeaders?: boolean;
  /** The time certificates are checked against. */
  now: Date;
}

/** A rendered table, or data for the caller to print as JSON or YAML. */
export type ViewResult = { text: string } | { data: unknown };

const SECTION_WORDS: Record<SectionKind, string> = {
  BootstrapConfigDump: 'bootstrap', ClustersConfigDump: 'clusters', ListenersConfigDump: 'listeners', RoutesConfigDump: 'routes',
  SecretsConfigDump: 'secrets', EndpointsConfigDump: 'endpoints (dump it with ?include_eds)', EcdsConfigDump: 'extension configs (ECDS)',
};

function need(dump: ConfigDump, kind: SectionKind): void {
  if (!hasSection(dump, kind)) throw new InputError(`${dump.origin}: the config dump has no ${SECTION_WORDS[kind]} section`);
}

/**
 * Renders `view` of `input` (a config dump; for `endpoint`, `/clusters?format=json` output) read from `origin`.
 * Throws InputError for input that is not what the view reads.
 */
export function renderView(view: View, input: string, origin: string, opts: ViewOptions): ViewResult {
  const table = opts.output === 'short';
  if (view === 'endpoint') {
    const statuses = loadClusterStatuses(input, origin);
    const filter = opts.endpoint ?? {};
    return table ? { text: endpointTable(hostEndpoints(statuses, filter)) } : { data: filteredClusterStatuses(statuses, filter) };
  }
  const dump = loadConfigDump(input, origin);
  switch (view) {
    case 'all':
      return table ? { text: allText(dump, opts) } : { data: dump.raw };
    case 'bootstrap': {
      need(dump, 'BootstrapConfigDump');
      const section = readBootstrap(dump)!;
      return table ? { text: bootstrapText(summariseBootstrap(section)) } : { data: section };
    }
    case 'cluster': {
      need(dump, 'ClustersConfigDump');
      const clusters = readClusters(dump).filter((c) => matchesCluster(c, opts.cluster ?? {}));
      return table ? { text: clusterTable(clusters) } : { data: clusters.map((c) => c.raw) };
    }
    case 'listener': {
      need(dump, 'ListenersConfigDump');
      const listeners = readListeners(dump).filter((l) => matchesListener(l, opts.listener ?? {}));
      if (table) return { text: opts.waypoint ? chainTable(listeners) : listenerTable(listeners, { brief: opts.brief }) };
      return { data: listeners.map((l) => l.raw) };
    }
    case 'route': {
      need(dump, 'RoutesConfigDump');
      const routes = readRoutes(dump).filter((r) => matchesRoute(r, opts.route ?? {}));
      return table ? { text: routeTable(routes, { brief: opts.brief }) } : { data: routes.map((r) => r.raw) };
    }
    case 'secret': {
      need(dump, 'SecretsConfigDump');
      const all = sections(dump, 'SecretsConfigDump');
      return table ? { text: secretTable(readSecrets(dump, opts.now)) } : { data: all.length === 1 ? all[0] : all };
    }
    case 'eds': {
      need(dump, 'EndpointsConfigDump');
      const eps = edsEndpoints(dump, opts.endpoint ?? {});
      if (table) return { text: edsTable(eps) };
      const names = new Set(eps.map((e) => e.cluster));
      const assignments = [...entries(dump, 'EndpointsConfigDump', 'dynamicEndpointConfigs', 'endpointConfig'), ...entries(dump, 'EndpointsConfigDump', 'staticEndpointConfigs', 'endpointConfig')];
      return { data: assignments.filter((cla) => names.has(str(cla, 'clusterName'))) };
    }
    case 'ecds':
      need(dump, 'EcdsConfigDump');
      return table ? { text: ecdsTable(readEcds(dump)) } : { data: ecdsSections(dump) };
  }
}

/** `proxy-config all -o short`: every summary, one after another, each table with a NAME column of `kind/name`. */
function allText(dump: ConfigDump, opts: ViewOptions): string {
  const parts: [string, string][] = [];
  const boot = readBootstrap(dump);
  if (boot) parts.push(['BOOTSTRAP INFO', bootstrapText(summariseBootstrap(boot))]);
  const f = opts;
  if (hasSection(dump, 'ClustersConfigDump')) parts.push(['CLUSTER INFO', clusterTable(readClusters(dump).filter((c) => matchesCluster(c, f.cluster ?? {})), true)]);
  if (hasSection(dump, 'ListenersConfigDump')) parts.push(['LISTENER INFO', listenerTable(readListeners(dump).filter((l) => matchesListener(l, f.listener ?? {})), { brief: f.brief, typed: true })]);
  if (hasSection(dump, 'RoutesConfigDump')) parts.push(['ROUTE INFO', routeTable(readRoutes(dump).filter((r) => matchesRoute(r, f.route ?? {})), { brief: f.brief, typed: true })]);
  if (hasSection(dump, 'SecretsConfigDump')) parts.push(['SECRET INFO', secretTable(readSecrets(dump, f.now), true)]);
  parts.push(['ENDPOINTS INFO', edsTable(edsEndpoints(dump, f.endpoint ?? {}), true)]);
  return parts.map(([title, text]) => (opts.withHeaders ? `------ ${title} ------\n\n${text}` : text)).join('\n');
}
