/** The flags of `mesh analyze`, as istioctl analyze spells them, and the options type derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, booleanValue, durationMs, levelValue, listFlag, outputFlag, parsedFlag, textFlag } from '../flags.js';

/** The flags of `mesh analyze`, as istioctl analyze spells them. */
export const analyzeFlags = {
  useKube: parsedFlag('-k, --use-kube [bool]', 'also analyze the live cluster; --use-kube=false for files only', booleanValue, true),
  allNamespaces: boolFlag('-A, --all-namespaces', 'report on every namespace, not just -n (or default)'),
  output: outputFlag(['log', 'json', 'yaml', 'sarif'], 'log'),
  failureThreshold: parsedFlag('--failure-threshold <level>', 'exit 79 when a finding is at least this severe (Error|Warning|Info)', levelValue, 'Error'),
  outputThreshold: parsedFlag('--output-threshold <level>', 'show findings at least this severe (Error|Warning|Info)', levelValue, 'Info'),
  suppress: listFlag(
    '-S, --suppress <code=resource>',
    'suppress a code on a resource, e.g. "IST0102=Namespace default" or "IST0103=Pod *.testing" (repeatable)',
  ),
  analyzer: listFlag('--analyzer <name>', 'run only this analyzer (repeatable; see -L)'),
  listAnalyzers: boolFlag('-L, --list-analyzers', 'list the analyzers and exit'),
  recursive: boolFlag('-R, --recursive', 'accepted for istioctl compatibility: directories are always read recursively'),
  color: parsedFlag<boolean | undefined>('--color [bool]', 'colour the log output (default: when stdout is a terminal)', booleanValue),
  timeout: parsedFlag('--timeout <duration>', 'how long to wait for the cluster', durationMs, 30_000, '30s'),
  ignoreUnknown: boolFlag('--ignore-unknown', 'skip files that do not parse and kinds mesh does not know'),
  meshConfigFile: textFlag('--meshConfigFile <file>', "mesh config to analyze with, instead of the cluster's (the `mesh` key of the istio ConfigMap)"),
  meshNetworksFile: textFlag('--meshNetworksFile <file>', "mesh networks to analyze with, instead of the cluster's (the `meshNetworks` key)"),
};

/** Parsed flags of `mesh analyze`. */
export type AnalyzeCommandOptions = OptionsOf<typeof analyzeFlags>;
