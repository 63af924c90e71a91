import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../src/core/model/snapshot.js';
import { createContext } from '../../../../src/core/analyze/context.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import {
  pickDestinationRule,
  renderMatches,
  splitSubsets,
  virtualServiceFacts,
  virtualServicesFor,
  visibleFrom,
} from '../../../../src/core/describe/traffic.js';
import { authorizationPolicies, effectivePeerAuthentication, sidecarFor } from '../../../../src/core/describe/policies.js';
import { injectionReason, revisionOf } from '../../../../src/core/describe/pod.js';

const ctxOf = (objects: KubeObject[]) =>
  createContext(
    buildSnapshot([{ objects: objects.map((object) => ({ object, origin: { type: 'cluster' as const } })) }], {
      defaultNamespace: 'default',
      istioNamespace: 'istio-system',
      addDefaults: false,
    }),
    'test',
    () => {},
  );
const obj = (apiVersion: string, kind: string, namespace: string, name: string, spec: unknown, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion, kind, metadata: { name, namespace, ...extra }, spec }) as KubeObject;
const dr = (ns: string, name: string, spec: unknown) => obj('networking.istio.io/v1', 'DestinationRule', ns, name, spec);
const pa = (ns: string, name: string, spec: unknown, created?: string) =>
  obj('security.istio.io/v1', 'PeerAuthentication', ns, name, spec, created ? { creationTimestamp: created } : {});
const view = { namespace: 'shop', podLabels: [{ app: 'cart', version: 'v1' }], rootNamespace: 'istio-system' };
const FQDN = 'cart.shop.svc.cluster.local';

describe('exportTo visibility', () => {
  it('is everywhere by default; "." is the own namespace only; "*" and names as written', () => {
    expect(visibleFrom([], 'a', 'b')).toBe(true);
    expect(visibleFrom(['.'], 'a', 'a')).toBe(true);
    expect(visibleFrom(['.'], 'a', 'b')).toBe(false);
    expect(visibleFrom(['b'], 'a', 'b')).toBe(true);
    expect(visibleFrom(['*'], 'a', 'z')).toBe(true);
  });
});

describe('DestinationRule choice', () => {
  it('prefers an exact host over a wildcard, and the client namespace over the service and root namespaces', () => {
    const ctx = ctxOf([
      dr('istio-system', 'root', { host: 'cart.shop.svc.cluster.local' }),
      dr('other', 'wild', { host: '*.shop.svc.cluster.local' }),
      dr('shop', 'own', { host: 'cart' }),
    ]);
    expect(pickDestinationRule(ctx, FQDN, 'shop', view)?.name).toBe('own');
    const noOwn = ctxOf([dr('istio-system', 'root', { host: FQDN }), dr('other', 'wild', { host: '*.shop.svc.cluster.local' })]);
    expect(pickDestinationRule(noOwn, FQDN, 'shop', view)?.name).toBe('root');
    expect(pickDestinationRule(ctxOf([dr('other', 'wild', { host: '*.svc.cluster.local' })]), FQDN, 'shop', view)?.name).toBe('wild');
  });

  it('skips rules not exported to the client, and rules whose workloadSelector misses the pod', () => {
    const ctx = ctxOf([
      dr('other', 'private', { host: FQDN, exportTo: ['.'] }),
      dr('shop', 'selected', { host: 'cart', workloadSelector: { matchLabels: { app: 'other' } } }),
    ]);
    expect(pickDestinationRule(ctx, FQDN, 'shop', view)).toBeUndefined();
  });

  it("a short host is resolved in the rule's own namespace, not the client's", () => {
    expect(pickDestinationRule(ctxOf([dr('other', 'x', { host: 'cart' })]), FQDN, 'shop', view)).toBeUndefined();
  });

  it('splits subsets by the pod labels', () => {
    const ctx = ctxOf([
      dr('shop', 'c', { host: 'cart', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }, { name: 'all' }] }),
    ]);
    expect(splitSubsets(pickDestinationRule(ctx, FQDN, 'shop', view)!, view.podLabels)).toEqual({ matching: ['v1', 'all'], nonMatching: ['v2'] });
  });
});

