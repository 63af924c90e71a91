// kube-inject and start-up: wall time of the real CLI against `node -e 0`, and a 5,000-Deployment stream
// against the fastest plain YAML round trip in JS (js-yaml loadAll + dump) of the same stream, run as a Node script.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStubApiServer, timeNodeCpu, writeStubKubeconfig } from './util.mjs';
import { offlineInjectFlags, withIstioctl } from './istioctl.mjs';

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

/** Rows for bench/run.mjs; with `istioctl`, its kube-inject (offline, on mesh's default config) and version beside. */
export async function run({ istioctl } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-'));
  const env = { HOME: dir, KUBECONFIG: '' }; // offline: no kubeconfig, as in CI
  const small = join(dir, 'small.yaml');
  writeFileSync(small, deployment(1));
  const big = join(dir, 'big.yaml');
  const stream = Array.from({ length: 5000 }, (_, i) => deployment(i)).join('---\n');
  writeFileSync(big, stream);

  const roundTripFile = join(dir, 'roundtrip.mjs');
  writeFileSync(
    roundTripFile,
    `import jsyaml from ${JSON.stringify(join(root, 'node_modules/js-yaml/index.js'))};
import { readFileSync } from 'node:fs';
process.stdout.write(jsyaml.loadAll(readFileSync(process.argv[2], 'utf8')).map((d) => jsyaml.dump(d)).join('---\\n'));
`,
  );
  const nodeBaseline = timeNodeCpu(['-e', '0'], { env });
  const version = timeNodeCpu([mesh, '--version'], { env });
  const injectSmall = timeNodeCpu([mesh, 'kube-inject', '-f', small], { env });
  // Both sides of the big comparison are whole processes reading the same file and writing the result.
  const roundTrip = timeNodeCpu([roundTripFile, big], { env, runs: 3 });
  const injectBig = timeNodeCpu([mesh, 'kube-inject', '-f', big], { env, runs: 3 });
  const row = (name, m, baselineName, b, goal) => ({
    name,
    ms: m.wall,
    cpuMs: m.cpuMs,
    peakMb: m.peakMb,
    baselineName,
    baselineMs: b.wall,
    baselineCpuMs: b.cpuMs,
    goal,
  });
  const offline = istioctl ? offlineInjectFlags(mesh, dir) : [];
  // istioctl kube-inject asks a cluster for its Kubernetes version even with all three files: the stub answers at once
  const stub = istioctl && (await startStubApiServer());
  const istioctlEnv = stub && { ...env, KUBECONFIG: writeStubKubeconfig(dir, stub.port) };
  try {
    return rows(istioctlEnv);
  } finally {
    stub?.stop();
  }
  function rows(istioctlEnv) {
    return [
      withIstioctl(row('mesh --version', version, 'node -e 0', nodeBaseline, 1.3), istioctl, ['version', '--remote=false'], { env }),
      withIstioctl(row('mesh kube-inject -f small.yaml', injectSmall, 'node -e 0', nodeBaseline, 2), istioctl, ['kube-inject', '-f', small, ...offline], {
        env: istioctlEnv,
      }),
      withIstioctl(
        row(`kube-inject 5,000 Deployments (${(stream.length / 1e6).toFixed(1)} MB)`, injectBig, 'js-yaml loadAll+dump (node script)', roundTrip, 3),
        istioctl,
        ['kube-inject', '-f', big, ...offline],
        { env: istioctlEnv, runs: 3 },
      ),
    ];
  }
}
