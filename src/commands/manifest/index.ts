/** `mesh manifest generate|diff`: render the control plane offline, and compare two renders object by object. */
import { defineCommand } from '../types.js';
import { diffFlags, generateFlags, translateFlags } from './flags.js';

const generate = defineCommand({
  name: 'generate',
  summary: 'Render the Istio control-plane manifests for a profile and overrides (no cluster needed)',
  description:
    'Values come from the profile (--set profile=<name>, default "default"), then each -f IstioOperator file in order, then each --set in order. ' +
    'Objects are printed in apply order (CRDs, namespace, RBAC, config, workloads, services, webhooks).',
  examples: [
    '# the default profile',
    'mesh manifest generate',
    '# the demo profile with a canary revision, straight into the cluster',
    'mesh manifest generate --set profile=demo --revision canary | kubectl apply --server-side -f -',
    '# overlays and typed overrides; one file per component under ./out',
    'mesh manifest generate -f my-operator.yaml --set values.pilot.autoscaleEnabled=false -o out',
  ],
  flags: generateFlags,
  async run(ctx, opts) {
    const { runManifestGenerate } = await import('./run.js');
    return runManifestGenerate(ctx, opts);
  },
});

const translate = defineCommand({
  name: 'translate',
  summary: 'Translate an IstioOperator into Helm values files, one per chart (the move from istioctl to Helm)',
  description:
    'Merges -f IstioOperator files and --set flags over the profile as istioctl 1.30 does, moves hub, tag, revision, meshConfig and ' +
    'component enablement into the values, and writes for each chart (base, pilot, cni, ztunnel) its <name>-values.yaml, an ' +
    'install-<name>.sh that hands the installed objects over to Helm (labels and annotations) and runs helm upgrade --install, ' +
    'and a README.md. Gateways have no chart release of their own and are reported as not translated. Without -o the values ' +
    'files are printed. Nothing is read from or written to the cluster.',
  examples: [
    '# an IstioOperator file into helm values',
    'mesh manifest translate -f istio.yaml -o helm/',
    '# the default installation, printed',
    'mesh manifest translate',
    '# the demo profile with tracing',
    'mesh manifest translate --set profile=demo --set meshConfig.enableTracing=true -o helm/',
    'helm upgrade --install istiod oci://registry.istio.io/release/charts/istiod -n istio-system -f helm/pilot-values.yaml',
  ],
  flags: translateFlags,
  async run(ctx, opts) {
    const { runManifestTranslate } = await import('./translate.js');
    return runManifestTranslate(ctx, opts);
  },
});

const diff = defineCommand({
  name: 'diff',
  summary: 'Compare two rendered manifests object by object',
  description:
    'Objects are matched by apiVersion group, kind, namespace and name; each changed object gets a unified diff. ' +
    'Exit code 0 when the manifests are the same, 79 when they differ.',
  arguments: [{ name: '<a>' }, { name: '<b>' }],
  examples: [
    '# what changes between the default and demo profiles',
    'mesh manifest generate > a.yaml && mesh manifest generate --set profile=demo > b.yaml && mesh manifest diff a.yaml b.yaml',
    '# compare with a render on stdin',
    'mesh manifest generate --set profile=minimal | mesh manifest diff a.yaml -',
    '# the differences as JSON, for a pipeline (exit 79 when there are any)',
    'mesh manifest diff a.yaml b.yaml -o json',
  ],
  flags: diffFlags,
  async run(ctx, opts, args) {
    const { runManifestDiff } = await import('./run.js');
    return runManifestDiff(ctx, args[0]!, args[1]!, opts.output);
  },
});

/** The `manifest` command group. */
export const manifest = defineCommand({
  name: 'manifest',
  summary: 'Render (generate) and compare (diff) control-plane manifests',
  examples: ['mesh manifest generate --set profile=demo', 'mesh manifest diff before.yaml after.yaml'],
  subcommands: [generate, diff, translate],
});
