/** The flags of `mesh profile list|dump`, and the options types derived from them. */
import type { OptionsOf } from '../types.js';
import { filenameFlag, outputFlag, setFlag, textFlag } from '../flags.js';

/** The flags of `profile list`. */
export const profileListFlags = {
  output: outputFlag(['text', 'json', 'yaml'], 'text'),
};

/** Parsed flags of `profile list`. */
export type ProfileListOptions = OptionsOf<typeof profileListFlags>;

/** The flags of `profile dump`. */
export const profileDumpFlags = {
  configPath: textFlag('-p, --config-path <path>', 'print only this path of the IstioOperator spec, e.g. values.global'),
  output: outputFlag(['yaml', 'json'], 'yaml'),
  set: setFlag(),
  filename: filenameFlag('IstioOperator overlay applied over the profile (repeatable)'),
};

/** Parsed flags of `profile dump`. */
export type ProfileDumpOptions = OptionsOf<typeof profileDumpFlags>;
