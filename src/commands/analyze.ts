/** `mesh analyze`: istioctl analyze's checks over files, a live cluster, or both; exit 79 when findings reach the threshold. */
import { Option } from 'commander';
import type { CommandContext, CommandSpec } from './types.js';
import { booleanValue, collect, durationMs, levelValue, outputOption } from './options.js';

/** Parsed flags of `mesh analyze`. */
export interface AnalyzeCommandOptions {
  /** Read the live cluster too (`--use-kube=false` for files only). */
  useKube: boolean;
  /** `-A`: report on every namespace. */
  allNamespaces: boolean;
  /** `-o`: log, json, yaml or sarif. */
  output: 'log' | 'json' | 'yaml' | 'sarif';
  failureThreshold: 'Error' | 'Warning' | 'Info';
  outputThreshold: 'Error' | 'Warning' | 'Info';
  /** `-S CODE=<Kind> <name>.<ns>` values. */
  suppress?: string[];
  /** `--analyzer` names to run (all when absent). */
  analyzer?: string[];
  /** `-L`: list analyzers and exit. */
  listAnalyzers: boolean;
  /** Accepted for istioctl compatibility: directories are always read recursively. */
  recursive: boolean;
  /** Colour log output (default: when stdout is a terminal). */
  color?: boolean;
  /** Cluster read timeout in milliseconds. */
  timeout: number;
  /** Skip unparseable files and kinds mesh does not know, instead of failing. */
  ignoreUnknown: boolean;
}

export const analyze: CommandSpec<AnalyzeCommandOptions> = {
  name: 'analyze',
  summary: 'Analyze Istio configuration in files and/or the cluster and report IST0xxx findings',
  description: 'Runs istioctl\'s configuration analyzers (same IST0xxx codes) over the live cluster, over files, or over both\n'
    + '(files are applied on top of what the cluster has). Every kind in the files is analyzed, so a GitOps repository is\n'
    + 'checked as a whole. Exit status 79 when a finding reaches --failure-threshold, whatever the output format.',
  arguments: '[files...]',
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
  options(cmd) {
    cmd.addOption(new Option('-k, --use-kube [bool]', 'also analyze the live cluster; --use-kube=false for files only').argParser(booleanValue).default(true));
    cmd.addOption(new Option('-A, --all-namespaces', 'report on every namespace, not just -n (or default)').default(false));
    cmd.addOption(outputOption(['log', 'json', 'yaml', 'sarif'], 'log'));
    cmd.addOption(new Option('--failure-threshold <level>', 'exit 79 when a finding is at least this severe (Error|Warning|Info)').argParser(levelValue).default('Error'));
    cmd.addOption(new Option('--output-threshold <level>', 'show findings at least this severe (Error|Warning|Info)').argParser(levelValue).default('Info'));
    cmd.addOption(new Option('-S, --suppress <code=resource>', 'suppress a code on a resource, e.g. "IST0102=Namespace default" or "IST0103=Pod *.testing" (repeatable)').argParser(collect));
    cmd.addOption(new Option('--analyzer <name>', 'run only this analyzer (repeatable; see -L)').argParser(collect));
    cmd.addOption(new Option('-L, --list-analyzers', 'list the analyzers and exit').default(false));
    cmd.addOption(new Option('-R, --recursive', 'accepted for istioctl compatibility: directories are always read recursively').default(false));
    cmd.addOption(new Option('--color [bool]', 'colour the log output (default: when stdout is a terminal)').argParser(booleanValue));
    cmd.addOption(new Option('--timeout <duration>', 'how long to wait for the cluster').argParser(durationMs).default(30_000, '30s'));
    cmd.addOption(new Option('--ignore-unknown', 'skip files that do not parse and kinds mesh does not know').default(false));
  },
  async run(ctx: CommandContext, opts, files) {
    const { runAnalyze } = await import('./analyze-run.js');
    return runAnalyze(ctx, opts, files);
  },
};
