/** `mesh verify-install`: compare the render with the cluster: missing objects, objects not ready, drift. */
import { defineCommand } from './types.js';
import { filenameFlag, outputFlag, setFlag, textFlag } from './flags.js';
import { ExitCode } from '../errors.js';

export const verifyInstall = defineCommand({
  name: 'verify-install',
  summary: 'Check that the cluster runs the control plane the configuration renders',
  description:
    'Renders the control plane from the same -f/--set as install and checks every object in the cluster: present, ' +
    'ready (CRDs Established, Deployments and DaemonSets rolled out, with a reason per pod when not), and without drift ' +
    "(compared with the API server's dry run of applying the render, so server defaults never count). " +
    `Exits ${ExitCode.IssuesFound} when anything is missing, not ready or drifted.`,
  examples: [
    '# verify a default install',
    'mesh verify-install',
    '# verify a demo install; JSON report for CI',
    'mesh verify-install --set profile=demo -o json | jq .counts',
  ],
  flags: {
    filename: filenameFlag('IstioOperator overlay file, or - for stdin (repeatable)'),
    set: setFlag(),
    revision: textFlag('-r, --revision <revision>', 'control-plane revision to verify'),
    output: outputFlag(['text', 'json', 'yaml'], 'text'),
  },
  async run(ctx, opts) {
    const [{ planFromFlags }, { runVerify }, { formatVerifyReport }] = await Promise.all([
      import('../app/install-plan.js'),
      import('../core/install/run-verify.js'),
      import('../core/install/verify.js'),
    ]);
    const { plan } = await planFromFlags(ctx, opts);
    const report = await runVerify(plan, (await ctx.cluster()).install);
    if (opts.output === 'text') {
      ctx.out(formatVerifyReport(report));
    } else {
      const { renderData } = await import('../render/format.js');
      ctx.out(renderData(report, opts.output));
    }
    return report.ok ? ExitCode.Ok : ExitCode.IssuesFound;
  },
});
