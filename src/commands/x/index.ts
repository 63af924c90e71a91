/** `mesh x` (aliases `experimental`, `exp`): istioctl's experimental tools, under the names istioctl users type. */
import { defineCommand } from '../types.js';
import { workload } from './workload/index.js';

/** The `x` command group. */
export const x = defineCommand({
  name: 'x',
  aliases: ['experimental', 'exp'],
  summary: "istioctl's experimental commands (x workload ...)",
  examples: ['mesh x workload group create --name web -n shop --labels app=web --ports http=8080'],
  subcommands: [workload],
});
