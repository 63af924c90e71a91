import { describe, expect, it } from 'vitest';
import { planSetTag, type TagState } from '../../../../src/core/tag/plan.js';
import { tagConflicts } from '../../../../src/core/tag/conflicts.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

const hook = (name: string, rev: string, nsValues: string[]): KubeObject => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'MutatingWebhookConfiguration',
  metadata: { name, labels: { 'istio.io/rev': rev } },
  webhooks: [
    {
      name: 'rev.namespace.sidecar-injector.istio.io',
      clientConfig: { service: { name: `istiod-${rev}`, namespace: 'istio-system', path: '/inject' } },
      namespaceSelector: {
        matchExpressions: [
          { key: 'istio.io/rev', operator: 'In', values: nsValues },
          { key: 'istio-injection', operator: 'DoesNotExist' },
        ],
      },
    },
  ],
});
const options = { overwrite: false, generate: false, istioNamespace: 'istio-system', autoInjectNamespaces: false };

describe('tagConflicts', () => {
  it('is empty for a tag nothing else selects', () => {
    const state: TagState = { webhooks: [hook('istio-sidecar-injector-canary', 'canary', ['canary'])], services: [], namespaces: [] };
    expect(tagConflicts(state, planSetTag(state, { ...options, tag: 'prod', revision: 'canary' }), 'istio-system')).toEqual([]);
  });

  it('names the webhook the new tag would overlap with', () => {
    // A hand-made injector that already answers istio.io/rev=prod namespaces.
    const state: TagState = {
      webhooks: [hook('istio-sidecar-injector-canary', 'canary', ['canary']), hook('hand-made', 'old', ['prod'])],
      services: [],
      namespaces: [],
    };
    const messages = tagConflicts(state, planSetTag(state, { ...options, tag: 'prod', revision: 'canary' }), 'istio-system');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/istio-revision-tag-prod\/rev\.namespace\.sidecar-injector\.istio\.io overlaps with hand-made\//);
  });

  it('does not count the old default injector, which set switches off', () => {
    const state: TagState = {
      webhooks: [hook('istio-sidecar-injector', 'default', ['default']), hook('istio-sidecar-injector-canary', 'canary', ['canary'])],
      services: [],
      namespaces: [],
    };
    const m = tagConflicts(state, planSetTag(state, { ...options, tag: 'default', revision: 'canary' }), 'istio-system');
    expect(m).toEqual([]);
  });
});
