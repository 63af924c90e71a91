/** The flags of `mesh dashboard` (on the group, shared by every UI) and of each UI's subcommand. */
import type { FlagSpec, OptionsOf } from '../types.js';
import { booleanValue, parsedFlag, textFlag, textFlagWithDefault } from '../flags.js';
import type { Dashboard } from '../../core/dashboard/catalog.js';

/** The flags of the `dashboard` group, which every UI's subcommand reads. */
export const dashboardFlags = {
  port: textFlag('-p, --port <port>', 'local port to listen on (0: any free port)'),
  address: textFlagWithDefault('--address <address>', 'local address to listen on: an IP address or localhost (127.0.0.1 and ::1)', 'localhost'),
  browser: {
    ...parsedFlag('--browser [bool]', 'open the URL in a browser; --browser=false or --no-browser to only print it', booleanValue, true),
    also: [{ flags: '--no-browser', description: 'do not open a browser' }],
  },
};

/** The flags a UI's subcommand may have: the UI's port in the pod, and how to pick a proxy or istiod pod. */
export type UiFlags = {
  /** `--ui-port`: the add-on's or Envoy admin's port in the pod. */
  uiPort?: FlagSpec<string>;
  /** `--ctrlz_port` (istioctl's spelling): ControlZ's port in the istiod pod. */
  ctrlz_port?: FlagSpec<string>;
  /** `-l`: pick the pod by label instead of by name (proxy and istiod UIs). */
  selector?: FlagSpec<string | undefined>;
  /** `-r`: any istiod of this revision (istiod UIs). */
  revision?: FlagSpec<string | undefined>;
};

/** The flags of `d`'s subcommand. */
export function uiFlags(d: Dashboard): UiFlags {
  const flags: UiFlags = {};
  if (d.portFlag) {
    const spec = textFlagWithDefault(`${d.portFlag} <port>`, `the port of the ${d.title} UI in the pod`, String(d.remotePort));
    if (d.portFlag === '--ctrlz_port') flags.ctrlz_port = spec;
    else flags.uiPort = spec;
  }
  if (d.kind !== 'addon') flags.selector = textFlag('-l, --selector <selector>', 'label selector of the pod (the first match is used)');
  if (d.kind === 'istiod') flags.revision = textFlag('-r, --revision <revision>', 'an istiod of this control-plane revision');
  return flags;
}

/** What a UI's subcommand receives: the group's flags and its own (commander hands both over). */
export type DashboardOptions = OptionsOf<typeof dashboardFlags> & Partial<OptionsOf<Required<UiFlags>>>;
