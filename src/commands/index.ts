/** Every command mesh has, in the order `mesh --help` lists them. Add a command here; nothing is discovered from disk. */
import type { AnyCommandSpec } from './types.js';
import { analyze } from './analyze/index.js';
import { completionCommand } from './completion.js';
import { dashboard } from './dashboard/index.js';
import { helpCommand } from './help-topics.js';
import { describe } from './describe/index.js';
import { install } from './install.js';
import { kubeInject } from './kube-inject/index.js';
import { manifest } from './manifest/index.js';
import { precheck } from './precheck/index.js';
import { profile } from './profile/index.js';
import { proxyConfig } from './proxy-config/index.js';
import { proxyStatus } from './proxy-status/index.js';
import { uninstall } from './uninstall.js';
import { validate } from './validate.js';
import { tag } from './tag/index.js';
import { verifyInstall } from './verify-install.js';
import { version } from './version.js';
import { ztunnelConfig } from './ztunnel-config/index.js';

export const commands: AnyCommandSpec[] = [
  precheck,
  install,
  uninstall,
  verifyInstall,
  tag,
  manifest,
  profile,
  kubeInject,
  analyze,
  validate,
  proxyConfig,
  proxyStatus,
  ztunnelConfig,
  describe,
  dashboard,
  version,
  completionCommand(() => commands),
  helpCommand(() => commands),
];
