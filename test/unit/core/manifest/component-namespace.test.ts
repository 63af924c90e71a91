import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';
import { planInstall } from '../../../../src/core/install/plan.js';
import { PLAN_OPTIONS } from '../install/fixtures.js';

const templates = injectionTemplates(readAsset);

/** kind/namespace/name of every rendered object, plus the objects themselves, for the given --set flags. */
function render(sets: string[]) {
  const objects = generateManifests({ sets, templates }).objects.map((o) => o.object);
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata?.name === name) as unknown as Record<string, any>;
  return { objects, find };
}

describe("components.pilot.namespace (the istiod chart's release namespace)", () => {
  const { find } = render(['profile=minimal', 'components.pilot.namespace=istio-control']);

  it('moves the workload, Service, HPA and ConfigMaps, and names the injector webhook after it', () => {
    for (const [kind, name] of [
      ['Deployment', 'istiod'],
      ['Service', 'istiod'],
      ['HorizontalPodAutoscaler', 'istiod'],
      ['ConfigMap', 'istio'],
      ['ConfigMap', 'istio-sidecar-injector'],
    ]) {
      expect(find(kind!, name!)?.metadata.namespace, `${kind}/${name}`).toBe('istio-control');
    }
    const hook = find('MutatingWebhookConfiguration', 'istio-sidecar-injector-istio-control');
    expect(hook.webhooks[0].clientConfig.service.namespace).toBe('istio-control');
    expect(find('ClusterRole', 'istiod-clusterrole-istio-control')).toBeDefined();
    expect(JSON.parse(JSON.stringify(find('ConfigMap', 'istio').data)).mesh).toContain('discoveryAddress: istiod.istio-control.svc:15012');
  });

  it('keeps RBAC subjects, the ServiceAccount and the validation webhook in values.global.istioNamespace', () => {
    expect(find('ServiceAccount', 'istiod').metadata.namespace).toBe('istio-system');
    expect(find('Role', 'istiod').metadata.namespace).toBe('istio-system');
    expect(find('ClusterRoleBinding', 'istiod-clusterrole-istio-control').subjects[0].namespace).toBe('istio-system');
    expect(find('ValidatingWebhookConfiguration', 'istio-validator-istio-system').webhooks[0].clientConfig.service.namespace).toBe('istio-system');
  });

  it('leaves the Base component (the reader ServiceAccount) in the control-plane namespace', () => {
    const { find: base } = render(['components.pilot.namespace=istio-control']);
    expect(base('ServiceAccount', 'istio-reader-service-account').metadata.namespace).toBe('istio-system');
  });
});

describe('namespaces', () => {
  it('renders no Namespace object, as istioctl manifest generate does not', () => {
    expect(render([]).objects.filter((o) => o.kind === 'Namespace')).toEqual([]);
  });

  it('install still creates every namespace the render uses, first', () => {
    const rendered = generateManifests({ sets: ['components.pilot.namespace=istio-control'], templates }).objects;
    const plan = planInstall(rendered, PLAN_OPTIONS);
    const first = plan.steps[0]!.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name);
    expect(first).toEqual(['istio-control', 'istio-system']);
  });
});
