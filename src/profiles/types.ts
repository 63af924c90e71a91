/** The shape of a profile overlay: only what differs from the default profile. */
import type { IstioOperatorSpec } from './operator.js';

/** A built-in profile. */
export interface Profile {
  /** Name as typed in `--set profile=<name>`. */
  name: string;
  /** One line for `mesh profile list`. */
  description: string;
  /** The overlay merged over the default profile (maps merge, lists replace). */
  overlay: IstioOperatorSpec;
}
