/**
 * `mesh precheck` (istioctl x precheck): can this cluster take Istio 1.30, or an upgrade to it? Kubernetes version,
 * the permissions the install's own render needs, control planes and CRDs already there, the install-related
 * analyzers, and `--from-version` upgrade notes. Findings use analyze's codes, formats, thresholds and exit 79.
 */
import { defineCommand } from '../types.js';
import { precheckFlags } from './flags.js';

export const precheck = defineCommand({
  name: 'precheck',
  summary: 'Check whether Istio 1.30 can safely be installed in, or upgraded on, the cluster',
  description:
    'Checks the Kubernetes version (Istio 1.30 supports 1.32 - 1.36), every permission `mesh install` needs for ' +
    'this profile and these overlays (SelfSubjectAccessReview per resource, verb and namespace of the render), control ' +
    'planes and Istio CRDs already in the cluster, Gateway API CRD versions and the other install-related analyzers.\n' +
    'Exit status 79 when a finding reaches --failure-threshold (Warning by default, as istioctl fails on warnings).',
  examples: [
    '# can the current cluster take the default profile?',
    'mesh precheck',
    '# the same for what you will really install',
    'mesh precheck -f my-iop.yaml --set values.pilot.env.X=1 --revision canary',
    '# upgrade notes since 1.21, machine-readable',
    "mesh precheck --from-version 1.21 -o json | jq '.[].code'",
    '# in CI: SARIF for code scanning, fail only on errors',
    'mesh precheck -o sarif --failure-threshold Error > precheck.sarif',
  ],
  flags: precheckFlags,
  async run(ctx, opts) {
    const [{ runPrecheck }, { ExitCode }, { MESH_VERSION }, { formatMessages }] = await Promise.all([
      import('./run.js'),
      import('../../errors.js'),
      import('../../version.js'),
      import('../../render/analyze.js'),
    ]);
    const outcome = await runPrecheck(ctx, opts);
    if (outcome.shown.length) ctx.out(formatMessages(outcome.shown, opts.output, { color: opts.color ?? ctx.terminal.color, toolVersion: MESH_VERSION }));
    else {
      if (opts.output !== 'log') ctx.out(formatMessages([], opts.output, { color: false, toolVersion: MESH_VERSION }));
      ctx.err(
        '\u2714 No issues found when checking the cluster. Istio is safe to install or upgrade!\n' +
          '  To get started, check out https://istio.io/latest/docs/setup/getting-started/.\n',
      );
    }
    if (!outcome.failed) return ExitCode.Ok;
    ctx.err(
      'Issues found when checking the cluster. Istio may not be safe to install or upgrade.\n' +
        'See https://istio.io/latest/docs/reference/config/analysis for more information about causes and resolutions.\n',
    );
    return ExitCode.IssuesFound;
  },
});
