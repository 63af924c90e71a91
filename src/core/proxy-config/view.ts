/**
 * The core half of every proxy-config view, one entry each: which input it reads (a config dump, or for
 * `endpoint` the `/clusters?format=json` output), the dump section it needs, its tables (as data) and its data for
 * -o json|yaml. The CLI half (name, aliases, help, flags, admin path) is src/commands/proxy-config/views.ts, keyed
 * by the same names; src/render/proxy-config.ts lays the tables out.
 */
import { InputError } from '../../errors.js';
import { bootstrapTable, readBootstrap, summariseBootstrap } from './bootstrap.js';
import { clusterTable, matchesCluster, readClusters, type ClusterFilter } from './clusters.js';
import { entries, hasSection, loadConfigDump, sections, type ConfigDump, type SectionKind } from './dump.js';
import { ecdsSections, ecdsTable, readEcds } from './ecds.js';
import {
  edsEndpoints,
  edsTable,
  endpointTable,
  filteredClusterStatuses,
  hostEndpoints,
  loadClusterStatuses,
  type ClusterStatuses,
  type EndpointFilter,
} from './endpoints.js';
import { str } from './fields.js';
import { chainTable, listenerTable, matchesListener, readListeners, type ListenerFilter } from './listeners.js';
import { matchesRoute, readRoutes, routeTable, type RouteFilter } from './routes.js';
import { readSecrets, secretTable } from './secrets.js';
import type { TableModel } from './table.js';

/** The views, named after the subcommands. */
export const VIEWS = ['all', 'bootstrap', 'cluster', 'ecds', 'eds', 'endpoint', 'listener', 'route', 'secret'] as const;
/** A proxy-config view. */
export type View = (typeof VIEWS)[number];

/** What to select (filters) and what the certificates are checked against. */
export interface ViewOptions {
  cluster?: ClusterFilter;
  listener?: ListenerFilter;
  route?: RouteFilter;
  endpoint?: EndpointFilter;
  /** One row per listener / route configuration instead of per chain / route (istioctl's `--verbose=false`). */
  brief?: boolean;
  /** listener: istioctl's `--waypoint` view, one row per chain and match with the chain's name. */
  waypoint?: boolean;
  /** The time certificates are checked against. */
  now: Date;
}

/** One table of a view's short output; `title` names it in `proxy-config all --with-headers`. */
export interface TitledTable {
  title: string;
  table: TableModel;
}

/** The short output (tables, as data) or the selected configuration as it is in the input (for -o json|yaml). */
export type ViewResult = { tables: TitledTable[] } | { data: unknown };

/** The core half of one view over input of type I. */
interface ViewEntry<I> {
  /** Parses the input text; throws InputError naming `origin` for input the view does not read. */
  load(text: string, origin: string): I;
  /** The dump section the view cannot do without. */
  section?: SectionKind;
  /** The tables of `-o short`. */
  tables(input: I, opts: ViewOptions): TitledTable[];
  /** What -o json|yaml prints. */
  data(input: I, opts: ViewOptions): unknown;
}

const one = (title: string, table: TableModel): TitledTable[] => [{ title, table }];
const clusters = (dump: ConfigDump, opts: ViewOptions) => readClusters(dump).filter((c) => matchesCluster(c, opts.cluster ?? {}));
const listeners = (dump: ConfigDump, opts: ViewOptions) => readListeners(dump).filter((l) => matchesListener(l, opts.listener ?? {}));
const routes = (dump: ConfigDump, opts: ViewOptions) => readRoutes(dump).filter((r) => matchesRoute(r, opts.route ?? {}));

