/**
 * `mesh x` (also `experimental`, `exp`): istioctl's experimental group, so that istioctl users' commands work.
 * Each line of `subcommands` is one x command, each living in its own folder.
 */
import { defineCommand } from '../types.js';
import { authz } from './authz/index.js';
import { envoyStats } from './envoy-stats/index.js';
import { internalDebug } from './internal-debug/index.js';
import { metrics } from './metrics/index.js';
import { workload } from './workload/index.js';

/** The `x` command group. */
export const x = defineCommand({
  name: 'x',
  aliases: ['experimental', 'exp'],
  summary: "istioctl's experimental commands (x authz, x envoy-stats, x internal-debug, x metrics, x workload)",
  examples: [
    'mesh x internal-debug syncz',
    'mesh x envoy-stats productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --type clusters',
    'mesh x metrics productpage-v1.bookinfo',
    'mesh x workload group create --name web -n shop --labels app=web --ports http=8080',
  ],
  subcommands: [
    // one x command per line (kept sorted)
    authz,
    envoyStats,
    internalDebug,
    metrics,
    workload,
  ],
});
