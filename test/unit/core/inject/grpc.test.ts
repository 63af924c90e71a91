/** The proxyless gRPC templates (`grpc-agent`, `grpc-simple`): what they add, and how injectObject post-processes it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { injectObject } from '../../../../src/core/inject/index.js';
import { resolveInjectConfig } from '../../../../src/core/inject/config.js';
import type { JsonObject as Tree } from '../../../../src/core/tree.js';
import { INJECTION_TEMPLATE_FILES } from '../../../../src/core/manifest/istiod-config.js';
import { templateRenderer } from '../../../../src/core/inject/templates.js';

type Any = Record<string, any>;

/** A Deployment asking for `template`, with one gRPC app container that has an HTTP readiness probe. */
function workload(template: string, opts: { annotations?: Record<string, string>; containers?: Tree[] } = {}): Any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'greeter', namespace: 'demo' },
    spec: {
      selector: { matchLabels: { app: 'greeter' } },
      template: {
        metadata: { annotations: { 'inject.istio.io/templates': template, ...opts.annotations }, labels: { app: 'greeter' } },
        spec: {
          containers: opts.containers ?? [
            {
              name: 'app',
              image: 'example.com/greeter:1',
              ports: [{ containerPort: 50051, name: 'grpc' }],
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
            },
          ],
        },
      },
    },
  };
}

function inject(object: Any, opts: { values?: Tree[]; revision?: string } = {}): Any {
  const r = injectObject(object, resolveInjectConfig({ values: opts.values, revision: opts.revision }));
  expect(r.messages).toEqual([]);
  expect(r.changed).toBe(true);
  return r.object as Any;
}

const podOf = (o: Any): Any => o.spec.template;
const container = (pod: Any, name: string): Any => [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c: Any) => c.name === name);
const envOf = (c: Any): Record<string, unknown> => Object.fromEntries((c.env as Any[]).map((e) => [e.name, 'value' in e ? e.value : e.valueFrom]));

