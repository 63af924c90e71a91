/** The flags of `mesh manifest generate|diff`, and the options types derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, filenameFlag, listFlag, outputFlag, setFlag, textFlag } from '../flags.js';

/** The flags of `manifest generate`. */
export const generateFlags = {
  set: setFlag(),
  filename: filenameFlag('IstioOperator overlay file, or - for stdin (repeatable)'),
  output: textFlag('-o, --output <dir>', 'write one YAML file per component into this directory'),
  revision: textFlag('-r, --revision <revision>', 'control-plane revision (same as --set revision=<r>)'),
  force: boolFlag('--force', 'render even when an -f overlay fails the IstioOperator schema (each problem is printed as a warning)'),
};

/** Parsed flags of `manifest generate`. */
export type ManifestGenerateOptions = OptionsOf<typeof generateFlags>;

/** The flags of `manifest diff`. */
export const diffFlags = {
  output: outputFlag(['text', 'json', 'yaml'], 'text'),
};

/** Parsed flags of `manifest diff`. */
export type ManifestDiffOptions = OptionsOf<typeof diffFlags>;

/** The flags of `manifest translate`, as istioctl spells them. */
export const translateFlags = {
  filename: filenameFlag('IstioOperator file, or - for stdin (repeatable)'),
  set: listFlag('-s, --set <path=value>', 'override an IstioOperator value, e.g. --set meshConfig.enableTracing=true (repeatable)'),
  revision: textFlag('-r, --revision <revision>', 'control-plane revision (same as --set revision=<r>)'),
  output: textFlag('-o, --output <dir>', 'write the values files, install scripts and README.md into this directory (default: print the values files)'),
};

/** Parsed flags of `manifest translate`. */
export type ManifestTranslateOptions = OptionsOf<typeof translateFlags>;
