// mesh install / verify-install / kube-inject / uninstall against the real API server. The
// control plane's pods run on kwok nodes, so Deployments become Ready without containers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { kube, restrictedKubeconfig, statusOf, waitFor } from './helpers/kube.js';
import { meshInstall, runMesh, type MeshResult } from './helpers/mesh.js';

const OWNED = 'install.operator.istio.io/owning-resource=mesh';
// Kinds an install creates; a converged second install must leave every one untouched.
const KINDS: Array<[string, string]> = [
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ['v1', 'ServiceAccount'],
  ['v1', 'ConfigMap'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration'],
  ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration'],
];

/** resourceVersion of every object mesh owns, keyed by kind/namespace/name. */
async function ownedObjects(): Promise<Map<string, string>> {
  const { objects } = kube();
  const out = new Map<string, string>();
  for (const [apiVersion, kind] of KINDS) {
    const list = await objects.list<KubernetesObject>(apiVersion, kind, undefined, undefined, undefined, undefined, undefined, OWNED);
    for (const o of list.items) out.set(`${kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`, o.metadata?.resourceVersion ?? '');
  }
  return out;
}

type Doc = KubernetesObject & { spec?: unknown };

/** Every document of every YAML file under samples/, read as YAML 1.1 like kubectl (0644 is octal). */
function samples(): Doc[] {
  const files = readdirSync('samples', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.flatMap((f) => parseAllDocuments(readFileSync(join('samples', f), 'utf8'), { version: '1.1' }).map((d) => d.toJS() as Doc)).filter(Boolean);
}

/** Findings of `mesh analyze -o json` as "CODE origin" strings. */
function findings(res: MeshResult): string[] {
  return (JSON.parse(res.stdout) as Array<{ code: string; origin: string }>).map((m) => `${m.code} ${m.origin}`);
}

function ok(res: MeshResult): void {
  expect(res.code, `mesh exited ${res.code}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`).toBe(0);
}

describe('mesh install --set profile=demo on a real API server', () => {
  const { core, apps, crds } = kube();

  it('an install can be killed midway, once its CRDs exist', async () => {
    const stop = new AbortController();
    const run = runMesh(['install', '--set', 'profile=demo', '-y'], { timeoutMs: 300_000, signal: stop.signal });
    await waitFor(
      'the first Istio CRD to be Established',
      async () => {
        const crd = await crds.readCustomResourceDefinition({ name: 'virtualservices.networking.istio.io' });
        return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
      },
      120_000,
    );
    stop.abort();
    const res = await run;
    expect(res.signal, `mesh finished before it was interrupted:\n${res.stderr}`).toBe('SIGKILL');
  });

  it('installs (completing the interrupted run): every CRD Established, istiod and both gateways Available', async () => {
    const res = await meshInstall(['--set', 'profile=demo', '--readiness-timeout', '3m']);
    ok(res);
    const istioCRDs = (await crds.listCustomResourceDefinition()).items.filter((c) => c.spec.group.endsWith('istio.io'));
    expect(istioCRDs.length).toBeGreaterThanOrEqual(14);
    for (const crd of istioCRDs) {
      expect(crd.status?.conditions?.find((c) => c.type === 'Established')?.status, crd.metadata?.name).toBe('True');
    }
    for (const name of ['istiod', 'istio-ingressgateway', 'istio-egressgateway']) {
      const d = await apps.readNamespacedDeployment({ name, namespace: 'istio-system' });
      expect(d.status?.conditions?.find((c) => c.type === 'Available')?.status, name).toBe('True');
    }
  });

  it('version --remote reads the control plane version from the istiod pods', async () => {
    const res = await runMesh(['version', '--remote', '-o', 'json']);
    ok(res);
    const { controlPlane } = JSON.parse(res.stdout) as { controlPlane: Array<{ component: string; version: string }> };
    expect(controlPlane.length).toBeGreaterThan(0);
    expect(controlPlane).toContainEqual(expect.objectContaining({ component: 'istiod', version: '1.30.3' }));
  });

  it('verify-install passes', async () => {
    ok(await runMesh(['verify-install', '--set', 'profile=demo']));
  });

  it('a second install converges without changing anything', async () => {
    const before = await ownedObjects();
    expect(before.size).toBeGreaterThan(30);
    ok(await meshInstall(['--set', 'profile=demo']));
    expect(await ownedObjects()).toEqual(before);
  });

  it('--dry-run changes nothing', async () => {
    const before = await ownedObjects();
    const res = await runMesh(['install', '--set', 'profile=minimal', '--set', 'values.global.proxy.logLevel=debug', '--dry-run']);
    ok(res);
    expect(await ownedObjects()).toEqual(before);
    // What it would do, as the API server's dry run says: the injector values change, the gateways go.
    expect(res.stdout).toMatch(
      /^~ update {4}ConfigMap istio-system\/istio-sidecar-injector\n(?: {6}.*\n)*? {6}data\.values: text differs: only the cluster has .*"\\"logLevel\\": \\"warning\\",".*; only mesh has .*"\\"logLevel\\": \\"debug\\","/m,
    );
    expect(res.stdout).toMatch(/^- prune {5}Deployment istio-system\/istio-ingressgateway$/m);
    expect(res.stdout).toMatch(/^Plan: \d+ to create, \d+ to update, \d+ to prune, \d+ unchanged \(dry run: nothing was changed\)$/m);
    const json = await runMesh(['install', '--set', 'profile=demo', '--dry-run', '-o', 'json']);
    ok(json);
    const preview = JSON.parse(json.stdout) as { counts: Record<string, number>; entries: { action: string }[] };
    // The demo install is in place: the same render changes nothing.
    expect(preview.counts).toEqual({ create: 0, update: 0, prune: 0, unchanged: preview.entries.length });
  });

  it('kube-inject reads the injector configuration from the installed ConfigMaps', async () => {
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app, namespace: default}',
      'spec:',
      '  selector: {matchLabels: {app: app}}',
      '  template:',
      '    metadata: {labels: {app: app}}',
      '    spec: {containers: [{name: app, image: example.invalid/app:1}]}',
      '',
    ].join('\n');
    // The demo profile asks for 10m CPU per sidecar; Istio's built-in default is 100m.
    const fromCluster = await runMesh(['kube-inject', '-f', '-'], { input: deployment });
    ok(fromCluster);
    expect(fromCluster.stdout).toContain('istio-proxy');
    expect(fromCluster.stdout).toMatch(/cpu: "?10m"?/);
    const builtIn = await runMesh(['kube-inject', '-f', '-', '--ignore-cluster'], { input: deployment });
    ok(builtIn);
    expect(builtIn.stdout).toMatch(/cpu: "?100m"?/);
  });

  it('every Istio resource in samples/ applies with server-side apply and reads back unchanged', async () => {
    const { objects } = kube();
    const docs = samples();
    const istio = docs.filter((d) => d.apiVersion?.includes('istio.io/'));
    expect(istio.length).toBeGreaterThan(0);
    // Namespaces first, then everything else: the analyze tests below run over all of it.
    for (const doc of [...docs.filter((d) => d.kind === 'Namespace'), ...docs.filter((d) => d.kind !== 'Namespace')]) {
      await objects.patch(doc, undefined, undefined, 'mesh-integration', true, 'application/apply-patch+yaml');
    }
    for (const doc of istio) {
      const back = await objects.read<Doc>({
        apiVersion: doc.apiVersion!,
        kind: doc.kind!,
        metadata: { name: doc.metadata!.name!, namespace: doc.metadata!.namespace! },
      });
      expect(back.spec, `${doc.kind} ${doc.metadata?.namespace}/${doc.metadata?.name}`).toEqual(doc.spec);
    }
  });

  it('analyze on the live cluster reports the mistakes in samples/', async () => {
    const res = await runMesh(['analyze', '-A', '-o', 'json']);
    expect(res.code, res.stderr).toBe(79);
    expect(findings(res)).toEqual(
      expect.arrayContaining([
        'IST0101 VirtualService ordering/booking',
        'IST0101 Gateway ordering/shop',
        'IST0102 Namespace reporting',
        'IST0118 Service reporting/reports',
      ]),
    );
  });

  it('analyze as a user who may not list Istio kinds analyzes what it can and says what it could not', async () => {
    const { path } = await restrictedKubeconfig({
      namespace: 'default',
      name: 'analyze-limited',
      clusterRules: [{ apiGroups: ['', 'apps'], resources: ['namespaces', 'services', 'pods', 'deployments', 'configmaps'], verbs: ['get', 'list'] }],
    });
    const res = await runMesh(['analyze', '-A', '-o', 'json'], { kubeconfig: path });
    expect(res.stderr).toMatch(/VirtualService: forbidden \(403\)/);
    expect(findings(res)).toEqual(expect.arrayContaining(['IST0102 Namespace reporting', 'IST0118 Service reporting/reports']));
    expect(findings(res).filter((f) => f.includes('VirtualService'))).toEqual([]);
    const { core } = kube();
    for (const name of ['ordering', 'reporting']) await core.deleteNamespace({ name });
  });

  it('uninstall removes the control plane but keeps the CRDs and what mesh did not create', async () => {
    await core.createNamespacedConfigMap({ namespace: 'istio-system', body: { metadata: { name: 'not-mesh' }, data: { a: 'b' } } });
    ok(await runMesh(['uninstall', '-y'], { timeoutMs: 300_000 }));
    const gone = await apps.readNamespacedDeployment({ name: 'istiod', namespace: 'istio-system' }).then(
      () => 200,
      (e: unknown) => statusOf(e),
    );
    expect(gone).toBe(404);
    expect((await core.readNamespacedConfigMap({ name: 'not-mesh', namespace: 'istio-system' })).data).toEqual({ a: 'b' });
    await crds.readCustomResourceDefinition({ name: 'virtualservices.networking.istio.io' });
  });

  it('uninstall --purge removes the Istio CRDs too', async () => {
    ok(await runMesh(['uninstall', '--purge', '-y'], { timeoutMs: 300_000 }));
    await waitFor('Istio CRDs to be gone', async () => (await crds.listCustomResourceDefinition()).items.every((c) => !c.spec.group.endsWith('istio.io')));
    expect([...(await ownedObjects()).keys()]).toEqual([]);
    await core.deleteNamespacedConfigMap({ name: 'not-mesh', namespace: 'istio-system' });
  });
});