describe('grpc-agent template', () => {
  it('runs the agent without Envoy in a plain container, even when sidecars are native, and leaves app probes alone', () => {
    const pod = podOf(inject(workload('grpc-agent')));
    expect(pod.spec.initContainers).toBeUndefined();
    expect(pod.spec.containers.map((c: Any) => c.name)).toEqual(['app', 'istio-proxy']);
    const proxy = container(pod, 'istio-proxy');
    expect(proxy.restartPolicy).toBeUndefined();
    const env = envOf(proxy);
    expect(env).toMatchObject({ DISABLE_ENVOY: 'true', ISTIO_META_GENERATOR: 'grpc', ISTIO_META_DNS_CAPTURE: 'false', ISTIO_META_APP_CONTAINERS: 'app' });
    expect(env.ISTIO_KUBE_APP_PROBERS).toBeUndefined();
    expect(container(pod, 'app').readinessProbe).toEqual({ httpGet: { path: '/ready', port: 8080 } });
    expect(pod.metadata.annotations['sidecar.istio.io/rewriteAppHTTPProbers']).toBe('false');
    expect(pod.metadata.labels['security.istio.io/tlsMode']).toBeUndefined();
  });

  it('points every app container at the bootstrap the agent writes on the shared volume', () => {
    const pod = podOf(inject(workload('grpc-agent')));
    const app = container(pod, 'app');
    expect(envOf(app).GRPC_XDS_BOOTSTRAP).toBe('/etc/istio/proxy/grpc-bootstrap.json');
    expect(app.volumeMounts.map((m: Any) => m.name)).toEqual(['istio-data', 'istio-xds', 'workload-certs']);
    expect(container(pod, 'istio-proxy').volumeMounts.find((m: Any) => m.name === 'istio-xds').mountPath).toBe('/etc/istio/proxy');
    expect(pod.spec.volumes.find((v: Any) => v.name === 'istio-xds')).toEqual({ name: 'istio-xds', emptyDir: { medium: 'Memory' } });
  });

  it('holds the app until the agent is ready when the pod asks (the proxy moves first)', () => {
    const pod = podOf(inject(workload('grpc-agent', { annotations: { 'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts": true}' } })));
    expect(pod.spec.containers.map((c: Any) => c.name)).toEqual(['istio-proxy', 'app']);
  });

  it('keeps resources and mounts but drops the readiness probe when the status port is off', () => {
    const proxy = container(podOf(inject(workload('grpc-agent', { annotations: { 'status.sidecar.istio.io/port': '0' } }))), 'istio-proxy');
    expect(proxy.readinessProbe).toBeUndefined();
    expect(proxy.resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(proxy.volumeMounts.length).toBeGreaterThan(0);
  });

  it("talks to the revision's istiod and uses GKE workload certificates when the values say so", () => {
    const pod = podOf(inject(workload('grpc-agent'), { revision: 'canary', values: [{ revision: 'canary', global: { caName: 'GkeWorkloadCertificate' } }] }));
    const proxy = container(pod, 'istio-proxy');
    expect(envOf(proxy).CA_ADDR).toBe('istiod-canary.istio-system.svc:15012');
    expect(pod.metadata.annotations['istio.io/rev']).toBe('canary');
    expect(container(pod, 'app').volumeMounts[2]).toEqual({
      name: 'gke-workload-certificate',
      mountPath: '/var/run/secrets/workload-spiffe-credentials',
      readOnly: true,
    });
    expect(pod.spec.volumes.map((v: Any) => v.name)).not.toContain('workload-certs');
  });

  it('re-renders from the recorded app containers when injected again (Istio reinserts proxy.istio.io/overrides)', () => {
    const once = inject(workload('grpc-agent'));
    const twice = inject(once);
    expect(twice).toEqual(once);
    expect(envOf(container(podOf(twice), 'istio-proxy')).ISTIO_META_POD_PORTS).toContain('"containerPort":50051');
  });
});

describe('grpc-simple template', () => {
  it('adds the bootstrap init container, the bootstrap env to every container, and no agent', () => {
    const pod = podOf(
      inject(
        workload('grpc-simple', {
          containers: [
            { name: 'app', image: 'example.com/a:1', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } },
            { name: 'helper', image: 'example.com/h:1' },
          ],
        }),
      ),
    );
    expect(pod.spec.initContainers.map((c: Any) => c.name)).toEqual(['grpc-bootstrap-init']);
    expect(pod.spec.containers.map((c: Any) => c.name)).toEqual(['app', 'helper']);
    for (const name of ['app', 'helper']) expect(envOf(container(pod, name)).GRPC_XDS_BOOTSTRAP).toBe('/var/lib/grpc/data/bootstrap.json');
    expect(JSON.parse(pod.metadata.annotations['sidecar.istio.io/status'])).toMatchObject({
      initContainers: ['grpc-bootstrap-init'],
      containers: ['app', 'helper'],
    });
    // No agent to answer on 15020, so HTTP probes are not rewritten.
    expect(container(pod, 'app').readinessProbe).toEqual({ httpGet: { path: '/ready', port: 8080 } });
  });

  it.runIf(spawnSync('sh', ['-c', 'true']).status === 0)('writes a bootstrap whose server URI is one word (Istio 1.30 splits it at a newline)', () => {
    const pod = podOf(inject(workload('grpc-simple'), { revision: 'canary', values: [{ revision: 'canary', global: { istioNamespace: 'mesh-system' } }] }));
    const init = container(pod, 'grpc-bootstrap-init');
    const dir = mkdtempSync(join(tmpdir(), 'mesh-grpc-'));
    try {
      const script = String(init.command[2]).replaceAll('/var/lib/grpc/data', dir);
      const env = { ...envOf(init), INSTANCE_IP: '10.1.2.3', POD_NAME: 'greeter-1', POD_NAMESPACE: 'demo', PATH: process.env.PATH } as Record<string, string>;
      const r = spawnSync('sh', ['-c', script], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, 'bootstrap.json'))).toBe(true);
      const bootstrap = JSON.parse(readFileSync(join(dir, 'bootstrap.json'), 'utf8'));
      expect(bootstrap.xds_servers[0].server_uri).toBe('dns:///istiod-canary.mesh-system.svc:15010');
      expect(bootstrap.node).toEqual({ id: 'sidecar~10.1.2.3~greeter-1.demo~cluster.local', metadata: { GENERATOR: 'grpc' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('registration', () => {
  it.each(['grpc-agent', 'grpc-simple'])('%s has a kube-inject renderer and a Go template for istiod', (name) => {
    expect(templateRenderer(name)).toBeTypeOf('function');
    const file = INJECTION_TEMPLATE_FILES[name]!;
    expect(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8')).toContain('toJson');
  });
});
