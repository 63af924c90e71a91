import { describe, expect, it } from 'vitest';
import { resolveValues } from '../../../src/core/manifest/index.js';
import { MeshError, UsageError } from '../../../src/errors.js';
import { OverlayError } from '../../../src/profiles/resolve.js';
import { overlayErrorWithLocation } from '../../../src/core/manifest/overlay-location.js';
import { loadDocuments } from '../../../src/core/yaml/load.js';

const values = (sets: string[]) => resolveValues({ sets }).spec.values as Record<string, any>;
const fails = (sets: string[]): MeshError => {
  try {
    resolveValues({ sets });
  } catch (e) {
    return e as MeshError;
  }
  throw new Error(`expected ${sets.join(' ')} to fail`);
};

describe('profile selection', () => {
  it('defaults to the default profile', () => {
    const iop = resolveValues({});
    expect(iop.spec.profile).toBe('default');
    expect(iop.spec.components?.ingressGateways).toEqual([{ name: 'istio-ingressgateway', enabled: true }]);
    expect(iop.spec.hub).toBe('docker.io/istio');
    expect(iop.metadata.namespace).toBe('istio-system');
  });
  it('applies the demo overlay over the defaults, keeping what demo does not change', () => {
    const v = values(['profile=demo']);
    expect(v.pilot.traceSampling).toBe(100);
    expect(v.global.proxy.resources).toEqual({ requests: { cpu: '10m', memory: '40Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } });
    expect(v.gateways['istio-ingressgateway'].ports).toHaveLength(5);
  });
  it('rejects an unknown profile and suggests the nearest', () => {
    const e = fails(['profile=dmeo']);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain('unknown profile "dmeo"');
    expect(e.hint).toBe('did you mean demo?');
  });
  it('takes the profile from an -f overlay, and a later --set wins', () => {
    const file = { origin: 'op.yaml', value: { kind: 'IstioOperator', spec: { profile: 'minimal' } } };
    expect(resolveValues({ files: [file] }).spec.profile).toBe('minimal');
    expect(resolveValues({ files: [file], sets: ['profile=ambient'] }).spec.profile).toBe('ambient');
  });
});

describe('--set paths', () => {
  it.each([
    ['values.global.proxy.resources.requests.cpu=500m', (v: any) => v.global.proxy.resources.requests.cpu, '500m'],
    ['values.pilot.autoscaleEnabled=false', (v: any) => v.pilot.autoscaleEnabled, false],
    ['values.pilot.autoscaleMin=2', (v: any) => v.pilot.autoscaleMin, 2],
    ['values.pilot.traceSampling=0.5', (v: any) => v.pilot.traceSampling, 0.5],
    ['values.pilot.env.FOO=bar', (v: any) => v.pilot.env.FOO, 'bar'],
    ['values.global.tag=1.30', (v: any) => v.global.tag, '1.30'],
    ['values.cni.excludeNamespaces=[kube-system,istio-system]', (v: any) => v.cni.excludeNamespaces, ['kube-system', 'istio-system']],
    ['values.sidecarInjectorWebhook.neverInjectSelector=[]', (v: any) => v.sidecarInjectorWebhook.neverInjectSelector, []],
    ['values.gateways.istio-ingressgateway.rollingMaxSurge=2', (v: any) => v.gateways['istio-ingressgateway'].rollingMaxSurge, 2],
    ['values.gateways.istio-ingressgateway.rollingMaxSurge=50%', (v: any) => v.gateways['istio-ingressgateway'].rollingMaxSurge, '50%'],
    ['values.pilot.podAnnotations.prometheus\\.io/scrape=true', (v: any) => v.pilot.podAnnotations['prometheus.io/scrape'], true],
  ])('%s', (flag, get, expected) => {
    expect(get(values([flag]))).toEqual(expected);
  });

  it('keeps proxyMetadata values as strings', () => {
    const iop = resolveValues({ sets: ['meshConfig.defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE=true'] });
    expect((iop.spec.meshConfig as any).defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE).toBe('true');
  });

  it('selects list elements by index and by field', () => {
    const byName = resolveValues({ sets: ['components.ingressGateways[name:istio-ingressgateway].enabled=false'] });
    expect(byName.spec.components?.ingressGateways?.[0]?.enabled).toBe(false);
    const byIndex = resolveValues({ sets: ['components.ingressGateways[0].k8s.replicaCount=3'] });
    expect(byIndex.spec.components?.ingressGateways?.[0]?.k8s?.replicaCount).toBe(3);
    const appended = resolveValues({ sets: ['components.ingressGateways[1].name=edge', 'components.ingressGateways[1].enabled=true'] });
    expect(appended.spec.components?.ingressGateways?.[1]).toEqual({ name: 'edge', enabled: true });
  });

  it('names the elements that exist when a selector matches none', () => {
    const e = fails(['components.ingressGateways[name:istio-ingresgateway].enabled=false']);
    expect(e.message).toContain('no element of components.ingressGateways has name=istio-ingresgateway (it has istio-ingressgateway)');
    expect(e.hint).toBe('did you mean [name:istio-ingressgateway]?');
    expect(fails(['components.ingressGateways[5].enabled=true']).message).toContain('has 1 element(s)');
  });

  it.each([
    [
      'values.global.proxy.resorces.requests.cpu=1',
      'unknown field "resorces" in values.global.proxy',
      'did you mean values.global.proxy.resources.requests.cpu?',
    ],
    ['meshConfig.acessLogFile=/dev/stdout', 'unknown field "acessLogFile" in meshConfig', 'did you mean meshConfig.accessLogFile?'],
    ['components.pilott.enabled=true', 'unknown field "pilott" in components', 'did you mean components.pilot.enabled?'],
    ['valus.global.hub=x', 'unknown field "valus"', 'did you mean values.global.hub?'],
  ])('unknown path %s', (flag, message, hint) => {
    const e = fails([flag]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe(`--set ${flag}: ${message}`);
    expect(e.hint).toBe(hint);
  });

  it.each([
    ['values.pilot.autoscaleEnabled=yes', 'values.pilot.autoscaleEnabled expects boolean, got "yes"'],
    ['values.pilot.autoscaleMin=two', 'values.pilot.autoscaleMin expects integer, got "two"'],
    ['components.pilot.enabled=1', 'components.pilot.enabled expects boolean, got "1"'],
    ['meshConfig.accessLogEncoding=XML', 'meshConfig.accessLogEncoding must be one of TEXT, JSON'],
  ])('wrongly typed %s', (flag, message) => {
    expect(fails([flag]).message).toBe(`--set ${flag}: ${message}`);
  });

  it('rejects a flag without =', () => {
    expect(fails(['profile']).message).toContain('expected path=value');
  });
});

describe('aliases', () => {
  it('hub, tag, revision and namespace reach the values, and the last writer wins', () => {
    const iop = resolveValues({ sets: ['hub=quay.io/me', 'tag=1.30.0', 'revision=canary', 'namespace=mesh'] });
    const v = iop.spec.values as any;
    expect([v.global.hub, v.global.tag, v.revision, v.global.istioNamespace]).toEqual(['quay.io/me', '1.30.0', 'canary', 'mesh']);
    expect(iop.metadata.namespace).toBe('mesh');
    const later = resolveValues({ sets: ['hub=a.io', 'values.global.hub=b.io'] });
    expect([later.spec.hub, (later.spec.values as any).global.hub]).toEqual(['b.io', 'b.io']);
  });
  it('--revision acts like --set revision=', () => {
    expect((resolveValues({ revision: 'blue' }).spec.values as any).revision).toBe('blue');
  });
  it('values.meshConfig folds into spec.meshConfig', () => {
    const iop = resolveValues({ sets: ['values.meshConfig.accessLogFile=/dev/stdout'] });
    expect((iop.spec.meshConfig as any).accessLogFile).toBe('/dev/stdout');
    expect((iop.spec.values as any).meshConfig).toBeUndefined();
  });
});

describe('-f overlays', () => {
  const text = [
    'apiVersion: install.istio.io/v1alpha1',
    'kind: IstioOperator',
    'spec:',
    '  values:',
    '    global:',
    '      proxy:',
    '        resorces: {}',
    '',
  ].join('\n');
  it('merge maps, replace lists, and apply in order', () => {
    const a = { origin: 'a.yaml', value: { spec: { values: { pilot: { env: { A: '1' } }, cni: { excludeNamespaces: ['x'] } } } } };
    const b = { origin: 'b.yaml', value: { spec: { values: { pilot: { env: { B: '2' } } } } } };
    const v = resolveValues({ files: [a, b] }).spec.values as any;
    expect(v.pilot.env).toEqual({ A: '1', B: '2' });
    expect(v.cni.excludeNamespaces).toEqual(['x']);
  });
  it('reports an unknown field with its file, line and column', async () => {
    const [doc] = loadDocuments(text, 'op.yaml');
    let error: unknown;
    try {
      resolveValues({ files: [doc!] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OverlayError);
    const located = (await overlayErrorWithLocation(error)) as MeshError;
    expect(located.message).toBe('op.yaml:7:9: spec.values.global.proxy.resorces: unknown field (did you mean resources?)');
  });
  it('rejects documents that are not IstioOperators', () => {
    expect(() => resolveValues({ files: [{ origin: 'x.yaml', value: { kind: 'Deployment', apiVersion: 'apps/v1' } }] })).toThrow(
      /expected kind IstioOperator, got Deployment/,
    );
  });
});
