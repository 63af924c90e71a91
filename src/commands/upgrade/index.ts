/**
 * `mesh upgrade`: install for a control plane that already runs, with the upgrade checks first (istioctl's upgrade is
 * a bare alias of install; mesh looks before it leaps).
 */
import { defineCommand } from '../types.js';
import { upgradeFlags } from './flags.js';

export const upgrade = defineCommand({
  name: 'upgrade',
  summary: 'Upgrade a running Istio control plane in place, after checking that the upgrade is supported',
  description:
    'Finds the running istiod of the revision (the default revision unless --revision), then checks the upgrade before ' +
    'changing anything: the version skew between the running control plane and this one (a downgrade, or more than two ' +
    "minor versions at once, is refused), and precheck's findings for the target (Kubernetes version, permissions, CRDs, " +
    'the install-related analyzers, the behaviour changes since the running version). A Warning or Error stops the ' +
    'upgrade with exit status 79 unless --force. Then it installs as `mesh install` does: asks first, applies with ' +
    'server-side apply, waits for readiness, prunes what the new render no longer has.\n' +
    'Restart the workloads afterwards so that their sidecars move to the new proxy.',
  examples: [
    '# check, preview and upgrade the default revision to this mesh version, asking first',
    'mesh upgrade',
    '# the same with the IstioOperator file of the original install, in CI',
    'mesh upgrade -f iop.yaml -y',
    '# only check and preview: what would change, as JSON',
    "mesh upgrade --dry-run -o json | jq '.checks'",
    '# upgrade the canary revision, then move the workloads to it',
    'mesh upgrade --revision canary -y && kubectl rollout restart deployment -n shop',
  ],
  flags: upgradeFlags,
  async run(ctx, opts) {
    const { runUpgrade } = await import('./run.js');
    return runUpgrade(ctx, opts);
  },
});
