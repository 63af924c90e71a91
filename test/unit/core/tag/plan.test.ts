import { describe, expect, it } from 'vitest';
import { listTags, planRemoveTag, planSetTag, type TagState } from '../../../../src/core/tag/plan.js';
import { renderTagTable } from '../../../../src/render/tag.js';
import { applySetPlan, readTagState } from '../../../../src/core/tag/cluster.js';
import { FakeCluster } from '../../../helpers/fake-install-client.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

const injector = (rev: string, name = rev === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${rev}`): KubeObject => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'MutatingWebhookConfiguration',
  metadata: { name, labels: { 'istio.io/rev': rev, app: 'sidecar-injector' } },
  webhooks: [
    {
      name: 'rev.namespace.sidecar-injector.istio.io',
      clientConfig: { service: { name: `istiod-${rev}`, namespace: 'istio-system', path: '/inject', port: 443 } },
    },
  ],
});
const ns = (name: string, rev: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'istio.io/rev': rev } } });
const opts = { overwrite: false, generate: false, istioNamespace: 'istio-system', autoInjectNamespaces: false };
const state = (...objects: KubeObject[]): TagState => ({
  webhooks: objects.filter((o) => o.kind === 'MutatingWebhookConfiguration'),
  services: objects.filter((o) => o.kind === 'Service'),
  namespaces: objects.filter((o) => o.kind === 'Namespace'),
});
const withTag = (s: TagState, tag: string, rev: string): TagState => {
  const plan = planSetTag(s, { ...opts, tag, revision: rev, overwrite: true });
  return {
    ...s,
    webhooks: [...s.webhooks, ...plan.objects.filter((o) => o.kind === 'MutatingWebhookConfiguration')],
    services: [...s.services, ...plan.objects.filter((o) => o.kind === 'Service')],
  };
};

describe('planSetTag', () => {
  it('refuses a revision without a control plane, listing the revisions found', () => {
    expect(() => planSetTag(state(injector('default'), injector('canary')), { ...opts, tag: 'prod', revision: '1-31' })).toThrowError(
      expect.objectContaining({ message: expect.stringContaining('no control plane found'), hint: 'revisions found: canary, default' }),
    );
  });

  it('says so when --revision names a tag', () => {
    const s = withTag(state(injector('canary')), 'prod', 'canary');
    expect(() => planSetTag(s, { ...opts, tag: 'prod2', revision: 'prod' })).toThrowError(
      expect.objectContaining({ hint: expect.stringContaining('"prod" is a tag (pointing at revision canary)') }),
    );
  });

  it('refuses an existing tag without --overwrite and retargets it with --overwrite', () => {
    const s = withTag(state(injector('old'), injector('new')), 'prod', 'old');
    expect(() => planSetTag(s, { ...opts, tag: 'prod', revision: 'new' })).toThrowError('revision tag "prod" already exists (pointing at revision old)');
    const plan = planSetTag(s, { ...opts, tag: 'prod', revision: 'new', overwrite: true });
    expect(plan.previous).toBe('old');
    expect(plan.objects[0]!.metadata?.labels?.['istio.io/rev']).toBe('new');
    expect(plan.stale).toEqual([]);
  });

  it('refuses a tag named like a revision unless --overwrite, and checks tag names', () => {
    expect(() => planSetTag(state(injector('canary'), injector('stable')), { ...opts, tag: 'stable', revision: 'canary' })).toThrowError(
      'a control-plane revision has that name',
    );
    expect(() => planSetTag(state(injector('canary')), { ...opts, tag: '-x', revision: 'canary' })).toThrowError('invalid tag "-x"');
  });

  it('drops the objects of an earlier --webhook-name', () => {
    const s = withTag(state(injector('canary')), 'prod', 'canary');
    const plan = planSetTag(s, { ...opts, tag: 'prod', revision: 'canary', overwrite: true, webhookName: 'prod-hook' });
    expect(plan.stale.map((o) => o.metadata?.name)).toEqual(['istio-revision-tag-prod']);
  });

  it('default tag switches off the old default injector (set only, not generate)', () => {
    const s = state(injector('default'), injector('canary'));
    const plan = planSetTag(s, { ...opts, tag: 'default', revision: 'canary' });
    expect(plan.objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'MutatingWebhookConfiguration/istio-revision-tag-default',
      'ValidatingWebhookConfiguration/istiod-default-validator',
      'Service/istiod-revision-tag-default',
    ]);
    const hooks = plan.deactivate!.webhooks as { namespaceSelector: unknown; clientConfig: unknown }[];
    expect(hooks[0]!.namespaceSelector).toEqual({ matchLabels: { 'istio.io/deactivated': 'never-match' } });
    expect(hooks[0]!.clientConfig).toBeDefined();
    expect(planSetTag(s, { ...opts, tag: 'default', revision: 'canary', generate: true }).deactivate).toBeUndefined();
  });
});

describe('listTags and planRemoveTag', () => {
  it('lists tag → revision → namespaces, sorted by revision then tag', () => {
    let s = state(injector('a'), injector('b'), ns('shop', 'prod'), ns('pay', 'prod'), ns('dev', 'canary'), ns('x', 'b'));
    s = withTag(withTag(withTag(s, 'prod', 'b'), 'canary', 'a'), 'beta', 'b');
    expect(listTags(s)).toEqual([
      { tag: 'canary', revision: 'a', namespaces: ['dev'] },
      { tag: 'beta', revision: 'b', namespaces: [] },
      { tag: 'prod', revision: 'b', namespaces: ['pay', 'shop'] },
    ]);
    expect(renderTagTable(listTags(s))).toBe('TAG    REVISION NAMESPACES\ncanary a        dev\nbeta   b\nprod   b        pay,shop\n');
  });

  it('remove names the namespaces still using the tag, and refuses an unknown tag', () => {
    const s = withTag(state(injector('a'), ns('shop', 'prod')), 'prod', 'a');
    const plan = planRemoveTag(s, 'prod');
    expect(plan.namespaces).toEqual(['shop']);
    expect(plan.objects.map((o) => o.kind).sort()).toEqual(['MutatingWebhookConfiguration', 'Service']);
    expect(() => planRemoveTag(s, 'nope')).toThrowError(expect.objectContaining({ hint: 'tags found: prod' }));
  });
});

describe('cluster round trip (fake)', () => {
  it('set applies the tag; the next read sees it', async () => {
    const fake = new FakeCluster([injector('canary'), ns('shop', 'prod')]);
    const before = await readTagState(fake, 'istio-system');
    await applySetPlan(fake, planSetTag(before, { ...opts, tag: 'prod', revision: 'canary' }));
    expect(listTags(await readTagState(fake, 'istio-system'))).toEqual([{ tag: 'prod', revision: 'canary', namespaces: ['shop'] }]);
  });
});
