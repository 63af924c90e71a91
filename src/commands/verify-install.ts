/** `mesh verify-install`: compare the render with the cluster: missing objects, objects not ready, drift. */
import type { Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { filenameOption, outputOption, setOption } from './options.js';
import { ExitCode } from '../errors.js';

interface VerifyInstallOptions {
  filename?: string[];
  set?: string[];
  revision?: string;
  output: 'text' | 'json' | 'yaml';
}

export const verifyInstall: LegacyCommandSpec<VerifyInstallOptions> = {
  name: 'verify-install',
  summary: 'Check that the cluster runs the control plane the configuration renders',
  description: 'Renders the control plane from the same -f/--set as install and checks every object in the cluster: present, '
    + 'ready (CRDs Established, Deployments and DaemonSets rolled out, with a reason per pod when not), and without drift '
    + '(compared with the API server\'s dry run of applying the render, so server defaults never count). '
    + `Exits ${ExitCode.IssuesFound} when anything is missing, not ready or drifted.`,
  examples: [
    '# verify a default install',
    'mesh verify-install',
    '# verify a demo install; JSON report for CI',
    'mesh verify-install --set profile=demo -o json | jq .counts',
  ],
  options: (cmd: Command) => {
    cmd.addOption(filenameOption('IstioOperator overlay file, or - for stdin (repeatable)'));
    cmd.addOption(setOption());
    cmd.option('-r, --revision <revision>', 'control-plane revision to verify');
    cmd.addOption(outputOption(['text', 'json', 'yaml'], 'text'));
  },
  async run(ctx, opts) {
    const { planFromFlags, openSession } = await import('./install-input.js');
    const { plan } = await planFromFlags(ctx, opts);
    const session = await openSession(ctx);
    const [{ runVerify }, { formatVerifyReport }] = await Promise.all([import('../core/install/run-verify.js'), import('../core/install/verify.js')]);
    const report = await runVerify(plan, session.client);
    if (opts.output === 'text') {
      ctx.out(formatVerifyReport(report));
    } else {
      const { renderData } = await import('../render/format.js');
      ctx.out(renderData(report, opts.output));
    }
    return report.ok ? ExitCode.Ok : ExitCode.IssuesFound;
  },
};
