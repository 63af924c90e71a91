/** Every command mesh has, in the order `mesh --help` lists them. Add a command here; nothing is discovered from disk. */
import type { AnyCommandSpec } from './types.js';
import { admin } from './admin/index.js';
import { analyze } from './analyze/index.js';
import { bugReport } from './bug-report/index.js';
import { completionCommand } from './completion.js';
import { createRemoteSecret } from './create-remote-secret/index.js';
import { dashboard } from './dashboard/index.js';
import { helpCommand } from './help-topics.js';
import { describe } from './describe/index.js';
import { graph } from './graph/index.js';
import { install } from './install.js';
import { kubeInject } from './kube-inject/index.js';
import { kubeUninject } from './kube-uninject/index.js';
import { manifest } from './manifest/index.js';
import { precheck } from './precheck/index.js';
import { profile } from './profile/index.js';
import { proxyConfig } from './proxy-config/index.js';
import { proxyStatus } from './proxy-status/index.js';
import { remoteClusters } from './remote-clusters/index.js';
import { uninstall } from './uninstall.js';
import { upgrade } from './upgrade/index.js';
import { validate } from './validate.js';
import { tag } from './tag/index.js';
import { verifyInstall } from './verify-install.js';
import { waypoint } from './waypoint/index.js';
import { version } from './version.js';
import { x } from './x/index.js';
import { ztunnelConfig } from './ztunnel-config/index.js';

export const commands: AnyCommandSpec[] = [
  precheck,
  install,
  upgrade,
  uninstall,
  verifyInstall,
  tag,
  manifest,
  profile,
  kubeInject,
  kubeUninject,
  analyze,
  validate,
  proxyConfig,
  proxyStatus,
  waypoint,
  ztunnelConfig,
  describe,
  graph,
  dashboard,
  admin,
  createRemoteSecret,
  remoteClusters,
  bugReport,
  x,
  version,
  completionCommand(() => commands),
  helpCommand(() => commands),
];
