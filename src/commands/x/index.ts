/**
 * `mesh x` (aliases `experimental`, `exp`): istioctl's experimental tools under the names istioctl users know.
 * Each subcommand lives in its own folder; this group only lists them.
 */
import { defineCommand } from '../types.js';
import { authz } from './authz/index.js';
import { envoyStats } from './envoy-stats/index.js';
import { internalDebug } from './internal-debug/index.js';
import { metrics } from './metrics/index.js';

/** The `x` command group. */
export const x = defineCommand({
  name: 'x',
  aliases: ['experimental', 'exp'],
  summary: "Experimental tools (istioctl's `x`): authz, envoy-stats, internal-debug, metrics, ...",
  description: "istioctl's experimental commands, kept under `x` so that istioctl users find them where they expect.",
  examples: [
    'mesh x internal-debug syncz',
    'mesh x envoy-stats productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --type clusters',
    'mesh x metrics productpage-v1.bookinfo',
  ],
  subcommands: [authz, envoyStats, internalDebug, metrics],
});
