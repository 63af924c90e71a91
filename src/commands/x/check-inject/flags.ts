/** The flags of `mesh x check-inject`, and the options type derived from them. */
import { outputFlag, textFlag } from '../../flags.js';
import type { OptionsOf } from '../../types.js';

/** The flags of `x check-inject`. */
export const checkInjectFlags = {
  labels: textFlag('-l, --labels <pairs>', 'check pod labels (k=v,...) in the namespace (-n) before any pod exists'),
  output: outputFlag(['table', 'json', 'yaml'], 'table'),
};

/** Parsed flags of `x check-inject`. */
export type CheckInjectOptions = OptionsOf<typeof checkInjectFlags>;
