/** `mesh install` (alias `apply`): render the control plane and apply it with server-side apply, waiting until it is ready. */
import type { Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { filenameOption, outputOption, setOption } from './options.js';
import { UsageError } from '../errors.js';

interface InstallOptions {
  filename?: string[];
  set?: string[];
  revision?: string;
  skipConfirmation: boolean;
  dryRun: boolean;
  readinessTimeout?: string;
  forceConflicts: boolean;
  output: 'text' | 'json' | 'yaml';
}

export const install: LegacyCommandSpec<InstallOptions> = {
  name: 'install',
  aliases: ['apply'],
  summary: 'Install or upgrade the Istio control plane in the cluster',
  description: 'Renders the control plane (profile ⊕ -f overlays ⊕ --set) and applies it with server-side apply (field manager "mesh"): '
    + 'CRDs first (waiting until Established), then each component in order, waiting for its Deployments and DaemonSets to be ready. '
    + 'Objects of an earlier mesh install that the new render no longer has are pruned. Running it again converges; '
    + 'an interrupted install completes when run again.',
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
  options: (cmd: Command) => {
    cmd.addOption(filenameOption('IstioOperator overlay file, or - for stdin (repeatable)'));
    cmd.addOption(setOption());
    cmd.option('-r, --revision <revision>', 'control-plane revision to install (same as --set revision=<r>)');
    cmd.option('-y, --skip-confirmation', 'do not ask for confirmation (required when stdin is not a terminal)', false);
    cmd.option('--dry-run', 'show what would be created, updated (with the fields) and pruned; change nothing', false);
    cmd.addOption(outputOption(['text', 'json', 'yaml'], 'text'));
    cmd.option('--readiness-timeout <duration>', 'how long to wait for CRDs and workloads to become ready', '5m');
    cmd.option('--force-conflicts', 'take over fields that other field managers own instead of failing', false);
  },
  async run(ctx, opts) {
    if (opts.output !== 'text' && !opts.dryRun) throw new UsageError(`-o ${opts.output} needs --dry-run: an install reports its progress as text`);
    const { waitOptions, planFromFlags, openSession, confirmChange, requireConfirmable } = await import('./install-input.js');
    const wait = await waitOptions(opts.readinessTimeout);
    const { plan, profile } = await planFromFlags(ctx, opts);
    requireConfirmable(ctx, opts.skipConfirmation, opts.dryRun, 'install');
    const session = await openSession(ctx);
    const [{ runInstall, listOwned }, { pruneSet }, { installedControlPlanes, versionWarnings }, { createProgress }] = await Promise.all([
      import('../core/install/run-install.js'), import('../core/install/plan.js'), import('../core/install/version.js'), import('../adapters/progress.js'),
    ]);
    const progress = await createProgress(ctx);
    // Looked up in the control-plane namespace only: listing Deployments cluster-wide may be forbidden to an installer.
    const istiods = await session.client.list('apps/v1', 'Deployment', { namespace: plan.options.namespace, labelSelector: 'app=istiod' });
    for (const w of versionWarnings(installedControlPlanes(istiods), plan.options.version, plan.options.revision)) progress.warn(w);
    if (opts.dryRun) {
      progress.stop();
      const { previewInstall, formatPreview } = await import('../core/install/preview.js');
      const preview = await previewInstall(plan, session.client, pruneSet(plan, await listOwned(session.client, plan.options.revision)));
      if (opts.output === 'text') ctx.out(formatPreview(preview, ctx.globals.verbose));
      else ctx.out((await import('../render/format.js')).renderData(preview, opts.output));
      return 0;
    }
    const question = `Install Istio ${plan.options.version} (profile ${profile}, revision ${plan.options.revision}, ${plan.objects.length} objects) into ${session.server}?`;
    if (!(await confirmChange(ctx, opts.skipConfirmation, question, 'install'))) {
      ctx.err('Cancelled: nothing was changed.\n');
      return 0;
    }
    try {
      const outcome = await runInstall(plan, session.client, session.clock, progress, { forceConflicts: opts.forceConflicts, wait });
      progress.succeed(`Installation complete: ${outcome.applied} objects applied${outcome.pruned.length ? `, ${outcome.pruned.length} pruned` : ''}`);
    } finally {
      progress.stop();
    }
    return 0;
  },
};
