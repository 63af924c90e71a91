/** `mesh uninstall`: delete what mesh installed (one revision, or with --purge everything of Istio), in reverse order. */
import { defineCommand } from './types.js';
import { boolFlag, textFlagWithDefault } from './flags.js';

export const uninstall = defineCommand({
  name: 'uninstall',
  summary: 'Remove the Istio control plane that mesh installed',
  description:
    "Deletes only objects carrying mesh's owner labels, in reverse install order (webhooks first, CRDs last), and waits " +
    'until they are gone. Without --purge it removes one revision (default: "default") and keeps the shared Istio core ' +
    '(CRDs, base RBAC, default validator). With --purge it also removes every Istio CRD (and so all Istio configuration) ' +
    'and what istiod created at run time: istio-ca-root-cert ConfigMaps in every namespace, revision-tag webhooks, ' +
    'leader-election locks and the self-signed CA secret.',
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
  flags: {
    revision: textFlagWithDefault('-r, --revision <revision>', 'revision to remove', 'default'),
    purge: boolFlag('--purge', 'remove every revision, all Istio CRDs and run-time objects'),
    skipConfirmation: boolFlag('-y, --skip-confirmation', 'do not ask for confirmation (required when stdin is not a terminal)'),
    dryRun: boolFlag('--dry-run', 'print what would be deleted; change nothing'),
    readinessTimeout: textFlagWithDefault('--readiness-timeout <duration>', 'how long to wait for deleted objects to disappear', '5m'),
  },
  async run(ctx, opts) {
    const [{ waitOptions }, confirm, { findUninstallTargets, deleteTargets, describeTargets }] = await Promise.all([
      import('../app/install-plan.js'),
      import('../app/confirm.js'),
      import('../core/install/run-uninstall.js'),
    ]);
    const wait = await waitOptions(opts.readinessTimeout);
    confirm.requireConfirmable(ctx, opts.skipConfirmation, opts.dryRun, 'uninstall');
    const cluster = await ctx.cluster();
    const options = { revision: opts.revision, purge: opts.purge, istioNamespace: ctx.globals.istioNamespace };
    const targets = await findUninstallTargets(cluster.install, options);
    if (opts.dryRun) {
      ctx.out(describeTargets(targets));
      return 0;
    }
    if (targets.length === 0) {
      ctx.err(`nothing to remove: no objects installed by mesh${opts.purge ? '' : ` for revision ${options.revision}`} in ${cluster.server}\n`);
      return 0;
    }
    const what = opts.purge ? 'everything of Istio, including its CRDs and all Istio configuration' : `revision ${options.revision}`;
    if (!(await confirm.confirmChange(ctx, opts.skipConfirmation, `Delete ${targets.length} objects (${what}) from ${cluster.server}?`, 'uninstall'))) {
      ctx.err(confirm.CANCELLED);
      return 0;
    }
    const progress = await ctx.progress.steps();
    try {
      await deleteTargets(targets, cluster.install, ctx.clock, progress, wait);
    } finally {
      progress.stop();
    }
    if (!opts.purge) ctx.err('The shared Istio core (CRDs, base RBAC) was kept; `mesh uninstall --purge` removes it too.\n');
    return 0;
  },
});
