/** `mesh analyze`: istioctl analyze's checks over files, a live cluster, or both; exit 79 when findings reach the threshold. */
import type { CommandContext } from '../../context.js';
import { defineCommand } from '../types.js';
import { analyzeFlags } from './flags.js';

export const analyze = defineCommand({
  name: 'analyze',
  summary: 'Analyze Istio configuration in files and/or the cluster and report IST0xxx findings',
  description:
    "Runs istioctl's configuration analyzers (same IST0xxx codes) over the live cluster, over files, or over both\n" +
    '(files are applied on top of what the cluster has). Every kind in the files is analyzed, so a GitOps repository is\n' +
    'checked as a whole. Exit status 79 when a finding reaches --failure-threshold, whatever the output format.',
  arguments: [{ name: '[files...]', description: 'files or directories to analyze, or - for stdin' }],
  examples: [
    '# analyze the current cluster (namespace from -n, else default)',
    'mesh analyze',
    '# analyze manifests without a cluster, as a CI step',
    'mesh analyze --use-kube=false -o sarif k8s/ > mesh.sarif',
    '# simulate applying files to the cluster; suppress one finding',
    'mesh analyze app.yaml -S "IST0102=Namespace default"',
    '# from a pipe, failing on warnings too',
    'helm template ./chart | mesh analyze --use-kube=false --failure-threshold Warning -',
    '# list the analyzers',
    'mesh analyze -L',
  ],
  flags: analyzeFlags,
  async run(ctx: CommandContext, opts, files) {
    const { runAnalyze } = await import('./run.js');
    return runAnalyze(ctx, opts, files);
  },
});
