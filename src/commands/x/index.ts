/**
 * `mesh x` (also `experimental`, `exp`): istioctl's experimental group, so that istioctl users' commands work.
 * Each line of `subcommands` is one x command, each living in its own folder; `x precheck` and `x describe` are the
 * top-level commands themselves.
 */
import { defineCommand } from '../types.js';
import { describe } from '../describe/index.js';
import { precheck } from '../precheck/index.js';
import { authz } from './authz/index.js';
import { checkInject } from './check-inject/index.js';
import { xConfig } from './config/index.js';
import { envoyStats } from './envoy-stats/index.js';
import { injector } from './injector/index.js';
import { internalDebug } from './internal-debug/index.js';
import { metrics } from './metrics/index.js';
import { workload } from './workload/index.js';

/** The `x` command group. */
export const x = defineCommand({
  name: 'x',
  aliases: ['experimental', 'exp'],
  summary: "istioctl's experimental commands (authz, check-inject, config, envoy-stats, injector, internal-debug, metrics, workload; precheck, describe)",
  examples: [
    'mesh x precheck',
    'mesh exp describe pod productpage-v1-7d6cfb7dfd-5mc96 -n bookinfo',
    'mesh x config list',
    'mesh x internal-debug syncz',
    'mesh x envoy-stats productpage-v1-7c5d9b8f6d-x2k4p.bookinfo --type clusters',
    'mesh x metrics productpage-v1.bookinfo',
    'mesh x workload group create --name web -n shop --labels app=web --ports http=8080',
  ],
  subcommands: [
    // one x command per line (kept sorted)
    authz,
    checkInject,
    xConfig,
    describe,
    envoyStats,
    injector,
    internalDebug,
    metrics,
    precheck,
    workload,
  ],
});
