/** The `gateway` injection template: what it adds to a gateway pod, and what injectObject makes of it. */
import { describe, expect, it } from 'vitest';
import { injectObject } from '../../../../src/core/inject/index.js';
import { resolveInjectConfig } from '../../../../src/core/inject/config.js';
import type { JsonObject as Tree } from '../../../../src/core/tree.js';

type Any = Record<string, any>;

/** A gateway Deployment as Istio's docs write one: the template annotation and a placeholder istio-proxy. */
function gateway(opts: { annotations?: Record<string, string>; labels?: Record<string, string>; containers?: Tree[] } = {}): Any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress', namespace: 'edge' },
    spec: {
      selector: { matchLabels: { istio: 'ingress' } },
      template: {
        metadata: { annotations: { 'inject.istio.io/templates': 'gateway', ...opts.annotations }, labels: { istio: 'ingress', ...opts.labels } },
        spec: { containers: opts.containers ?? [{ name: 'istio-proxy', image: 'auto' }] },
      },
    },
  };
}

function inject(object: Any, values: Tree[] = [], warnings: string[] = []): { pod: Any; proxy: Any; env: Record<string, unknown> } {
  const r = injectObject(object, resolveInjectConfig({ values }));
  expect(r.messages.map((m) => `${m.level}: ${m.message}`)).toEqual(warnings.map((w) => `warning: ${w}`));
  expect(r.changed).toBe(true);
  const pod = (r.object as Any).spec.template;
  const proxy = pod.spec.containers.find((c: Any) => c.name === 'istio-proxy');
  const env = Object.fromEntries((proxy.env as Any[]).map((e) => [e.name, 'value' in e ? e.value : (e.valueFrom ?? null)]));
  return { pod, proxy, env };
}

describe('gateway template', () => {
  it('runs Envoy as a router in a plain container: no init container, not a native sidecar, even when sidecars are', () => {
    const { pod, proxy } = inject(gateway());
    expect(pod.spec.initContainers).toBeUndefined();
    expect(pod.spec.containers.map((c: Any) => c.name)).toEqual(['istio-proxy']);
    expect(proxy.restartPolicy).toBeUndefined();
    expect(proxy.image).toBe('docker.io/istio/proxyv2:1.30.3');
    expect(proxy.args.slice(0, 2)).toEqual(['proxy', 'router']);
    expect(proxy.ports).toEqual([{ containerPort: 15090, protocol: 'TCP', name: 'http-envoy-prom' }]);
    expect(proxy.readinessProbe).toEqual({ httpGet: { path: '/healthz/ready', port: 15021 }, periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 4 });
    expect(proxy.securityContext).toEqual({ runAsUser: 1337, runAsGroup: 1337 });
    expect(proxy.resources).toBeUndefined();
  });

  it('lets the pod bind low ports unless the values bring a pod security context', () => {
    expect(inject(gateway()).pod.spec.securityContext).toEqual({ sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] });
    const fromValues = inject(gateway(), [{ gateways: { securityContext: { runAsNonRoot: true } } }]).pod.spec.securityContext;
    expect(fromValues).toEqual({ runAsNonRoot: true });
  });

  it('records only the proxy in the status annotation and the user fields in proxy.istio.io/overrides', () => {
    const { pod } = inject(gateway({ containers: [{ name: 'istio-proxy', image: 'auto', imagePullPolicy: 'Always' }] }));
    const status = JSON.parse(pod.metadata.annotations['sidecar.istio.io/status']);
    expect(status.initContainers).toBeNull();
    expect(status.containers).toEqual(['istio-proxy']);
    expect(status.volumes).toEqual([
      'workload-socket',
      'credential-socket',
      'workload-certs',
      'istio-envoy',
      'istio-data',
      'istio-podinfo',
      'istio-token',
      'istiod-ca-cert',
    ]);
    expect(JSON.parse(pod.metadata.annotations['proxy.istio.io/overrides'])).toEqual({ containers: [{ name: 'istio-proxy', imagePullPolicy: 'Always' }] });
    expect(pod.metadata.annotations['prometheus.io/port']).toBe('15020');
  });

  it('mounts no CRL volume and gives two of the sockets an explicit emptyDir', () => {
    const { pod, proxy } = inject(gateway());
    expect(pod.spec.volumes.map((v: Any) => v.name)).not.toContain('istio-ca-crl');
    expect(proxy.volumeMounts.map((m: Any) => m.name)).not.toContain('istio-ca-crl');
    expect(pod.spec.volumes.slice(0, 3)).toEqual([
      { name: 'workload-socket' },
      { name: 'credential-socket', emptyDir: {} },
      { name: 'workload-certs', emptyDir: {} },
    ]);
  });

  it('ignores the sidecar-only annotations: interception mode, resources, readiness tuning', () => {
    const { proxy, env } = inject(
      gateway({
        annotations: {
          'sidecar.istio.io/interceptionMode': 'TPROXY',
          'sidecar.istio.io/proxyCPU': '300m',
          'readiness.status.sidecar.istio.io/periodSeconds': '5',
        },
      }),
      [],
      ['sidecar.istio.io/interceptionMode', 'sidecar.istio.io/proxyCPU', 'readiness.status.sidecar.istio.io/periodSeconds'].map(
        (a) => `Deployment edge/ingress: annotation ${a} has no effect with the "gateway" injection template (it tunes sidecars only)`,
      ),
    );
    expect(env.ISTIO_META_INTERCEPTION_MODE).toBe('REDIRECT');
    expect(proxy.resources).toBeUndefined();
    expect(proxy.readinessProbe.periodSeconds).toBe(15);
    expect(proxy.securityContext.capabilities).toBeUndefined();
  });

  it('honours the proxy annotations it shares with the sidecar and the ProxyConfig interception mode', () => {
    const { proxy, env } = inject(
      gateway({
        annotations: {
          'sidecar.istio.io/logLevel': 'debug',
          'sidecar.istio.io/proxyImage': 'registry.example/istio/proxyv2:custom',
          'proxy.istio.io/config': 'interceptionMode: NONE',
        },
      }),
    );
    expect(proxy.image).toBe('registry.example/istio/proxyv2:custom');
    expect(proxy.args).toContain('--proxyLogLevel=debug');
    expect(env.ISTIO_META_INTERCEPTION_MODE).toBe('NONE');
  });

  it('leaves the app containers value out when the proxy is alone, and names the first other container default', () => {
    expect(inject(gateway()).env).toHaveProperty('ISTIO_META_APP_CONTAINERS', null);
    const { pod, env } = inject(
      gateway({
        containers: [
          { name: 'watcher', image: 'example.com/w:1' },
          { name: 'istio-proxy', image: 'auto' },
        ],
      }),
    );
    expect(env.ISTIO_META_APP_CONTAINERS).toBe('watcher');
    expect(pod.metadata.annotations['kubectl.kubernetes.io/default-container']).toBe('watcher');
    expect(pod.spec.containers.map((c: Any) => c.name)).toEqual(['watcher', 'istio-proxy']);
  });

  it('keeps a long canonical name whole (the sidecar template cuts it to 63 characters)', () => {
    const long = `gw-${'x'.repeat(70)}`;
    expect(inject(gateway({ labels: { app: long } })).pod.metadata.labels['service.istio.io/canonical-name']).toBe(long);
  });
});
