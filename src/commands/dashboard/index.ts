/** `mesh dashboard <ui>` (alias `dash`, `d`): port-forward to an add-on's web UI, an Envoy admin page or ControlZ, and open it. */
import { defineCommand, type CommandSpec } from '../types.js';
import { DASHBOARDS, type Dashboard } from '../../core/dashboard/catalog.js';
import { UsageError } from '../../errors.js';
import { dashboardFlags, uiFlags, type DashboardOptions, type UiFlags } from './flags.js';

const examples: Record<Dashboard['kind'], (d: Dashboard) => string[]> = {
  addon: (d) => [
    `# forward to ${d.title} and open it in the browser`,
    `mesh dashboard ${d.name}`,
    '# on a fixed local port, without a browser (e.g. over SSH), reachable from other machines',
    `mesh dash ${d.name} -p 8080 --browser=false --address 0.0.0.0`,
    '# any free local port (the URL on stdout says which)',
    `mesh d ${d.name} -p 0 --no-browser`,
  ],
  proxy: (d) => [
    '# the admin UI of one pod',
    `mesh dashboard ${d.name} productpage-123-456.default`,
    '# of one pod of a deployment',
    `mesh dashboard ${d.name} deployment/productpage-v1 -n default`,
    '# of the first pod matching a selector',
    `mesh dashboard ${d.name} -l app=ratings -n default`,
  ],
  istiod: (d) => [
    '# of one istiod pod',
    `mesh dashboard ${d.name} istiod-56dd66799-jfdvs.istio-system`,
    '# of any istiod of a revision',
    `mesh dashboard ${d.name} --revision canary`,
    '# of an istiod of a deployment',
    `mesh dashboard ${d.name} deployment/istiod.istio-system`,
  ],
};

function subcommand(d: Dashboard): CommandSpec<UiFlags> {
  const note = d.name === 'envoy' ? ' `envoy` is the older name of `proxy`; both work.' : '';
  const where =
    d.kind === 'addon'
      ? `Finds the pod by ${d.selector}, in -i/--istioNamespace first, then in -n/--namespace.`
      : d.kind === 'proxy'
        ? 'Names the pod as <pod>[.namespace] or <type>/<name>[.namespace] (deployment/, service/, ...), or finds it with -l.'
        : 'Names the istiod pod as <pod>[.namespace] (default namespace: -i/--istioNamespace) or <type>/<name>, or finds it with -l or -r.';
  return {
    name: d.name,
    summary: d.summary,
    description:
      `${d.summary}: port-forwards to port ${d.name === 'istiod-debug' ? "15014 (or the pod's prometheus.io/port)" : d.remotePort} of the pod, prints the URL on ` +
      `stdout, opens it in the browser, and keeps forwarding until Ctrl+C. ${where}${note}`,
    arguments: d.kind === 'addon' ? undefined : [{ name: '[pod]' }],
    examples: examples[d.kind](d),
    flags: uiFlags(d),
    async run(ctx, opts, args) {
      const { serve } = await import('./run.js');
      // commander hands over the group's flags (-p, --address, --browser) with the subcommand's own.
      return serve(ctx, d, opts as DashboardOptions, args);
    },
  };
}

/** The `dashboard` group: one subcommand per UI. */
export const dashboard = defineCommand({
  name: 'dashboard',
  aliases: ['dash', 'd'],
  summary: 'Open an Istio web UI (Kiali, Grafana, Prometheus, Jaeger, Zipkin, SkyWalking, Envoy admin, ControlZ) through a port-forward',
  description:
    "Port-forwards to the UI's pod and opens it. The URL goes to stdout, everything else to stderr; the forward " +
    "lasts until Ctrl+C (SIGINT) or SIGTERM, then mesh exits 0. Without -p the local port is the UI's own port when it " +
    'is free, else any free port; -p 0 always picks a free one.',
  examples: [
    '# Kiali in the browser',
    'mesh dashboard kiali',
    '# the Envoy admin page of a pod, URL only',
    'mesh dash proxy productpage-123-456.default --browser=false',
  ],
  flags: dashboardFlags,
  arguments: [{ name: '[dashboard]' }],
  subcommands: DASHBOARDS.map(subcommand),
  // Reached only when no subcommand matched: an unknown name, or none.
  async run(_ctx, _opts, args) {
    const names = DASHBOARDS.map((d) => d.name).join(', ');
    throw new UsageError(args[0] ? `unknown dashboard "${args[0]}" (choose one of ${names})` : `name a dashboard: ${names}`);
  },
});
