/** The flags of `mesh waypoint generate|apply|list|status|delete` (istioctl's, plus --class and -o), and their options types. */
import type { OptionsOf } from '../types.js';
import { boolFlag, booleanValue, choiceFlag, durationMs, outputFlag, parsedFlag, textFlag, textFlagWithDefault } from '../flags.js';

const nameFlag = textFlagWithDefault('--name <name>', "name of the waypoint ('none' is reserved)", 'waypoint');
const forFlag = textFlag('--for <type>', 'the traffic type [all none service workload] for the waypoint (default: what istiod picks, service)');
const revision = textFlag('-r, --revision <revision>', 'the revision to label the waypoint with');
const classFlag = choiceFlag('--class <class>', 'the waypoint GatewayClass', ['istio-waypoint', 'istio-agentgateway-waypoint'], 'istio-waypoint');
const timeout = parsedFlag('--waypoint-timeout <duration>', 'how long to wait for the waypoint to be Programmed', durationMs, 90_000, '1m30s');
const allNamespaces = (what: string) => boolFlag('-A, --all-namespaces', what);

/** The flags of `waypoint generate`. */
export const generateFlags = { name: nameFlag, for: forFlag, revision, class: classFlag, output: outputFlag(['yaml', 'json'], 'yaml') };

/** The flags of `waypoint apply`. */
export const applyFlags = {
  name: nameFlag,
  for: forFlag,
  revision,
  class: classFlag,
  enrollNamespace: boolFlag('--enroll-namespace', 'label the namespace with istio.io/use-waypoint=<name>'),
  overwrite: boolFlag('--overwrite', 'replace the waypoint the namespace already uses (with --enroll-namespace)'),
  wait: boolFlag('-w, --wait', 'wait for the waypoint to be Programmed'),
  waypointTimeout: timeout,
};

/** The flags of `waypoint list`. */
export const listFlags = {
  name: nameFlag,
  allNamespaces: allNamespaces('list waypoints in all namespaces'),
  output: outputFlag(['table', 'json', 'yaml'], 'table'),
};

/** The flags of `waypoint status`. */
export const statusFlags = {
  name: nameFlag,
  wait: parsedFlag<boolean>('-w, --wait [bool]', 'wait for the waypoints to be Programmed (--wait=false to print once)', booleanValue, true, 'true'),
  waypointTimeout: timeout,
  allNamespaces: allNamespaces('show the status of waypoints in all namespaces'),
  output: outputFlag(['table', 'json', 'yaml'], 'table'),
};

/** The flags of `waypoint delete`. */
export const deleteFlags = {
  name: nameFlag,
  all: boolFlag('--all', 'delete all waypoints in the namespace'),
  revision: textFlag('-r, --revision <revision>', 'delete the waypoints of this revision in the namespace'),
};

/** Parsed flags of `waypoint generate`. */
export type GenerateOptions = OptionsOf<typeof generateFlags>;
/** Parsed flags of `waypoint apply`. */
export type ApplyOptions = OptionsOf<typeof applyFlags>;
/** Parsed flags of `waypoint list`. */
export type ListOptions = OptionsOf<typeof listFlags>;
/** Parsed flags of `waypoint status`. */
export type StatusOptions = OptionsOf<typeof statusFlags>;
/** Parsed flags of `waypoint delete`. */
export type DeleteOptions = OptionsOf<typeof deleteFlags>;
