/**
 * What `mesh dashboard` can open, as data: for each add-on the label selector istioctl 1.30 finds its pod by, the
 * port its UI listens on and the path to open; for the pod-level UIs (Envoy admin, ControlZ, istiod's debug page)
 * how the pod is chosen. Imports nothing, so the command can build its help from it at start-up.
 */

/** How a dashboard finds its pod. */
export type DashboardKind =
  /** An add-on found by label, first in the Istio namespace, then in -n's. */
  | 'addon'
  /** Any proxy pod named by argument or -l (Envoy admin on 15000, also ztunnel's and waypoints'). */
  | 'proxy'
  /** An istiod pod named by argument, -l or -r (selectors get `app=istiod` added). */
  | 'istiod';

/** One dashboard. */
export interface Dashboard {
  /** Subcommand name. */
  name: string;
  /** Product name for messages, e.g. Kiali. */
  title: string;
  kind: DashboardKind;
  /** Label selector of the add-on's pod. */
  selector?: string;
  /** The port the UI listens on in the pod. */
  remotePort: number;
  /** Path of the page to open ('' for the root). */
  path: string;
  /** The flag that overrides remotePort (`--ui-port`; ControlZ's is `--ctrlz_port`). */
  portFlag?: '--ui-port' | '--ctrlz_port';
  /** Sample manifest that installs the add-on (Istio 1.30 samples/addons). */
  sample?: string;
  /** One line of help. */
  summary: string;
}

/** Every dashboard, in istioctl's order. Ports and selectors are those of Istio 1.30's samples/addons. */
export const DASHBOARDS: readonly Dashboard[] = [
  {
    name: 'kiali',
    title: 'Kiali',
    kind: 'addon',
    selector: 'app=kiali',
    remotePort: 20001,
    path: '/kiali',
    portFlag: '--ui-port',
    sample: 'samples/addons/kiali.yaml',
    summary: 'Open the Kiali web UI',
  },
  {
    name: 'prometheus',
    title: 'Prometheus',
    kind: 'addon',
    selector: 'app.kubernetes.io/name=prometheus',
    remotePort: 9090,
    path: '',
    portFlag: '--ui-port',
    sample: 'samples/addons/prometheus.yaml',
    summary: 'Open the Prometheus web UI',
  },
  {
    name: 'grafana',
    title: 'Grafana',
    kind: 'addon',
    selector: 'app.kubernetes.io/name=grafana',
    remotePort: 3000,
    path: '',
    portFlag: '--ui-port',
    sample: 'samples/addons/grafana.yaml',
    summary: 'Open the Grafana web UI',
  },
  // The sample Jaeger serves its UI under base_path /jaeger; istioctl opens the root, which that UI does not serve.
  {
    name: 'jaeger',
    title: 'Jaeger',
    kind: 'addon',
    selector: 'app=jaeger',
    remotePort: 16686,
    path: '/jaeger',
    portFlag: '--ui-port',
    sample: 'samples/addons/jaeger.yaml',
    summary: 'Open the Jaeger web UI',
  },
  {
    name: 'zipkin',
    title: 'Zipkin',
    kind: 'addon',
    selector: 'app=zipkin',
    remotePort: 9411,
    path: '',
    portFlag: '--ui-port',
    sample: 'samples/addons/extras/zipkin.yaml',
    summary: 'Open the Zipkin web UI',
  },
  {
    name: 'skywalking',
    title: 'SkyWalking',
    kind: 'addon',
    selector: 'app=skywalking-ui',
    remotePort: 8080,
    path: '',
    portFlag: '--ui-port',
    sample: 'samples/addons/extras/skywalking.yaml',
    summary: 'Open the SkyWalking UI',
  },
  {
    name: 'envoy',
    title: 'Envoy admin',
    kind: 'proxy',
    remotePort: 15000,
    path: '',
    portFlag: '--ui-port',
    summary: 'Open the Envoy admin web UI of a sidecar (same as `proxy`)',
  },
  {
    name: 'proxy',
    title: 'proxy admin',
    kind: 'proxy',
    remotePort: 15000,
    path: '',
    portFlag: '--ui-port',
    summary: 'Open the admin web UI of a proxy (sidecar, gateway, waypoint, ztunnel)',
  },
  {
    name: 'controlz',
    title: 'ControlZ',
    kind: 'istiod',
    remotePort: 9876,
    path: '',
    portFlag: '--ctrlz_port',
    summary: 'Open the ControlZ web UI of an istiod',
  },
  // The port is istiod's monitoring port: its prometheus.io/port annotation, else 15014 (istioctl's rule).
  { name: 'istiod-debug', title: 'Istio debug', kind: 'istiod', remotePort: 15014, path: '/debug', summary: 'Open the debug web UI of an istiod' },
];
