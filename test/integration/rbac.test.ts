// The RBAC authorizer is real: a restricted user gets 403 Forbidden for what its roles leave out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, restrictedKubeconfig, statusOf, tempNamespace } from './helpers/kube.js';

describe('RBAC', () => {
  let ns: Awaited<ReturnType<typeof tempNamespace>>;
  beforeAll(async () => {
    ns = await tempNamespace('rbac');
  });
  afterAll(async () => {
    await ns.remove();
  });

  it('a restricted kubeconfig may list what its role grants and nothing else', async () => {
    const { path, user } = await restrictedKubeconfig({
      namespace: ns.name,
      name: 'reader',
      clusterRules: [{ apiGroups: [''], resources: ['namespaces', 'services'], verbs: ['get', 'list', 'watch'] }],
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
    });
    const { core } = kube(path);
    expect((await core.listServiceForAllNamespaces()).items.length).toBeGreaterThan(0);
    await core.listNamespacedConfigMap({ namespace: ns.name });

    const denied = await core.listNamespacedConfigMap({ namespace: 'kube-system' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(statusOf(denied)).toBe(403);
    expect(String((denied as { body?: unknown }).body)).toContain(user);
    const secrets = await core.listSecretForAllNamespaces().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(statusOf(secrets)).toBe(403);
  });
});
