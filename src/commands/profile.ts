/** `mesh profile list|dump|diff`: the built-in installation profiles (istioctl dropped these in 1.24; mesh keeps them). */
import type { Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { filenameOption, outputOption, setOption } from './options.js';

/** Flags of `profile dump`. */
export interface ProfileDumpOptions {
  /** `--config-path values.global`: print only this part of the IstioOperator. */
  configPath?: string;
  /** Output format. */
  output: 'yaml' | 'json';
  /** Extra `--set` overrides applied over the profile. */
  set?: string[];
  /** Extra `-f` overlays applied over the profile. */
  filename?: string[];
}

const list: LegacyCommandSpec<{ output: 'text' | 'json' | 'yaml' }> = {
  name: 'list',
  summary: 'List the built-in profiles',
  examples: ['mesh profile list', '# names only, for scripts', "mesh profile list -o json | jq -r '.[].name'"],
  options: (cmd: Command) => void cmd.addOption(outputOption(['text', 'json', 'yaml'], 'text')),
  async run(ctx, opts) {
    const { runProfileList } = await import('./profile-run.js');
    return runProfileList(ctx, opts.output);
  },
};

const dump: LegacyCommandSpec<ProfileDumpOptions> = {
  name: 'dump',
  summary: 'Print a profile as the fully resolved IstioOperator (defaults included)',
  arguments: '[name]',
  examples: [
    '# everything the demo profile sets',
    'mesh profile dump demo',
    '# only the proxy settings of the default profile, as JSON',
    'mesh profile dump --config-path values.global.proxy -o json | jq .resources',
  ],
  options: (cmd: Command) => {
    cmd.option('-p, --config-path <path>', 'print only this path of the IstioOperator spec, e.g. values.global');
    cmd.addOption(outputOption(['yaml', 'json'], 'yaml'));
    cmd.addOption(setOption());
    cmd.addOption(filenameOption('IstioOperator overlay applied over the profile (repeatable)'));
  },
  async run(ctx, opts, args) {
    const { runProfileDump } = await import('./profile-run.js');
    return runProfileDump(ctx, args[0], opts);
  },
};

const diff: LegacyCommandSpec<Record<string, never>> = {
  name: 'diff',
  summary: 'Show how two profiles differ (unified diff of their resolved IstioOperators)',
  arguments: '<a> <b>',
  description: 'Exit code 0 when the profiles resolve to the same configuration, 79 when they differ.',
  examples: ['mesh profile diff default demo', '# no colour, for a review comment', 'NO_COLOR=1 mesh profile diff minimal ambient > changes.diff'],
  async run(ctx, _opts, args) {
    const { runProfileDiff } = await import('./profile-run.js');
    return runProfileDiff(ctx, args[0]!, args[1]!);
  },
};

/** The `profile` command group. */
export const profile: LegacyCommandSpec = {
  name: 'profile',
  summary: 'List, dump and compare installation profiles',
  examples: ['mesh profile list', 'mesh profile dump demo --config-path values.pilot', 'mesh profile diff default ambient'],
  subcommands: [list, dump, diff],
};
