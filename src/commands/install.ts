/** `mesh install` (alias `apply`): render the control plane and apply it with server-side apply, waiting until it is ready. */
import { defineCommand } from './types.js';
import { boolFlag, filenameFlag, outputFlag, setFlag, textFlag, textFlagWithDefault } from './flags.js';
import { UsageError } from '../errors.js';

export const install = defineCommand({
  name: 'install',
  aliases: ['apply'],
  summary: 'Install or upgrade the Istio control plane in the cluster',
  description:
    'Renders the control plane (profile ⊕ -f overlays ⊕ --set) and applies it with server-side apply (field manager "mesh"): ' +
    'CRDs first (waiting until Established), then each component in order, waiting for its Deployments and DaemonSets to be ready. ' +
    'Objects of an earlier mesh install that the new render no longer has are pruned. Running it again converges; ' +
    'an interrupted install completes when run again.',
  examples: [
    '# install the default profile, asking first',
    'mesh install',
    '# install the demo profile without a prompt (CI)',
    'mesh install --set profile=demo -y',
    '# install a canary revision from an IstioOperator file read from stdin',
    'cat iop.yaml | mesh install -f - --revision canary -y',
    '# show what an install would create, update and prune in this cluster, changing nothing',
    'mesh install --set profile=minimal --dry-run',
    '# the same as JSON, for a pipeline to inspect',
    'mesh install --set profile=minimal --dry-run -o json',
  ],
  flags: {
    filename: filenameFlag('IstioOperator overlay file, or - for stdin (repeatable)'),
    set: setFlag(),
    revision: textFlag('-r, --revision <revision>', 'control-plane revision to install (same as --set revision=<r>)'),
    skipConfirmation: boolFlag('-y, --skip-confirmation', 'do not ask for confirmation (required when stdin is not a terminal)'),
    dryRun: boolFlag('--dry-run', 'show what would be created, updated (with the fields) and pruned; change nothing'),
    output: outputFlag(['text', 'json', 'yaml'], 'text'),
    readinessTimeout: textFlagWithDefault('--readiness-timeout <duration>', 'how long to wait for CRDs and workloads to become ready', '5m'),
    forceConflicts: boolFlag('--force-conflicts', 'take over fields that other field managers own instead of failing'),
  },
  async run(ctx, opts) {
    if (opts.output !== 'text' && !opts.dryRun) throw new UsageError(`-o ${opts.output} needs --dry-run: an install reports its progress as text`);
    const [{ planFromFlags }, { applyPlan }] = await Promise.all([import('../app/install-plan.js'), import('../app/install-run.js')]);
    const { plan, profile } = await planFromFlags(ctx, opts);
    return applyPlan(ctx, plan, {
      ...opts,
      verb: 'install',
      question: (server) =>
        `Install Istio ${plan.options.version} (profile ${profile}, revision ${plan.options.revision}, ${plan.objects.length} objects) into ${server}?`,
    });
  },
});
