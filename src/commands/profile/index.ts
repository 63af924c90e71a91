/** `mesh profile list|dump|diff`: the built-in installation profiles (istioctl dropped these in 1.24; mesh keeps them). */
import type { CommandContext } from '../../context.js';
import { defineCommand } from '../types.js';
import { profileDumpFlags, profileListFlags } from './flags.js';

const list = defineCommand({
  name: 'list',
  summary: 'List the built-in profiles',
  examples: ['mesh profile list', '# names only, for scripts', "mesh profile list -o json | jq -r '.[].name'"],
  flags: profileListFlags,
  async run(ctx: CommandContext, opts) {
    const { runProfileList } = await import('./run.js');
    return runProfileList(ctx, opts);
  },
});

const dump = defineCommand({
  name: 'dump',
  summary: 'Print a profile as the fully resolved IstioOperator (defaults included)',
  arguments: [{ name: '[name]' }],
  examples: [
    '# everything the demo profile sets',
    'mesh profile dump demo',
    '# only the proxy settings of the default profile, as JSON',
    'mesh profile dump --config-path values.global.proxy -o json | jq .resources',
  ],
  flags: profileDumpFlags,
  async run(ctx: CommandContext, opts, args) {
    const { runProfileDump } = await import('./run.js');
    return runProfileDump(ctx, args[0], opts);
  },
});

const diff = defineCommand({
  name: 'diff',
  summary: 'Show how two profiles differ (unified diff of their resolved IstioOperators)',
  arguments: [{ name: '<a>' }, { name: '<b>' }],
  description: 'Exit code 0 when the profiles resolve to the same configuration, 79 when they differ.',
  examples: ['mesh profile diff default demo', '# no colour, for a review comment', 'NO_COLOR=1 mesh profile diff minimal ambient > changes.diff'],
  async run(ctx: CommandContext, _opts, args) {
    const { runProfileDiff } = await import('./run.js');
    return runProfileDiff(ctx, args[0]!, args[1]!);
  },
});

/** The `profile` command group. */
export const profile = defineCommand({
  name: 'profile',
  summary: 'List, dump and compare installation profiles',
  examples: ['mesh profile list', 'mesh profile dump demo --config-path values.pilot', 'mesh profile diff default ambient'],
  subcommands: [list, dump, diff],
});