/** The registry: one entry per view. */
const ENTRIES: { [V in View]: ViewEntry<V extends 'endpoint' ? ClusterStatuses : ConfigDump> } = {
  all: { load: loadConfigDump, tables: allTables, data: (dump) => dump.raw },
  bootstrap: {
    load: loadConfigDump,
    section: 'BootstrapConfigDump',
    tables: (dump) => one('BOOTSTRAP INFO', bootstrapTable(summariseBootstrap(readBootstrap(dump)!))),
    data: (dump) => readBootstrap(dump),
  },
  cluster: {
    load: loadConfigDump,
    section: 'ClustersConfigDump',
    tables: (dump, opts) => one('CLUSTER INFO', clusterTable(clusters(dump, opts))),
    data: (dump, opts) => clusters(dump, opts).map((c) => c.raw),
  },
  ecds: { load: loadConfigDump, section: 'EcdsConfigDump', tables: (dump) => one('ECDS INFO', ecdsTable(readEcds(dump))), data: ecdsSections },
  eds: {
    load: loadConfigDump,
    section: 'EndpointsConfigDump',
    tables: (dump, opts) => one('ENDPOINTS INFO', edsTable(edsEndpoints(dump, opts.endpoint ?? {}))),
    data(dump, opts) {
      const names = new Set(edsEndpoints(dump, opts.endpoint ?? {}).map((e) => e.cluster));
      const assignments = [
        ...entries(dump, 'EndpointsConfigDump', 'dynamicEndpointConfigs', 'endpointConfig'),
        ...entries(dump, 'EndpointsConfigDump', 'staticEndpointConfigs', 'endpointConfig'),
      ];
      return assignments.filter((cla) => names.has(str(cla, 'clusterName')));
    },
  },
  endpoint: {
    load: loadClusterStatuses,
    tables: (statuses, opts) => one('ENDPOINTS INFO', endpointTable(hostEndpoints(statuses, opts.endpoint ?? {}))),
    data: (statuses, opts) => filteredClusterStatuses(statuses, opts.endpoint ?? {}),
  },
  listener: {
    load: loadConfigDump,
    section: 'ListenersConfigDump',
    tables: (dump, opts) =>
      one('LISTENER INFO', opts.waypoint ? chainTable(listeners(dump, opts)) : listenerTable(listeners(dump, opts), { brief: opts.brief })),
    data: (dump, opts) => listeners(dump, opts).map((l) => l.raw),
  },
  route: {
    load: loadConfigDump,
    section: 'RoutesConfigDump',
    tables: (dump, opts) => one('ROUTE INFO', routeTable(routes(dump, opts), { brief: opts.brief })),
    data: (dump, opts) => routes(dump, opts).map((r) => r.raw),
  },
  secret: {
    load: loadConfigDump,
    section: 'SecretsConfigDump',
    tables: (dump, opts) => one('SECRET INFO', secretTable(readSecrets(dump, opts.now))),
    data(dump) {
      const all = sections(dump, 'SecretsConfigDump');
      return all.length === 1 ? all[0] : all;
    },
  },
};

const SECTION_WORDS: Record<SectionKind, string> = {
  BootstrapConfigDump: 'bootstrap',
  ClustersConfigDump: 'clusters',
  ListenersConfigDump: 'listeners',
  RoutesConfigDump: 'routes',
  SecretsConfigDump: 'secrets',
  EndpointsConfigDump: 'endpoints (dump it with ?include_eds)',
  EcdsConfigDump: 'extension configs (ECDS)',
};

/**
 * Reads `view` of `input` (a config dump; for `endpoint`, `/clusters?format=json` output) read from `origin`: the
 * tables for -o short, or the data for -o json|yaml. Throws InputError for input that is not what the view reads.
 */
export function readView(view: View, input: string, origin: string, format: 'short' | 'data', opts: ViewOptions): ViewResult {
  const entry = ENTRIES[view] as ViewEntry<unknown>;
  const parsed = entry.load(input, origin);
  if (entry.section && !hasSection(parsed as ConfigDump, entry.section)) {
    throw new InputError(`${origin}: the config dump has no ${SECTION_WORDS[entry.section]} section`);
  }
  return format === 'short' ? { tables: entry.tables(parsed, opts) } : { data: entry.data(parsed, opts) };
}

/** `proxy-config all -o short`: every summary the dump has, each table with a NAME column of `kind/name`. */
function allTables(dump: ConfigDump, opts: ViewOptions): TitledTable[] {
  const parts: TitledTable[] = [];
  const boot = readBootstrap(dump);
  if (boot) parts.push({ title: 'BOOTSTRAP INFO', table: bootstrapTable(summariseBootstrap(boot)) });
  if (hasSection(dump, 'ClustersConfigDump')) parts.push({ title: 'CLUSTER INFO', table: clusterTable(clusters(dump, opts), true) });
  if (hasSection(dump, 'ListenersConfigDump'))
    parts.push({ title: 'LISTENER INFO', table: listenerTable(listeners(dump, opts), { brief: opts.brief, typed: true }) });
  if (hasSection(dump, 'RoutesConfigDump')) parts.push({ title: 'ROUTE INFO', table: routeTable(routes(dump, opts), { brief: opts.brief, typed: true }) });
  if (hasSection(dump, 'SecretsConfigDump')) parts.push({ title: 'SECRET INFO', table: secretTable(readSecrets(dump, opts.now), true) });
  parts.push({ title: 'ENDPOINTS INFO', table: edsTable(edsEndpoints(dump, opts.endpoint ?? {}), true) });
  return parts;
}
