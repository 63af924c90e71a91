/** The flags of `mesh ztunnel-config` subcommands, as istioctl 1.30 spells them, and the option types derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, outputFlag, parsedFlag, portNumber, textFlag } from '../flags.js';

/** The three formats every view prints. */
const FORMATS = ['short', 'json', 'yaml'] as const;

/** The flags every subcommand takes: -o, --file, --node and the admin port. */
export const commonFlags = {
  output: outputFlag(FORMATS, 'short'),
  file: textFlag('-f, --file <path>', 'ztunnel config dump (JSON from /config_dump) to read instead of asking a ztunnel (- for stdin)'),
  node: textFlag('--node <node>', 'ask the ztunnel on this node'),
  proxyAdminPort: parsedFlag('--proxy-admin-port <port>', "ztunnel's admin port", portNumber, 15000),
};

/** `workload` filters. */
export const workloadFlags = {
  address: textFlag('--address <ip>', 'only workloads with this address'),
  workloadNamespace: textFlag('--workload-namespace <ns>', 'only workloads of this namespace'),
  workloadNode: textFlag('--workload-node <node>', 'only workloads on this node'),
};

/** `service` filter. */
export const serviceFlags = { serviceNamespace: textFlag('--service-namespace <ns>', 'only services of this namespace') };

/** `policy` filter. */
export const policyFlags = { policyNamespace: textFlag('--policy-namespace <ns>', 'only policies of this namespace') };

/** `connections` filters. */
export const connectionsFlags = {
  direction: { ...textFlag('--direction <dir>', 'only inbound or outbound connections'), choices: ['inbound', 'outbound'] as const },
  raw: boolFlag('--raw', 'show IP addresses instead of service and workload names'),
  workloadNamespace: textFlag('--workload-namespace <ns>', 'only connections of workloads in this namespace'),
};

/** `all` layout. */
export const allFlags = { withHeaders: boolFlag('--with-headers', 'print a ------ TITLE ------ line above each table') };

/** `log`: read or change ztunnel's log levels. */
export const logFlags = {
  output: commonFlags.output,
  node: commonFlags.node,
  proxyAdminPort: commonFlags.proxyAdminPort,
  level: textFlag('--level <levels>', 'level of all loggers (debug) or of some ([<logger>:]<level>,...): trace, debug, info, warning, error, critical, off'),
  reset: boolFlag('-r, --reset', 'reset the levels to the default (info)'),
};

type AnyFlags = typeof workloadFlags & typeof serviceFlags & typeof policyFlags & typeof connectionsFlags & typeof allFlags;

/** What a view's run receives: the common flags, and whichever filters that view declares. */
export type ZtunnelViewOptions = OptionsOf<typeof commonFlags> & Partial<OptionsOf<AnyFlags>>;

/** Parsed flags of `ztunnel-config log`. */
export type ZtunnelLogOptions = OptionsOf<typeof logFlags>;
