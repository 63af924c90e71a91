// kube-inject and start-up: wall time of the real CLI against `node -e 0`, and a 5,000-Deployment stream
// against the fastest plain YAML round trip in JS (js-yaml loadAll + dump) of the same stream.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';
import { timeNode, timeFn } from './util.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin/mesh.js');

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 20}
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
        version: v1
    spec:
      containers:
      - name: app
        image: registry.example.com/app-${i}:1.2.${i % 10}
        ports:
        - containerPort: 8080
          name: http
        env:
        - name: MODE
          value: "production"
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
        readinessProbe:
          httpGet:
            path: /ready
            port: 8080
        volumeMounts:
        - name: config
          mountPath: /etc/app
      volumes:
      - name: config
        configMap:
          name: app-${i}-config
`;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-'));
  const env = { HOME: dir, KUBECONFIG: '' }; // offline: no kubeconfig, as in CI
  const small = join(dir, 'small.yaml');
  writeFileSync(small, deployment(1));
  const big = join(dir, 'big.yaml');
  const stream = Array.from({ length: 5000 }, (_, i) => deployment(i)).join('---\n');
  writeFileSync(big, stream);

  const nodeBaseline = timeNode(['-e', '0'], { env });
  const version = timeNode([mesh, '--version'], { env });
  const injectSmall = timeNode([mesh, 'kube-inject', '-f', small], { env });
  const roundTrip = timeFn(() => jsyaml.loadAll(stream).map((d) => jsyaml.dump(d)).join('---\n'), 3);
  const injectBig = timeNode([mesh, 'kube-inject', '-f', big], { env, runs: 3 });
  return [
    { name: 'mesh --version', ms: version, baselineName: 'node -e 0', baselineMs: nodeBaseline, goal: 1.3 },
    { name: 'mesh kube-inject -f small.yaml', ms: injectSmall, baselineName: 'node -e 0', baselineMs: nodeBaseline, goal: 2 },
    { name: `kube-inject 5,000 Deployments (${(stream.length / 1e6).toFixed(1)} MB)`, ms: injectBig, baselineName: 'js-yaml loadAll+dump', baselineMs: roundTrip, goal: 3 },
  ];
}
