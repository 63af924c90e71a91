/** `mesh uninstall`: delete what mesh installed (one revision, or with --purge everything of Istio), in reverse order. */
import type { Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';

interface UninstallCommandOptions {
  revision?: string;
  purge: boolean;
  skipConfirmation: boolean;
  dryRun: boolean;
  readinessTimeout?: string;
}

export const uninstall: LegacyCommandSpec<UninstallCommandOptions> = {
  name: 'uninstall',
  summary: 'Remove the Istio control plane that mesh installed',
  description: 'Deletes only objects carrying mesh\'s owner labels, in reverse install order (webhooks first, CRDs last), and waits '
    + 'until they are gone. Without --purge it removes one revision (default: "default") and keeps the shared Istio core '
    + '(CRDs, base RBAC, default validator). With --purge it also removes every Istio CRD (and so all Istio configuration) '
    + 'and what istiod created at run time: istio-ca-root-cert ConfigMaps in every namespace, revision-tag webhooks, '
    + 'leader-election locks and the self-signed CA secret.',
  examples: [
    '# remove the default revision, asking first',
    'mesh uninstall',
    '# remove a canary revision without a prompt',
    'mesh uninstall --revision canary -y',
    '# list everything --purge would delete, changing nothing',
    'mesh uninstall --purge --dry-run',
    '# remove everything of Istio (CI)',
    'mesh uninstall --purge -y',
  ],
  options: (cmd: Command) => {
    cmd.option('-r, --revision <revision>', 'revision to remove', 'default');
    cmd.option('--purge', 'remove every revision, all Istio CRDs and run-time objects', false);
    cmd.option('-y, --skip-confirmation', 'do not ask for confirmation (required when stdin is not a terminal)', false);
    cmd.option('--dry-run', 'print what would be deleted; change nothing', false);
    cmd.option('--readiness-timeout <duration>', 'how long to wait for deleted objects to disappear', '5m');
  },
  async run(ctx, opts) {
    const { waitOptions, openSession, confirmChange, requireConfirmable } = await import('./install-input.js');
    const wait = await waitOptions(opts.readinessTimeout);
    requireConfirmable(ctx, opts.skipConfirmation, opts.dryRun, 'uninstall');
    const session = await openSession(ctx);
    const [{ findUninstallTargets, deleteTargets, describeTargets }, { createProgress }] = await Promise.all([
      import('../core/install/run-uninstall.js'), import('../adapters/progress.js'),
    ]);
    const options = { revision: opts.revision ?? 'default', purge: opts.purge, istioNamespace: ctx.globals.istioNamespace };
    const targets = await findUninstallTargets(session.client, options);
    if (opts.dryRun) {
      ctx.out(describeTargets(targets));
      return 0;
    }
    if (targets.length === 0) {
      ctx.err(`nothing to remove: no objects installed by mesh${opts.purge ? '' : ` for revision ${options.revision}`} in ${session.server}\n`);
      return 0;
    }
    const what = opts.purge ? 'everything of Istio, including its CRDs and all Istio configuration' : `revision ${options.revision}`;
    if (!(await confirmChange(ctx, opts.skipConfirmation, `Delete ${targets.length} objects (${what}) from ${session.server}?`, 'uninstall'))) {
      ctx.err('Cancelled: nothing was changed.\n');
      return 0;
    }
    const progress = await createProgress(ctx);
    try {
      await deleteTargets(targets, session.client, session.clock, progress, wait);
    } finally {
      progress.stop();
    }
    if (!opts.purge) ctx.err('The shared Istio core (CRDs, base RBAC) was kept; `mesh uninstall --purge` removes it too.\n');
    return 0;
  },
};
