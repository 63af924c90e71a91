/** The flags of `mesh precheck` (istioctl x precheck's, plus install's -f/--set), and the options type derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, booleanValue, durationMs, filenameFlag, levelValue, outputFlag, parsedFlag, setFlag, textFlag } from '../flags.js';

/** The flags of `mesh precheck`. */
export const precheckFlags = {
  filename: filenameFlag('IstioOperator overlay file the install will use, or - for stdin (repeatable)'),
  set: setFlag(),
  revision: textFlag('-r, --revision <revision>', 'control-plane revision to install (same as --set revision=<r>)'),
  fromVersion: textFlag('--from-version <version>', 'also report behaviour changes since this Istio version, e.g. 1.21 (istioctl: -f)'),
  output: outputFlag(['log', 'json', 'yaml', 'sarif'], 'log'),
  failureThreshold: parsedFlag('--failure-threshold <level>', 'exit 79 when a finding is at least this severe (Error|Warning|Info)', levelValue, 'Warning'),
  outputThreshold: parsedFlag('--output-threshold <level>', 'show findings at least this severe (Error|Warning|Info)', levelValue, 'Warning'),
  skipControlplane: boolFlag('--skip-controlplane', 'skip the cluster checks (version, permissions, control plane, analyzers)'),
  color: parsedFlag<boolean | undefined>('--color [bool]', 'colour the log output (default: when stdout is a terminal)', booleanValue),
  timeout: parsedFlag('--timeout <duration>', 'how long to wait for the cluster reads of the analyzers', durationMs, 30_000, '30s'),
};

/** Parsed flags of `mesh precheck`. */
export type PrecheckOptions = OptionsOf<typeof precheckFlags>;
