// mesh validate over a generated stream of Istio resources, against a plain js-yaml parse of the same text, both run as
// fresh Node processes (start-up included, as a user or CI step sees it). Runs the built CLI (bin/mesh.js).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeNode } from './util.mjs';
import { withIstioctl } from './istioctl.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const GROUPS = 500; // 8 Istio resources each

function group(i) {
  const ns = `team-${i % 25}`;
  const name = `svc-${i}`;
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${ns}}
spec:
  hosts: [${name}]
  http:
  - match: [{uri: {prefix: /api}, headers: {x-canary: {exact: "true"}}}]
    route: [{destination: {host: ${name}, subset: v2}}]
    retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure"}
  - route:
    - {destination: {host: ${name}, subset: v1}, weight: 90}
    - {destination: {host: ${name}, subset: v2}, weight: 10}
    timeout: 5s
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${name}, namespace: ${ns}}
spec:
  host: ${name}
  trafficPolicy:
    connectionPool: {tcp: {maxConnections: 100}, http: {http1MaxPendingRequests: 10}}
    outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 443, name: https-${i}, protocol: HTTPS}, hosts: ["${name}.example.com"], tls: {mode: SIMPLE, credentialName: ${name}-cert}}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${name}-ext, namespace: ${ns}}
spec: {hosts: [api-${i}.example.com], ports: [{number: 443, name: tls, protocol: TLS}], resolution: DNS, location: MESH_EXTERNAL}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  rules: [{from: [{source: {principals: ["cluster.local/ns/${ns}/sa/client"]}}], to: [{operation: {methods: [GET], paths: ["/api/*"]}}]}]
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {matchLabels: {app: ${name}}}, mtls: {mode: STRICT}}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: ${name}, namespace: ${ns}}
spec: {workloadSelector: {labels: {app: ${name}}}, egress: [{hosts: ["./*", "istio-system/*"]}]}
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {matchLabels: {app: ${name}}}, accessLogging: [{providers: [{name: envoy}]}]}
`;
}

/** Rows for bench/run.mjs. */
export async function run({ istioctl } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-validate-bench-'));
  try {
    const file = join(dir, 'resources.yaml');
    const docs = [];
    for (let i = 0; i < GROUPS; i++) docs.push(group(i));
    writeFileSync(file, docs.join('---\n'));
    const baselineMs = timeNode(
      [
        '-e',
        `
      const jsyaml = require(${JSON.stringify(join(root, 'node_modules/js-yaml'))});
      const n = jsyaml.loadAll(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8')).length;
      if (n !== ${GROUPS * 8}) throw new Error('parsed ' + n);
    `,
      ],
      { runs: 5 },
    );
    const ms = timeNode([join(root, 'bin/mesh.js'), 'validate', '-f', file], { runs: 5 });
    const row = { name: `validate ${GROUPS * 8} Istio resources (one file)`, ms, baselineName: 'js-yaml parse of the same text', baselineMs, goal: 3 };
    return [withIstioctl(row, istioctl, ['validate', '-f', file], { runs: 5 })];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
