// mesh precheck on the real test cluster (Kubernetes 1.36, inside Istio 1.30's supported 1.32 - 1.36): the admin
// passes with istioctl's success line; a user who may only read gets IST0141 naming what the install would need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictedKubeconfig, tempNamespace } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';

interface Out {
  code: string;
  level: string;
  message: string;
  origin?: string;
}

describe('mesh precheck', () => {
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  beforeAll(async () => {
    ns = await tempNamespace('precheck');
  });
  afterAll(async () => {
    await ns.remove();
  });

  it('passes for the admin: no findings, success line, exit 0', async () => {
    const r = await runMesh(['precheck']);
    expect(r.stderr).toContain('\u2714 No issues found when checking the cluster. Istio is safe to install or upgrade!');
    expect(r.stdout).toBe('');
    // Istio's kinds are not served before a first install: that is expected, not worth a warning.
    expect(r.stderr).not.toContain('warning:');
    expect(r.code).toBe(0);
  });

  it('says nothing about this Kubernetes version even at Info level (1.36 is supported by Istio 1.30)', async () => {
    const r = await runMesh(['precheck', '-o', 'json', '--output-threshold', 'Info']);
    const codes = (JSON.parse(r.stdout) as Out[]).map((m) => m.code);
    expect(codes).not.toContain('IST0142');
    expect(codes).not.toContain('MESH0002');
    expect(r.code).toBe(0);
  });

  it('a user who may only read gets IST0141 for each missing permission, and exit 79', async () => {
    const { path } = await restrictedKubeconfig({
      namespace: ns.name,
      name: 'precheck-reader',
      clusterRules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] }],
    });
    const r = await runMesh(['precheck', '-o', 'json'], { kubeconfig: path });
    expect(r.code).toBe(79);
    const msgs = JSON.parse(r.stdout) as Out[];
    expect(msgs.length).toBeGreaterThan(0);
    expect(msgs.every((m) => m.code === 'IST0141' && m.level === 'Error' && m.origin === 'Cluster')).toBe(true);
    const text = msgs.map((m) => m.message).join('\n');
    expect(text).toContain('Missing permission to create, patch, delete customresourcedefinitions.apiextensions.k8s.io cluster-wide, which mesh install needs');
    expect(text).toContain('Missing permission to create, patch, delete deployments.apps in namespace istio-system');
    expect(text).toContain('Missing permission to create, patch namespaces cluster-wide');
    expect(text).toContain('mutatingwebhookconfigurations.admissionregistration.k8s.io');
    // Reads were granted, so get and list are never named.
    expect(text).not.toMatch(/Missing permission to (get|list)/);
    expect(r.stderr).toContain('Issues found when checking the cluster');
  });

  it('a user who may do everything but in istio-system is told exactly that', async () => {
    const { path } = await restrictedKubeconfig({
      namespace: ns.name,
      name: 'precheck-no-ns',
      clusterRules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] },
        {
          apiGroups: ['*'],
          resources: [
            'customresourcedefinitions',
            'clusterroles',
            'clusterrolebindings',
            'namespaces',
            'mutatingwebhookconfigurations',
            'validatingwebhookconfigurations',
          ],
          verbs: ['*'],
        },
      ],
    });
    const r = await runMesh(['precheck', '-o', 'json'], { kubeconfig: path });
    const msgs = JSON.parse(r.stdout) as Out[];
    expect(r.code).toBe(79);
    // Everything cluster-wide is granted (writes to the cluster-scoped kinds, reads of the rest): only istio-system writes are missing.
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) expect(m.message).toMatch(/^Missing permission to create, patch(, delete)? \S+ in namespace istio-system, /);
    expect(msgs.some((m) => m.message.includes('configmaps in namespace istio-system'))).toBe(true);
  });
});
