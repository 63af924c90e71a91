/** The flags of `mesh proxy-config` subcommands, as istioctl spells them, and the option types derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, outputFlag, parsedFlag, portNumber, textFlag } from '../flags.js';

/** The three formats every view prints. */
const VIEW_FORMATS = ['short', 'json', 'yaml'] as const;

/** `--proxy-admin-port`: Envoy's admin port (`whose`: "the pod" or "the pods"). */
const adminPortFlag = (whose = 'the pod') => parsedFlag('--proxy-admin-port <port>', `Envoy's admin port in ${whose}`, portNumber, 15000);

/** The flags every view takes: `-o`, `-f` (`input` says what the file holds) and the admin port. */
export function commonFlags(input: string, defaultOutput: 'short' | 'json' = 'short') {
  return {
    output: outputFlag(VIEW_FORMATS, defaultOutput),
    file: textFlag('-f, --file <path>', `${input} to read instead of asking a pod (- for stdin)`),
    proxyAdminPort: adminPortFlag(),
  };
}

const portFilter = (what: string) => parsedFlag<number | undefined>('--port <port>', `only ${what} on this port`, portNumber);

/** Filters of `cluster` (and `all`): substrings of the cluster name, as istioctl matches them. */
export const clusterFlags = {
  fqdn: textFlag('--fqdn <host>', 'only clusters whose name contains this (service FQDN)'),
  port: parsedFlag<number | undefined>('--port <port>', 'only clusters of this port', portNumber),
  subset: textFlag('--subset <name>', 'only clusters whose name contains this (subset)'),
  direction: textFlag('--direction <dir>', 'only clusters whose name contains this (inbound, outbound)'),
};

/** Filters and layouts of `listener`. */
export const listenerFlags = {
  address: textFlag('--address <ip>', 'only listeners on this address'),
  port: portFilter('listeners'),
  type: textFlag('--type <type>', 'only listeners of this type (HTTP, TCP, HTTP+TCP, UNKNOWN)'),
  brief: boolFlag('--brief', 'one row per listener with its type, not one per filter chain'),
  waypoint: boolFlag('--waypoint', 'one row per filter chain with its name (for waypoints: internal listeners, matcher trees)'),
};

/** Filter and layout of `route`. */
export const routeFlags = {
  name: textFlag('--name <name>', 'only the route configuration of this name (e.g. 9080)'),
  brief: boolFlag('--brief', 'one row per route configuration with its number of virtual hosts'),
};

/** Filters of `endpoint` and `eds`. */
export const endpointFlags = {
  address: textFlag('--address <ip>', 'only endpoints with this address'),
  port: portFilter('endpoints'),
  cluster: textFlag('--cluster <name>', 'only endpoints of this cluster'),
  status: textFlag('--status <status>', 'only endpoints with this health status (healthy, unhealthy, draining, ...)'),
};

/** `all`: every filter above, worded for the tables each one narrows. */
export const allFlags = {
  withHeaders: boolFlag('--with-headers', 'print a ------ TITLE ------ line above each table'),
  brief: boolFlag('--brief', 'one row per listener and route configuration'),
  ...clusterFlags,
  address: textFlag('--address <ip>', 'only listeners and endpoints with this address'),
  type: textFlag('--type <type>', 'only listeners of this type'),
  name: textFlag('--name <name>', 'only the route configuration of this name'),
  cluster: textFlag('--cluster <name>', 'only endpoints of this cluster'),
  status: textFlag('--status <status>', 'only endpoints with this health status'),
};

type AnyViewFlags = typeof clusterFlags & typeof listenerFlags & typeof routeFlags & typeof endpointFlags & typeof allFlags;

/** What a view's run receives: the common flags, and whichever filters that view declares. */
export type ViewCommandOptions = OptionsOf<ReturnType<typeof commonFlags>> & Partial<OptionsOf<AnyViewFlags>>;

/** The flags of `proxy-config log`. */
export const logFlags = {
  output: outputFlag(VIEW_FORMATS, 'short'),
  level: textFlag('--level <levels>', 'level of all loggers (debug) or of some ([<logger>:]<level>,...)'),
  reset: boolFlag('-r, --reset', 'reset the levels to the default'),
  selector: textFlag('-l, --selector <selector>', 'every pod matching this label selector (in -n namespace)'),
  proxyAdminPort: adminPortFlag(),
};

/** Parsed flags of `proxy-config log`. */
export type LogOptions = OptionsOf<typeof logFlags>;

/** The flags of `proxy-config rootca-compare`. */
export const rootCaFlags = { proxyAdminPort: adminPortFlag('the pods') };

/** Parsed flags of `proxy-config rootca-compare`. */
export type RootCaOptions = OptionsOf<typeof rootCaFlags>;