describe('VirtualService routes', () => {
  const vs = (ns: string, name: string, spec: unknown) => obj('networking.istio.io/v1', 'VirtualService', ns, name, spec);
  it('applies mesh VirtualServices by host (short, FQDN, wildcard), not gateway-only ones', () => {
    const ctx = ctxOf([
      vs('shop', 'short', { hosts: ['cart'], http: [] }),
      vs('other', 'wild', { hosts: ['*.shop.svc.cluster.local'], http: [] }),
      vs('shop', 'gw', { hosts: ['cart'], gateways: ['ingress'], http: [] }),
      vs('other', 'short-elsewhere', { hosts: ['cart'], http: [] }),
      vs('other', 'hidden', { hosts: [FQDN], exportTo: ['.'], http: [] }),
    ]);
    expect(virtualServicesFor(ctx, FQDN, view).map((r) => r.name)).toEqual(['short', 'wild']);
  });

  it('says why a destination does not reach the pod: subset, unknown subset, port, other host', () => {
    const ctx = ctxOf([
      vs('shop', 'r', {
        hosts: ['cart'],
        http: [
          { route: [{ destination: { host: 'cart', subset: 'v2' } }] },
          { route: [{ destination: { host: 'cart', subset: 'v9' } }] },
          { route: [{ destination: { host: 'cart', port: { number: 81 } } }] },
          { route: [{ destination: { host: 'payments' } }] },
          { match: [{ uri: { exact: '/x' } }], route: [{ destination: { host: 'cart.shop.svc.cluster.local', subset: 'v1' }, weight: 100 }] },
        ],
      }),
    ]);
    const facts = virtualServiceFacts(virtualServicesFor(ctx, FQDN, view)[0]!, FQDN, 80, { matching: ['v1'], nonMatching: ['v2'] }, undefined);
    expect(facts.matchingRoutes.map((r) => r.index)).toEqual([4]);
    expect(facts.otherRoutes.map((r) => r.destinations[0]!.note)).toEqual([
      'subset v2 does not select this pod',
      'subset v9 but no DestinationRule defines subsets',
      'port 81, not 80',
      'another service',
    ]);
  });

  it('renders matches', () => {
    expect(renderMatches('http', [])).toBe('everything');
    expect(renderMatches('http', [{ uri: { prefix: '/a' }, headers: { b: { exact: '1' }, a: { regex: 'x.*' } } }, { method: { exact: 'GET' } }])).toBe(
      'uri /a*, headers a=~x.*; b=1 or method GET',
    );
    expect(renderMatches('tcp', [{ port: 5432 }])).toBe('port 5432');
  });
});

describe('effective PeerAuthentication', () => {
  const labels = { app: 'cart' };
  it('is PERMISSIVE with no policy', () => {
    expect(effectivePeerAuthentication(ctxOf([]), 'shop', labels, 'istio-system')).toEqual({ mode: 'PERMISSIVE', portModes: [], applied: [] });
  });

  it('namespace overrides mesh, workload overrides namespace, UNSET inherits, ports inherit when UNSET', () => {
    const ctx = ctxOf([
      pa('istio-system', 'mesh', { mtls: { mode: 'STRICT' } }),
      pa('shop', 'ns', { mtls: { mode: 'PERMISSIVE' } }),
      pa('shop', 'wl', { selector: { matchLabels: { app: 'cart' } }, mtls: { mode: 'UNSET' }, portLevelMtls: { 9000: { mode: 'DISABLE' }, 8000: {} } }),
      pa('shop', 'other', { selector: { matchLabels: { app: 'other' } }, mtls: { mode: 'DISABLE' } }),
    ]);
    const got = effectivePeerAuthentication(ctx, 'shop', labels, 'istio-system');
    expect(got.mode).toBe('PERMISSIVE');
    expect(got.portModes).toEqual([
      { port: 8000, mode: 'PERMISSIVE' },
      { port: 9000, mode: 'DISABLE' },
    ]);
    expect(got.applied.map((a) => `${a.level}:${a.name}`)).toEqual(['mesh:mesh', 'namespace:ns', 'workload:wl']);
  });

  it('the oldest policy wins at a level; a selector policy in the root namespace is not a workload policy', () => {
    const ctx = ctxOf([
      pa('shop', 'new', { mtls: { mode: 'DISABLE' } }, '2025-02-01T00:00:00Z'),
      pa('shop', 'old', { mtls: { mode: 'STRICT' } }, '2024-01-01T00:00:00Z'),
      pa('istio-system', 'rootsel', { selector: { matchLabels: { app: 'cart' } }, mtls: { mode: 'DISABLE' } }),
    ]);
    const got = effectivePeerAuthentication(ctx, 'shop', labels, 'istio-system');
    expect(got).toMatchObject({ mode: 'STRICT', applied: [{ name: 'old', level: 'namespace' }] });
  });
});

