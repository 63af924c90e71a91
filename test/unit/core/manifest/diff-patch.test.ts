import { describe, expect, it } from 'vitest';
import { diffManifests, objectId } from '../../../../src/core/manifest/diff.js';
import { applyK8s, mergeByName } from '../../../../src/core/manifest/k8s-patch.js';
import { loadDocuments, type KubeObject } from '../../../../src/core/yaml/load.js';

describe('diffManifests', () => {
  const a = loadDocuments(
    'apiVersion: networking.istio.io/v1beta1\nkind: Gateway\nmetadata: {name: g, namespace: ns1}\nspec: {selector: {a: b}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone, namespace: ns1}\n',
    'a.yaml',
  );
  const b = loadDocuments(
    'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {namespace: ns1, name: g}\nspec: {selector: {a: c}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: new, namespace: ns1}\n',
    'b.yaml',
  );
  it('matches objects by group, kind, namespace and name, ignoring the version and key order', () => {
    const d = diffManifests(a, b);
    expect(d.onlyInA).toEqual(['ConfigMap ns1/gone']);
    expect(d.onlyInB).toEqual(['ConfigMap ns1/new']);
    expect(d.changed.map((c) => c.id)).toEqual(['Gateway.networking.istio.io ns1/g']);
    expect(diffManifests(a, a)).toEqual({ onlyInA: [], onlyInB: [], changed: [], same: 2 });
  });
  it('names cluster-scoped objects without a namespace', () => {
    expect(objectId({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } })).toBe(
      'ClusterRole.rbac.authorization.k8s.io r',
    );
  });
});

describe('applyK8s', () => {
  const deployment = (): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'istiod', namespace: 'istio-system' },
    spec: { template: { spec: { containers: [{ name: 'discovery', env: [{ name: 'A', value: '1' }], args: ['x', 'y'] }] } } },
  });
  it('merges env by name and replaces resources', () => {
    const objs = [deployment()];
    applyK8s(
      objs,
      {
        env: [
          { name: 'A', value: '2' },
          { name: 'B', value: '3' },
        ],
        resources: { requests: { cpu: '1' } },
        replicaCount: 2,
      },
      'istiod',
      'discovery',
    );
    const spec = objs[0]!.spec as any;
    expect(spec.replicas).toBe(2);
    expect(spec.template.spec.containers[0].env).toEqual([
      { name: 'A', value: '2' },
      { name: 'B', value: '3' },
    ]);
    expect(spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '1' } });
  });
  it('applies overlays by path with list selectors, and reports a selector that matches nothing', () => {
    const objs = [deployment()];
    applyK8s(
      objs,
      { overlays: [{ kind: 'Deployment', name: 'istiod', patches: [{ path: 'spec.template.spec.containers.[name:discovery].args.[1]', value: 'z' }] }] },
      'istiod',
      'discovery',
    );
    expect((objs[0]!.spec as any).template.spec.containers[0].args).toEqual(['x', 'z']);
    expect(() =>
      applyK8s(
        objs,
        { overlays: [{ kind: 'Deployment', name: 'istiod', patches: [{ path: 'spec.template.spec.containers.[name:nope].args', value: [] }] }] },
        'istiod',
        'discovery',
      ),
    ).toThrow('k8s.overlays Deployment/istiod: spec.template.spec.containers.[name:nope].args: no element matches [name:nope]');
  });
});

describe('mergeByName (strategic merge of container env)', () => {
  const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }));
  it('merges same-named items in place and slots new ones after the patch item before them', () => {
    const merged = mergeByName(env('REVISION', 'CERT', 'POD_NAME', 'POD_NAMESPACE'), [{ name: 'POD_NAME', value: 'x' }, ...env('GODEBUG', 'NEW')]);
    expect(merged.map((e) => `${e.name}=${e.value}`)).toEqual([
      'REVISION=revision',
      'CERT=cert',
      'POD_NAME=x',
      'GODEBUG=godebug',
      'NEW=new',
      'POD_NAMESPACE=pod_namespace',
    ]);
  });
  it('puts new items first when no patch item is known to the chart', () => {
    expect(mergeByName(env('A', 'B'), env('C')).map((e) => e.name)).toEqual(['C', 'A', 'B']);
  });
});
