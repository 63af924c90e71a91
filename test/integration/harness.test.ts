// Sanity checks of the test cluster itself: a real API server with real controllers, a real
// scheduler and kwok nodes, so later failures point at mesh and not at the harness.
import { request } from 'node:https';
import { AdmissionregistrationV1Api, type V1ConfigMap, type V1Deployment } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, kubeconfigPath, statusOf, tempNamespace, waitFor } from './helpers/kube.js';

describe('test cluster', () => {
  const { kc, core, apps, objects } = kube();
  const admission = kc.makeApiClient(AdmissionregistrationV1Api);
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  beforeAll(async () => {
    ns = await tempNamespace('harness');
  });
  afterAll(async () => {
    await ns.remove();
  });

  it('each worker sees its cluster as MESH_TEST_KUBECONFIG', () => {
    expect(process.env.MESH_TEST_KUBECONFIG).toBe(kubeconfigPath());
  });

  it('API server reports /readyz healthy', async () => {
    const cluster = kc.getCurrentCluster();
    const url = new URL('/readyz?verbose', cluster?.server);
    const opts: Parameters<typeof request>[1] = { method: 'GET' };
    await kc.applyToHTTPSOptions(opts);
    const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(url, opts, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body.status).toBe(200);
    expect(body.text).toContain('readyz check passed');
    expect(url.hostname).toBe('127.0.0.1');
  });

  it('schedules a Deployment onto kwok nodes and it becomes Available with Ready pods', async () => {
    const deployment: V1Deployment = {
      metadata: { name: 'web', namespace: ns.name },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'example.invalid/web:1', ports: [{ containerPort: 8080 }] }] },
        },
      },
    };
    await apps.createNamespacedDeployment({ namespace: ns.name, body: deployment });
    const done = await waitFor('deployment web to become Available', async () => {
      const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns.name });
      const available = d.status?.conditions?.find((c) => c.type === 'Available')?.status === 'True';
      return available && d.status?.readyReplicas === 2 ? d : undefined;
    });
    expect(done.status?.availableReplicas).toBe(2);
    const pods = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=web' });
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.spec?.nodeName).toMatch(/^kwok-node-\d+$/);
      expect(pod.status?.phase).toBe('Running');
      expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(pod.status?.podIP).toBeTruthy();
    }
  });

  it('server-side apply: a second field manager conflicts, and wins only with force', async () => {
    const cm = (value: string): V1ConfigMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ssa', namespace: ns.name },
      data: { key: value },
    });
    await objects.patch(cm('one'), undefined, undefined, 'manager-a', undefined, 'application/apply-patch+yaml');
    const conflict = await objects.patch(cm('two'), undefined, undefined, 'manager-b', false, 'application/apply-patch+yaml').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(statusOf(conflict)).toBe(409);
    expect(String((conflict as { body?: unknown }).body)).toContain('manager-a');

    const forced = await objects.patch(cm('two'), undefined, undefined, 'manager-b', true, 'application/apply-patch+yaml');
    expect(forced.data).toEqual({ key: 'two' });
    const managers = forced.metadata?.managedFields?.map((f) => f.manager);
    expect(managers).toContain('manager-b');
  });

  it('the API server dials loopback addresses only: a webhook behind a Service fails at once', async () => {
    const name = `${ns.name}.guard.test.mesh.dev`;
    await core.createNamespacedService({ namespace: ns.name, body: { metadata: { name: 'hook' }, spec: { ports: [{ port: 443 }] } } });
    await admission.createValidatingWebhookConfiguration({
      body: {
        metadata: { name },
        webhooks: [
          {
            name,
            admissionReviewVersions: ['v1'],
            sideEffects: 'None',
            failurePolicy: 'Fail',
            timeoutSeconds: 5,
            clientConfig: { service: { name: 'hook', namespace: ns.name, port: 443 } },
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns.name } },
            rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['configmaps'] }],
          },
        ],
      },
    });
    try {
      const started = Date.now();
      const err = await waitFor('the webhook to be called', () =>
        core
          .createNamespacedConfigMap({
            namespace: ns.name,
            body: { metadata: { generateName: 'guarded-' } },
          })
          .then(
            () => false,
            (e: unknown) => e,
          ),
      );
      // kube-local's egress proxy refused the Service's ClusterIP (10.96.0.0/16).
      expect(String((err as { body?: unknown }).body)).toMatch(/egress\.sock while dialing 10\.96\.\d+\.\d+:443, code 403/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await admission.deleteValidatingWebhookConfiguration({ name });
    }
  });
});
