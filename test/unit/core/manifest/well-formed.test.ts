import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';
import { PROFILE_NAMES } from '../../../../src/profiles/index.js';
import { kindRank } from '../../../../src/core/manifest/order.js';

/** The injection template texts, read as the commands read them. */
const templates = injectionTemplates(readAsset);

const CLUSTER_SCOPED = new Set([
  'CustomResourceDefinition',
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
]);
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

describe.each([...PROFILE_NAMES.map((p) => [p, [`profile=${p}`]] as const), ['canary revision', ['profile=demo', 'revision=canary']] as const])(
  '%s',
  (_name, sets) => {
    const { objects } = generateManifests({ sets: [...sets], templates });

    it('every object has apiVersion, kind, a valid name, and a namespace exactly when its kind is namespaced', () => {
      for (const { object } of objects) {
        expect(object.apiVersion).toMatch(/^([a-z0-9.]+\/)?v\d+(alpha\d+|beta\d+)?$/);
        expect(object.kind).toMatch(/^[A-Z][A-Za-z]+$/);
        expect(object.metadata?.name, `${object.kind}`).toMatch(NAME);
        expect(object.metadata!.name!.length).toBeLessThanOrEqual(253);
        if (CLUSTER_SCOPED.has(object.kind)) expect(object.metadata?.namespace, `${object.kind}/${object.metadata?.name}`).toBeUndefined();
        else expect(object.metadata?.namespace, `${object.kind}/${object.metadata?.name}`).toMatch(NAME);
      }
    });

    it('every object carries the owner, component and revision labels (what all revisions share: no revision)', () => {
      for (const { component, object } of objects) {
        const labels = object.metadata?.labels ?? {};
        expect(labels['install.operator.istio.io/owning-resource'], `${object.kind}/${object.metadata?.name}`).toBeTruthy();
        expect(labels['operator.istio.io/component']).toBe(component);
        const revision = (sets as readonly string[]).includes('revision=canary') ? 'canary' : 'default';
        const shared = object.kind === 'CustomResourceDefinition' || object.kind === 'Namespace' || component === 'Base';
        expect(labels['istio.io/rev'], `${object.kind}/${object.metadata?.name}`).toBe(shared ? undefined : revision);
      }
    });

    it('no two objects share an identity, and the order is apply order', () => {
      const ids = objects.map(({ object }) => `${object.apiVersion.split('/')[0]}/${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`);
      expect(new Set(ids).size).toBe(ids.length);
      const ranks = objects.map(({ object }) => kindRank(object.kind));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });

    it('workloads select their own pod labels and use Istio 1.30 images', () => {
      for (const { object } of objects.filter((o) => o.object.kind === 'Deployment' || o.object.kind === 'DaemonSet')) {
        const spec = object.spec as any;
        for (const [k, v] of Object.entries(spec.selector.matchLabels)) expect(spec.template.metadata.labels[k]).toBe(v);
        for (const c of spec.template.spec.containers)
          expect(c.image).toMatch(/^docker\.io\/istio\/(pilot|proxyv2|install-cni|ztunnel):1\.30\.3(-distroless)?$/);
      }
    });
  },
);

it('the same input renders the same output (stable)', () => {
  const a = JSON.stringify(generateManifests({ sets: ['profile=ambient'], templates }));
  expect(JSON.stringify(generateManifests({ sets: ['profile=ambient'], templates }))).toBe(a);
});

it('--set values reach what injection reads: the rendered injector and mesh ConfigMaps', () => {
  const sets = ['values.global.proxy.resources.requests.cpu=500m', 'meshConfig.accessLogFile=/dev/stdout'];
  const objects = generateManifests({ sets, templates }).objects.map((o) => o.object as any);
  const injector = objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === 'istio-sidecar-injector');
  expect(JSON.parse(injector.data.values).global.proxy.resources.requests.cpu).toBe('500m');
  const mesh = objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === 'istio');
  expect(mesh.data.mesh).toMatch(/^accessLogFile: \/dev\/stdout$/m);
});
