/** The flags of `mesh upgrade`: install's, plus --force to go on past failed upgrade checks. */
import type { OptionsOf } from '../types.js';
import { boolFlag, durationMs, filenameFlag, outputFlag, parsedFlag, setFlag, textFlag, textFlagWithDefault } from '../flags.js';

/** The flags of `mesh upgrade`. */
export const upgradeFlags = {
  filename: filenameFlag('IstioOperator overlay file, or - for stdin (repeatable)'),
  set: setFlag(),
  revision: textFlag('-r, --revision <revision>', 'the control-plane revision to upgrade (same as --set revision=<r>)'),
  skipConfirmation: boolFlag('-y, --skip-confirmation', 'do not ask for confirmation (required when stdin is not a terminal)'),
  dryRun: boolFlag('--dry-run', 'run the checks and show what would be created, updated and pruned; change nothing'),
  output: outputFlag(['text', 'json', 'yaml'], 'text'),
  force: boolFlag('--force', 'upgrade even when the upgrade checks find problems (a skipped minor version, a downgrade, missing permissions)'),
  readinessTimeout: textFlagWithDefault('--readiness-timeout <duration>', 'how long to wait for CRDs and workloads to become ready', '5m'),
  forceConflicts: boolFlag('--force-conflicts', 'take over fields that other field managers own instead of failing'),
  timeout: parsedFlag('--timeout <duration>', "how long to wait for the cluster reads of precheck's analyzers", durationMs, 30_000, '30s'),
};

/** Parsed flags of `mesh upgrade`. */
export type UpgradeOptions = OptionsOf<typeof upgradeFlags>;
