// x check-inject and x injector list on 2,000 pods: a stub API server on 127.0.0.1 (bench/stub-apiserver.mjs with a
// fixture) serves one namespace labelled for a revision, two injector webhook configurations, a Deployment and its
// 2,000 pods. check-inject resolves the deployment to one of its pods (a list of all 2,000) and evaluates the webhooks;
// injector list reads every pod of the cluster and counts them by revision. Both against `node -e 0` and against
// `mesh x config list` (start-up without a cluster), fresh processes of the built CLI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStubApiServer, timeNodeCpu, writeStubKubeconfig } from './util.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin', 'mesh.js');
const PODS = 2000;
const RUNS = 5;

const sel = (key, operator, values) => (values ? { key, operator, values } : { key, operator });
const hook = (rev) => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'MutatingWebhookConfiguration',
  metadata: { name: `istio-sidecar-injector-${rev}`, labels: { app: 'sidecar-injector', 'istio.io/rev': rev } },
  webhooks: [
    {
      name: 'rev.namespace.sidecar-injector.istio.io',
      namespaceSelector: { matchExpressions: [sel('istio.io/rev', 'In', [rev]), sel('istio-injection', 'DoesNotExist')] },
      objectSelector: { matchExpressions: [sel('sidecar.istio.io/inject', 'NotIn', ['false'])] },
    },
    {
      name: 'rev.object.sidecar-injector.istio.io',
      namespaceSelector: { matchExpressions: [sel('istio.io/rev', 'DoesNotExist'), sel('istio-injection', 'DoesNotExist')] },
      objectSelector: { matchExpressions: [sel('sidecar.istio.io/inject', 'NotIn', ['false']), sel('istio.io/rev', 'In', [rev])] },
    },
  ],
});
const pod = (i) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: `web-${i}`,
    namespace: 'shop',
    labels: { app: 'web', 'pod-template-hash': 'abc' },
    annotations: { 'sidecar.istio.io/status': JSON.stringify({ revision: i % 10 ? 'stable' : 'canary' }) },
    creationTimestamp: '2026-12-01T00:00:00Z',
  },
  spec: { containers: [{ name: 'web', image: 'example.com/web:1' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});

/** Rows for bench/run.mjs. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-inject-'));
  const list = (kind, items) => ({ kind: `${kind}List`, apiVersion: 'v1', metadata: { resourceVersion: '1' }, items });
  const pods = list(
    'Pod',
    Array.from({ length: PODS }, (_, i) => pod(i)),
  );
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'istio.io/rev': 'stable' } } };
  const fixture = {
    '/api/v1/namespaces/shop': namespace,
    '/api/v1/namespaces': list('Namespace', [namespace]),
    '/api/v1/namespaces/shop/pods': pods,
    '/api/v1/pods': pods,
    '/apis/apps/v1/namespaces/shop/deployments/web': {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } },
    },
    '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations': list('MutatingWebhookConfiguration', [hook('stable'), hook('canary')]),
  };
  const fixturePath = join(dir, 'fixture.json');
  writeFileSync(fixturePath, JSON.stringify(fixture));
  const stub = await startStubApiServer(fixturePath);
  try {
    const kubeconfig = writeStubKubeconfig(dir, stub.port);
    const env = { HOME: dir, KUBECONFIG: '', XDG_CONFIG_HOME: dir };
    // What is timed must be the real work: each command's answer is checked once first.
    const answer = (args, expected) => {
      const r = spawnSync(process.execPath, [mesh, ...args, '--kubeconfig', kubeconfig], { env: { ...process.env, ...env }, encoding: 'utf8' });
      if (r.status !== 0 || !r.stdout.includes(expected))
        throw new Error(`mesh ${args.join(' ')}: exit ${r.status}, expected ${expected}:\n${r.stdout}${r.stderr}`);
    };
    answer(['x', 'check-inject', 'deployment/web', '-n', 'shop'], 'Namespace label istio.io/rev=stable matches');
    answer(['x', 'injector', 'list'], `stable: ${PODS - PODS / 10}\n`);
    answer(['x', 'injector', 'list'], `canary: ${PODS / 10} NEEDS RESTART: ${PODS / 10}`);
    const base = timeNodeCpu(['-e', '0'], { runs: RUNS });
    const offline = timeNodeCpu([mesh, 'x', 'config', 'list'], { runs: RUNS, env });
    const row = (name, m) => ({ name, ms: m.wall, cpuMs: m.cpuMs, baselineName: 'node -e 0', baselineMs: base.wall, baselineCpuMs: base.cpuMs, goal: null });
    return [
      row('mesh x config list (no cluster)', offline),
      row(
        `mesh x check-inject deployment/web (${PODS} pods)`,
        timeNodeCpu([mesh, 'x', 'check-inject', 'deployment/web', '-n', 'shop', '--kubeconfig', kubeconfig], { runs: RUNS, env }),
      ),
      row(`mesh x injector list (${PODS} pods)`, timeNodeCpu([mesh, 'x', 'injector', 'list', '--kubeconfig', kubeconfig], { runs: RUNS, env })),
    ];
  } finally {
    stub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
