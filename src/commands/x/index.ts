/**
 * `mesh x` (also `experimental`, `exp`): istioctl's experimental group, so that istioctl users' commands work.
 * Each line of `subcommands` is one x command; `x precheck` and `x describe` are the top-level commands themselves.
 */
import { defineCommand } from '../types.js';
import { describe } from '../describe/index.js';
import { precheck } from '../precheck/index.js';
import { checkInject } from './check-inject/index.js';
import { xConfig } from './config/index.js';
import { injector } from './injector/index.js';

/** The `x` command group. */
export const x = defineCommand({
  name: 'x',
  aliases: ['experimental', 'exp'],
  summary: "istioctl's experimental commands (x precheck and x describe are precheck and describe)",
  examples: ['mesh x precheck', 'mesh exp describe pod productpage-v1-7d6cfb7dfd-5mc96 -n bookinfo', 'mesh x config list'],
  subcommands: [
    // one x command per line (kept sorted)
    checkInject,
    xConfig,
    describe,
    injector,
    precheck,
  ],
});
