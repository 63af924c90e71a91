/** A runAsUser/runAsGroup override on the workload's own istio-proxy reaches istio-init's -u, as Istio's injector does. */
import { describe, expect, it } from 'vitest';
import { injectObject } from '../../../../src/core/inject/index.js';
import { resolveInjectConfig } from '../../../../src/core/inject/config.js';
import type { JsonObject as Tree } from '../../../../src/core/tree.js';

type Any = Record<string, any>;

function deployment(proxySecurity: Tree | undefined, annotations: Record<string, string> = {}): Any {
  const containers: Tree[] = [{ name: 'app', image: 'example.com/app:1' }];
  if (proxySecurity) containers.push({ name: 'istio-proxy', image: 'auto', securityContext: proxySecurity });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'app', namespace: 'ns' },
    spec: { selector: { matchLabels: { app: 'app' } }, template: { metadata: { labels: { app: 'app' }, annotations }, spec: { containers } } },
  };
}

function inject(object: Any, values: Tree[] = []): { init: Any; proxy: Any; object: Any } {
  const r = injectObject(object, resolveInjectConfig({ values }));
  expect(r.messages).toEqual([]);
  const spec = (r.object as Any).spec.template.spec;
  const all = [...spec.initContainers, ...spec.containers];
  return {
    init: all.find((c: Any) => c.name === 'istio-init' || c.name === 'istio-validation'),
    proxy: all.find((c: Any) => c.name === 'istio-proxy'),
    object: r.object as Any,
  };
}

const uidArg = (init: Any) => init.args[init.args.indexOf('-u') + 1];
const cni = [{ pilot: { cni: { enabled: true } } }];

describe('the proxy user from the istio-proxy override', () => {
  it('keeps -u 1337 without an override', () => {
    expect(uidArg(inject(deployment(undefined)).init)).toBe('1337');
  });

  it('passes the override to istio-init -u and to the proxy; istio-init itself stays root', () => {
    const { init, proxy } = inject(deployment({ runAsUser: 2001, runAsGroup: 3001 }));
    expect(uidArg(init)).toBe('2001');
    expect(init.securityContext).toMatchObject({ runAsUser: 0, runAsGroup: 0 });
    expect(proxy.securityContext).toMatchObject({ runAsUser: 2001, runAsGroup: 3001 });
  });

  it('never exempts root: runAsUser 0 leaves -u alone', () => {
    expect(uidArg(inject(deployment({ runAsUser: 0 })).init)).toBe('1337');
  });

  it('runs istio-validation (CNI) as the proxy user and group, with -u', () => {
    const { init } = inject(deployment({ runAsUser: 2001, runAsGroup: 3001 }), cni);
    expect(init.name).toBe('istio-validation');
    expect(uidArg(init)).toBe('2001');
    expect(init.securityContext).toMatchObject({ runAsUser: 2001, runAsGroup: 3001 });
  });

  it('gives istio-validation the group alone when only the group is overridden', () => {
    const { init } = inject(deployment({ runAsGroup: 3001 }), cni);
    expect(uidArg(init)).toBe('1337');
    expect(init.securityContext).toMatchObject({ runAsUser: 1337, runAsGroup: 3001 });
  });

  it('keeps the proxy at UID 0 under TPROXY, and still exempts the override', () => {
    const { init, proxy } = inject(deployment({ runAsUser: 2001, runAsGroup: 3001 }, { 'sidecar.istio.io/interceptionMode': 'TPROXY' }));
    expect(uidArg(init)).toBe('2001');
    expect(proxy.securityContext).toMatchObject({ runAsUser: 0, runAsGroup: 3001 });
  });

  it('gives the same -u on re-injection, TPROXY included (the override is read from proxy.istio.io/overrides)', () => {
    for (const annotations of [{}, { 'sidecar.istio.io/interceptionMode': 'TPROXY' }] as Record<string, string>[]) {
      const once = inject(deployment({ runAsUser: 2001 }, annotations));
      const twice = inject(once.object);
      expect(uidArg(twice.init)).toBe('2001');
      expect(twice.proxy.securityContext).toEqual(once.proxy.securityContext);
    }
  });
});
