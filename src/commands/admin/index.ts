/** `mesh admin` (alias `istiod`): istiod's own configuration; today its log scopes (`admin log`) through ControlZ. */
import { defineCommand } from '../types.js';
import { adminLogFlags } from './flags.js';

const log = defineCommand({
  name: 'log',
  aliases: ['l'],
  arguments: [{ name: '[pod]' }],
  summary: "Show or change the log levels of istiod's scopes (ControlZ)",
  description:
    "Lists istiod's log scopes with their output and stack-trace levels, or changes them, through istiod's ControlZ port " +
    '(9876) over a port-forward. Without a pod it acts on every istiod of --selector (and --revision) in the control-plane ' +
    'namespace (-i): a level set on one replica only would leave the others logging as before. Scope names and levels are ' +
    'checked against the first istiod before anything changes.',
  examples: [
    '# every scope of every istiod',
    'mesh admin log',
    '# one istiod pod',
    'mesh admin l istiod-5c868d8bdd-pmvgg',
    '# more detail from the ADS and authorization scopes, stack traces for ADS errors',
    'mesh admin log --level ads:debug,authorization:debug --stack-trace-level ads:error',
    '# only the istiods of revision canary, back to the defaults (info, no stack traces)',
    'mesh admin log --revision canary --reset',
    'mesh admin log -o json | jq -r \'.[] | select(.log_level=="debug") | .scope_name\'',
  ],
  flags: adminLogFlags,
  async run(ctx, opts, args) {
    const { runAdminLog } = await import('./run.js');
    return runAdminLog(ctx, opts, args[0]);
  },
});

/** The `admin` command group. */
export const admin = defineCommand({
  name: 'admin',
  aliases: ['istiod'],
  summary: 'Manage the control plane (istiod) configuration: log scopes',
  description: "A group of commands that read or change istiod's own settings at run time.",
  examples: ['mesh admin log', 'mesh admin log --level ads:debug'],
  subcommands: [log],
});
