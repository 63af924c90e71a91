/**
 * `mesh precheck` (istioctl x precheck): can this cluster take Istio 1.30, or an upgrade to it? Kubernetes version,
 * the permissions the install's own render needs, control planes and CRDs already there, the install-related
 * analyzers, and `--from-version` upgrade notes. Findings use analyze's codes, formats, thresholds and exit 79.
 */
import { Option } from 'commander';
import type { CommandContext } from '../context.js';
import type { LegacyCommandSpec } from './types.js';
import { booleanValue, durationMs, filenameOption, levelValue, outputOption, setOption } from './options.js';

/** Parsed flags of `mesh precheck`. */
export interface PrecheckOptions {
  filename?: string[];
  set?: string[];
  revision?: string;
  /** `--from-version 1.29`: add the upgrade notes since that release. */
  fromVersion?: string;
  output: 'log' | 'json' | 'yaml' | 'sarif';
  failureThreshold: 'Error' | 'Warning' | 'Info';
  outputThreshold: 'Error' | 'Warning' | 'Info';
  /** istioctl's --skip-controlplane: no cluster checks, only the upgrade notes. */
  skipControlplane: boolean;
  color?: boolean;
  timeout: number;
}

export const precheck: LegacyCommandSpec<PrecheckOptions> = {
  name: 'precheck',
  summary: 'Check whether Istio 1.30 can safely be installed in, or upgraded on, the cluster',
  description: 'Checks the Kubernetes version (Istio 1.30 supports 1.32 - 1.36), every permission `mesh install` needs for '
    + 'this profile and these overlays (SelfSubjectAccessReview per resource, verb and namespace of the render), control '
    + 'planes and Istio CRDs already in the cluster, Gateway API CRD versions and the other install-related analyzers.\n'
    + 'Exit status 79 when a finding reaches --failure-threshold (Warning by default, as istioctl fails on warnings).',
  examples: [
    '# can the current cluster take the default profile?',
    'mesh precheck',
    '# the same for what you will really install',
    'mesh precheck -f my-iop.yaml --set values.pilot.env.X=1 --revision canary',
    '# upgrade notes since 1.21, machine-readable',
    'mesh precheck --from-version 1.21 -o json | jq \'.[].code\'',
    '# in CI: SARIF for code scanning, fail only on errors',
    'mesh precheck -o sarif --failure-threshold Error > precheck.sarif',
  ],
  options(cmd) {
    cmd.addOption(filenameOption('IstioOperator overlay file the install will use, or - for stdin (repeatable)'));
    cmd.addOption(setOption());
    cmd.option('-r, --revision <revision>', 'control-plane revision to install (same as --set revision=<r>)');
    cmd.option('--from-version <version>', 'also report behaviour changes since this Istio version, e.g. 1.21 (istioctl: -f)');
    cmd.addOption(outputOption(['log', 'json', 'yaml', 'sarif'], 'log'));
    cmd.addOption(new Option('--failure-threshold <level>', 'exit 79 when a finding is at least this severe (Error|Warning|Info)').argParser(levelValue).default('Warning'));
    cmd.addOption(new Option('--output-threshold <level>', 'show findings at least this severe (Error|Warning|Info)').argParser(levelValue).default('Warning'));
    cmd.option('--skip-controlplane', 'skip the cluster checks (version, permissions, control plane, analyzers)', false);
    cmd.addOption(new Option('--color [bool]', 'colour the log output (default: when stdout is a terminal)').argParser(booleanValue));
    cmd.addOption(new Option('--timeout <duration>', 'how long to wait for the cluster reads of the analyzers').argParser(durationMs).default(30_000, '30s'));
  },
  async run(ctx: CommandContext, opts) {
    const [{ runPrecheck }, { ExitCode }, { MESH_VERSION }, { formatMessages }] = await Promise.all([
      import('./precheck-run.js'), import('../errors.js'), import('../version.js'), import('../render/analyze.js'),
    ]);
    const outcome = await runPrecheck(ctx, opts);
    if (outcome.shown.length) ctx.out(formatMessages(outcome.shown, opts.output, { color: opts.color ?? ctx.terminal.color, toolVersion: MESH_VERSION }));
    else {
      if (opts.output !== 'log') ctx.out(formatMessages([], opts.output, { color: false, toolVersion: MESH_VERSION }));
      ctx.err('\u2714 No issues found when checking the cluster. Istio is safe to install or upgrade!\n'
        + '  To get started, check out https://istio.io/latest/docs/setup/getting-started/.\n');
    }
    if (!outcome.failed) return ExitCode.Ok;
    ctx.err('Issues found when checking the cluster. Istio may not be safe to install or upgrade.\n'
      + 'See https://istio.io/latest/docs/reference/config/analysis for more information about causes and resolutions.\n');
    return ExitCode.IssuesFound;
  },
};
