/**
 * The views of `mesh ztunnel-config`, as istioctl 1.30's subcommands: their names and aliases, the tables of the
 * short output and the data of `-o json|yaml` (the Go shapes of types.ts). Pure: the command reads the dump and
 * renders what comes back through src/render/ztunnel.ts.
 */
import type { Spec, StructSpec } from './spec.js';
import type { ZtunnelDump } from './dump.js';
import { CERTIFICATE, POLICY, SERVICE, WORKLOAD, WORKLOAD_STATE } from './types.js';
import { connectionsTable, filterConnections, type ConnectionsFilter } from './connections.js';
import { certificateTable, filterPolicies, policyTable } from './policies.js';
import { filterServices, filterWorkloads, serviceTable, workloadTable, type WorkloadFilter, type ZtunnelTable } from './workloads.js';

/** A view's name, as its subcommand is spelled. */
export type ZtunnelView = 'workload' | 'service' | 'policy' | 'certificate' | 'connections' | 'all';

/** Each view's aliases (istioctl's). */
export const ZTUNNEL_VIEWS: Record<ZtunnelView, readonly string[]> = {
  workload: ['w', 'workloads'],
  service: ['services', 's', 'svc'],
  policy: ['policies', 'p', 'pol'],
  certificate: ['certificates', 'certs', 'cert'],
  connections: ['cons'],
  all: [],
};

/** The filters every view may use (each reads its own). */
export interface ZtunnelViewOptions {
  workload?: WorkloadFilter;
  /** `--service-namespace`. */
  serviceNamespace?: string;
  /** `--policy-namespace`. */
  policyNamespace?: string;
  connections?: ConnectionsFilter;
  /** Milliseconds since the epoch: VALID CERT compares certificates with it. */
  now: number;
}

/** A table with the title `all --with-headers` prints above it. */
export interface TitledZtunnelTable {
  title: string;
  table: ZtunnelTable;
}

/** The tables of a view's short output (`all`: the five, unfiltered, as istioctl prints them). */
export function viewTables(dump: ZtunnelDump, view: ZtunnelView, opts: ZtunnelViewOptions): TitledZtunnelTable[] {
  switch (view) {
    case 'workload':
      return [{ title: 'WORKLOAD INFO', table: workloadTable(dump, opts.workload ?? {}) }];
    case 'service':
      return [{ title: 'SERVICE INFO', table: serviceTable(dump, opts.serviceNamespace) }];
    case 'policy':
      return [{ title: 'POLICY INFO', table: policyTable(dump, opts.policyNamespace) }];
    case 'certificate':
      return [{ title: 'SECRET INFO', table: certificateTable(dump, opts.now) }];
    case 'connections':
      return [{ title: 'CONNECTIONS INFO', table: connectionsTable(dump, opts.connections ?? {}) }];
    case 'all':
      return [
        ...viewTables(dump, 'workload', { now: opts.now }),
        ...viewTables(dump, 'service', { now: opts.now }),
        ...viewTables(dump, 'policy', { now: opts.now }),
        ...viewTables(dump, 'certificate', opts),
        ...viewTables(dump, 'connections', { now: opts.now }),
      ];
  }
}

/** What a view prints with `-o json|yaml`, and its Go type (which objects are structs, which maps). */
export interface ViewData {
  data: unknown;
  /** Undefined for `all`: the dump as read, every object a map. */
  spec?: Spec;
}

const list = (spec: StructSpec): Spec => ({ slice: { ptr: spec } });
const SPECS = {
  workload: list(WORKLOAD),
  service: list(SERVICE),
  policy: list(POLICY),
  certificate: list(CERTIFICATE),
  connections: { slice: WORKLOAD_STATE },
};

/** What a view prints with `-o json|yaml` (`all`: the whole dump as it was read). */
export function viewData(dump: ZtunnelDump, view: ZtunnelView, opts: ZtunnelViewOptions): ViewData {
  switch (view) {
    case 'workload':
      return { data: filterWorkloads(dump, opts.workload ?? {}), spec: SPECS.workload };
    case 'service':
      return { data: filterServices(dump, opts.serviceNamespace), spec: SPECS.service };
    case 'policy':
      return { data: filterPolicies(dump, opts.policyNamespace), spec: SPECS.policy };
    case 'certificate':
      return { data: dump.certificates, spec: SPECS.certificate };
    case 'connections':
      return { data: filterConnections(dump, opts.connections ?? {}), spec: SPECS.connections };
    case 'all':
      // Parsed again rather than kept: only `all -o yaml` needs the whole tree.
      return { data: JSON.parse(dump.text) };
  }
}