describe('AuthorizationPolicies and Sidecars', () => {
  const ap = (ns: string, name: string, spec: unknown) => obj('security.istio.io/v1', 'AuthorizationPolicy', ns, name, spec);
  const sc = (ns: string, name: string, spec: unknown) => obj('networking.istio.io/v1', 'Sidecar', ns, name, spec);
  it('applies root-namespace, namespace-wide and selecting policies, DENY before ALLOW; skips targetRefs and others', () => {
    const ctx = ctxOf([
      ap('shop', 'allow-sel', { selector: { matchLabels: { app: 'cart' } }, rules: [{}] }),
      ap('istio-system', 'deny-all-ns', { action: 'DENY', rules: [{}, {}] }),
      ap('shop', 'ns-wide', {}),
      ap('shop', 'gw', { targetRefs: [{ kind: 'Gateway', name: 'g' }] }),
      ap('shop', 'miss', { selector: { matchLabels: { app: 'other' } } }),
      ap('elsewhere', 'x', {}),
    ]);
    expect(authorizationPolicies(ctx, 'shop', { app: 'cart' }, 'istio-system').map((a) => `${a.action} ${a.name} ${a.scope} ${a.rules}`)).toEqual([
      'DENY deny-all-ns mesh 2',
      'ALLOW allow-sel workload 1',
      'ALLOW ns-wide namespace 0',
    ]);
  });

  it('a selecting Sidecar beats the namespace default, which beats the root namespace default', () => {
    const all = [sc('istio-system', 'root', {}), sc('shop', 'ns', {}), sc('shop', 'sel', { workloadSelector: { labels: { app: 'cart' } } })];
    expect(sidecarFor(ctxOf(all), 'shop', { app: 'cart' }, 'istio-system')?.name).toBe('sel');
    expect(sidecarFor(ctxOf(all), 'shop', { app: 'web' }, 'istio-system')?.name).toBe('ns');
    expect(sidecarFor(ctxOf(all.slice(0, 1)), 'shop', { app: 'web' }, 'istio-system')?.name).toBe('root');
  });
});

describe('pod facts', () => {
  it('reads the revision from istio.io/rev, else the injection status', () => {
    expect(revisionOf({ 'istio.io/rev': 'canary' })).toBe('canary');
    expect(revisionOf({ 'sidecar.istio.io/status': '{"revision":"1-30"}' })).toBe('1-30');
    expect(revisionOf({ 'sidecar.istio.io/status': 'not json' })).toBe('');
  });

  it('predicts injection of pod templates from namespace and pod labels', () => {
    const w = (labels: Record<string, string>) => ({ labels }) as Parameters<typeof injectionReason>[0];
    expect(injectionReason(w({}), { 'istio-injection': 'enabled' })).toContain('istio-injection=enabled');
    expect(injectionReason(w({ 'sidecar.istio.io/inject': 'false' }), { 'istio-injection': 'enabled' })).toBeUndefined();
    expect(injectionReason(w({}), { 'istio.io/rev': 'canary' })).toContain('istio.io/rev=canary');
    expect(injectionReason(w({}), {})).toBeUndefined();
    expect(injectionReason(w({ 'sidecar.istio.io/inject': 'true' }), { 'istio-injection': 'disabled' })).toBeUndefined();
  });
});
