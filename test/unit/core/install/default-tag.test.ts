import { describe, expect, it } from 'vitest';
import { asApplied, defaultTagNeeded, planDefaultTag, withPlannedInjector } from '../../../../src/core/install/default-tag.js';
import type { InstallPlan, PlanOptions } from '../../../../src/core/install/plan.js';
import type { TagState } from '../../../../src/core/tag/plan.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

const injector = (rev: string, extra: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'MutatingWebhookConfiguration',
  metadata: {
    name: rev === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${rev}`,
    labels: { 'istio.io/rev': rev, app: 'sidecar-injector', ...extra },
  },
  webhooks: [
    { name: 'rev.namespace.sidecar-injector.istio.io', clientConfig: { service: { name: `istiod-${rev}`, namespace: 'istio-system', path: '/inject' } } },
  ],
});
const liveTag = (rev: string): KubeObject => ({
  ...injector(rev, { 'istio.io/tag': 'default' }),
  metadata: { name: 'istio-revision-tag-default', labels: { 'istio.io/rev': rev, 'istio.io/tag': 'default', app: 'sidecar-injector' } },
});
const state = (...webhooks: KubeObject[]): TagState => ({ webhooks, services: [], namespaces: [] });
const plan = (revision: string, settings: Partial<NonNullable<PlanOptions['defaultTag']>> = {}, objects: KubeObject[] = []): InstallPlan => ({
  options: { namespace: 'istio-system', revision, version: '1.30.0', defaultTag: { operatorManageWebhooks: false, autoInjectNamespaces: false, ...settings } },
  steps: [],
  objects,
});

describe('the default tag an install makes (istioctl WebhooksToDeploy)', () => {
  it('is made by a default install always, by a revision install only when no default tag exists, never when the operator manages webhooks', () => {
    expect(defaultTagNeeded(plan('default'), state(injector('default')))).toBe(true);
    expect(defaultTagNeeded(plan('default'), state(injector('default'), liveTag('canary')))).toBe(true);
    expect(defaultTagNeeded(plan('canary'), state(injector('canary')))).toBe(true);
    expect(defaultTagNeeded(plan('canary'), state(injector('canary'), liveTag('default')))).toBe(false);
    expect(defaultTagNeeded(plan('default', { operatorManageWebhooks: true }), state(injector('default')))).toBe(false);
  });

  it('points at the install revision, carries owner labels plus not-pruned, and switches off the old default injector', () => {
    const tag = planDefaultTag(plan('canary', { autoInjectNamespaces: true }), state(injector('canary'), injector('default')), false)!;
    expect(tag.objects.map((o) => `${o.kind} ${o.metadata?.name}`)).toEqual([
      'MutatingWebhookConfiguration istio-revision-tag-default',
      'ValidatingWebhookConfiguration istiod-default-validator',
      'Service istiod-revision-tag-default',
    ]);
    for (const o of tag.objects) {
      expect(o.metadata?.labels).toMatchObject({
        'istio.io/rev': 'canary',
        'istio.io/tag': 'default',
        'install.operator.istio.io/owning-resource': 'mesh',
        'operator.istio.io/component': 'Pilot',
        'install.operator.istio.io/owning-resource-not-pruned': 'true',
      });
    }
    const hooks = (tag.objects[0]!.webhooks as { name: string }[]).map((w) => w.name);
    expect(hooks).toContain('auto.sidecar-injector.istio.io');
    expect(tag.deactivate?.metadata?.name).toBe('istio-sidecar-injector');
  });

  it('is skipped, not failed, when the revision has no injector (a remote-cluster install)', () => {
    expect(planDefaultTag(plan('default'), state(), false)).toBeUndefined();
  });

  it('in a dry run is generated from the injector the plan will apply, switching nothing off', () => {
    const planned = plan('default', {}, [injector('default')]);
    const tag = planDefaultTag(planned, withPlannedInjector(state(), planned), true)!;
    expect(tag.objects[0]!.metadata?.name).toBe('istio-revision-tag-default');
    expect(tag.deactivate).toBeUndefined();
  });

  it("applies a default install's own injector switched off, and a revision install's as rendered", () => {
    const never = { matchLabels: { 'istio.io/deactivated': 'never-match' } };
    const applied = asApplied(plan('default'), injector('default'));
    expect(applied.webhooks).toEqual([expect.objectContaining({ namespaceSelector: never, objectSelector: never })]);
    expect(asApplied(plan('canary'), injector('canary'))).toEqual(injector('canary'));
    expect(asApplied(plan('default', { operatorManageWebhooks: true }), injector('default'))).toEqual(injector('default'));
  });
});
