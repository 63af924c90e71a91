/**
 * The shapes istioctl 1.30 reads a ztunnel `/config_dump` into (istioctl/pkg/writer/ztunnel/configdump/api.go),
 * as decode specs, and the TypeScript view of what decoding gives. The specs are the public JSON/YAML shape of
 * `mesh zc ... -o json|yaml`: field order, names and `omitempty` are Go's, so the output is istioctl's.
 */
import type { GoMap, Spec, StructSpec } from './spec.js';

const str = 'string' as const;
const strings: Spec = { slice: str };
const gatewayAddress: StructSpec = { struct: 'GatewayAddress', fields: [['destination', str]] };
const locality: StructSpec = {
  struct: 'Locality',
  fields: [
    ['region', str, true],
    ['zone', str, true],
    ['subzone', str, true],
  ],
};
const applicationTunnel: StructSpec = {
  struct: 'ApplicationTunnel',
  fields: [
    ['protocol', str],
    ['port', { opt: 'uint16' }, true],
  ],
};

/** ZtunnelWorkload. */
export const WORKLOAD: StructSpec = {
  struct: 'ZtunnelWorkload',
  fields: [
    ['uid', str],
    ['workloadIps', strings],
    ['waypoint', { ptr: gatewayAddress }, true],
    ['networkGateway', { ptr: gatewayAddress }, true],
    ['protocol', str],
    ['name', str],
    ['namespace', str],
    ['serviceAccount', str],
    ['workloadName', str],
    ['workloadType', str],
    ['canonicalName', str],
    ['canonicalRevision', str],
    ['clusterId', str],
    ['trustDomain', str, true],
    ['locality', locality],
    ['node', str],
    ['network', str, true],
    ['status', str],
    ['hostname', str],
    ['capacity', 'uint32'],
    ['applicationTunnel', applicationTunnel],
    ['authorizationPolicies', strings, true],
  ],
};

const endpoint: StructSpec = {
  struct: 'ZtunnelEndpoint',
  fields: [
    ['workloadUid', str],
    ['service', str],
    ['address', str, true],
    ['port', { map: 'uint16', key: 'uint16' }],
  ],
};

/** ZtunnelService. */
export const SERVICE: StructSpec = {
  struct: 'ZtunnelService',
  fields: [
    ['name', str],
    ['namespace', str],
    ['hostname', str],
    ['vips', strings],
    ['ports', { map: 'int' }],
    [
      'loadBalancer',
      {
        ptr: {
          struct: 'LoadBalancer',
          fields: [
            ['mode', str],
            ['routingPreferences', strings],
            ['healthPolicy', str],
          ],
        },
      },
      true,
    ],
    ['waypoint', { ptr: gatewayAddress }, true],
    ['endpoints', { map: { ptr: endpoint } }],
    ['subjectAltNames', strings, true],
    ['ipFamilies', str],
    ['canonical', 'bool', true],
  ],
};

const stringMatches: Spec = {
  slice: {
    struct: 'StringMatch',
    fields: [
      ['Exact', str, true],
      ['Suffix', str, true],
      ['Prefix', str, true],
      ['Presence', 'any', true],
    ],
  },
};
const serviceAccounts: Spec = {
  slice: {
    struct: 'ServiceAccountMatch',
    fields: [
      ['namespace', str],
      ['serviceAccount', str],
    ],
  },
};
const ips: Spec = { slice: str };
const ports: Spec = { slice: 'uint16' };
const policyMatch: StructSpec = {
  struct: 'PolicyMatch',
  fields: [
    ['namespaces', stringMatches, true],
    ['notNamespaces', stringMatches, true],
    ['principals', stringMatches, true],
    ['notPrincipals', stringMatches, true],
    ['sourceIps', ips, true],
    ['notSourceIps', ips, true],
    ['destinationIps', ips, true],
    ['notDestinationIps', ips, true],
    ['destinationPorts', ports, true],
    ['notDestinationPorts', ports, true],
    ['serviceAccounts', serviceAccounts, true],
    ['notServiceAccounts', serviceAccounts, true],
  ],
};

/** ZtunnelPolicy. */
export const POLICY: StructSpec = {
  struct: 'ZtunnelPolicy',
  fields: [
    ['name', str],
    ['namespace', str],
    ['scope', str],
    ['action', str],
    ['rules', { slice: { slice: { slice: { ptr: policyMatch } } } }],
  ],
};

const cert: Spec = {
  slice: {
    ptr: {
      struct: 'Cert',
      fields: [
        ['pem', str],
        ['serialNumber', str],
        ['validFrom', str],
        ['expirationTime', str],
      ],
    },
  },
};

/** CertsDump. */
export const CERTIFICATE: StructSpec = {
  struct: 'CertsDump',
  fields: [
    ['identity', str],
    ['state', str],
    ['certChain', cert],
    ['rootCerts', cert],
  ],
};

const connection: Spec = {
  slice: {
    struct: 'Connection',
    fields: [
      ['src', str],
      ['originalDst', str],
      ['actualDst', str],
      ['protocol', str],
    ],
  },
};

/** WorkloadState (the values of `workloadState`, keyed by workload UID). */
export const WORKLOAD_STATE: StructSpec = {
  struct: 'WorkloadState',
  fields: [
    ['state', str, true],
    // omitempty on a struct never leaves it out in Go.
    [
      'connections',
      {
        struct: 'WorkloadConnections',
        fields: [
          ['inbound', connection],
          ['outbound', connection],
        ],
      },
    ],
    [
      'info',
      {
        struct: 'WorkloadInfo',
        fields: [
          ['name', str],
          ['namespace', str],
          ['trustDomain', str],
          ['serviceAccount', str],
        ],
      },
    ],
  ],
};

/** The fields the tables read, per struct: what a dump is decoded into for `-o short` (after a check of the whole). */
export const TABLE_FIELDS: Record<string, readonly string[]> = {
  ZtunnelWorkload: ['uid', 'workloadIps', 'waypoint', 'protocol', 'name', 'namespace', 'node', 'status', 'hostname'],
  ZtunnelService: ['name', 'namespace', 'hostname', 'vips', 'waypoint', 'endpoints'],
  ZtunnelEndpoint: ['workloadUid'],
  ZtunnelPolicy: ['name', 'namespace', 'scope', 'action'],
};

/** A workload as decoded (only the fields the tables read are typed). */
export interface Workload {
  uid: string;
  workloadIps: string[] | null;
  waypoint?: { destination: string } | null;
  protocol: string;
  name: string;
  namespace: string;
  node: string;
  status: string;
  hostname: string;
}

/** A service as decoded. */
export interface Service {
  name: string;
  namespace: string;
  hostname: string;
  vips: string[] | null;
  waypoint?: { destination: string } | null;
  endpoints: GoMap<{ workloadUid: string } | null> | null;
}

/** A policy as decoded. */
export interface Policy {
  name: string;
  namespace: string;
  scope: string;
  action: string;
}

/** One certificate of a chain. */
export interface Cert {
  pem: string;
  serialNumber: string;
  validFrom: string;
  expirationTime: string;
}

/** A workload's certificates as decoded. */
export interface Certificate {
  identity: string;
  state: string;
  certChain: (Cert | null)[] | null;
  rootCerts: (Cert | null)[] | null;
}

/** One connection of a workload. */
export interface Connection {
  src: string;
  originalDst: string;
  actualDst: string;
  protocol: string;
}

/** A workload's connections as decoded. */
export interface WorkloadState {
  state?: string;
  connections: { inbound: Connection[] | null; outbound: Connection[] | null };
  info: { name: string; namespace: string; trustDomain: string; serviceAccount: string };
}
