import { describe, expect, it } from 'vitest';
import { checkClusterName, remoteSecret, remoteSecretYaml } from '../../../../src/core/multicluster/remote-secret.js';
import { parseClusterz, remoteClusterRows } from '../../../../src/core/multicluster/clusterz.js';

describe('remote secret', () => {
  it('accepts DNS-1123 labels only as cluster names', () => {
    for (const ok of ['c0', 'a', '123', 'east-1', 'x'.repeat(63)]) expect(() => checkClusterName(ok)).not.toThrow();
    for (const bad of ['', 'C0', '-a', 'a-', 'a.b', 'a_b', 'x'.repeat(64)]) expect(() => checkClusterName(bad)).toThrow('is not a valid DNS 1123 label');
  });

  it('keys a config-type secret "config" and sorts the plug-in config', () => {
    const secret = remoteSecret({
      clusterName: 'primary',
      type: 'config',
      namespace: 'istio-system',
      server: 'https://x:6443',
      caDataBase64: 'Q0E=',
      auth: { type: 'plugin', name: 'gcp', config: { b: '2', a: '1' } },
    });
    expect(secret.metadata).toMatchObject({ name: 'istio-kubeconfig' });
    const text = remoteSecretYaml(secret);
    expect(text).toContain('  config: |\n');
    expect(text).toContain('        auth-provider:\n          config:\n            a: "1"\n            b: "2"\n          name: gcp\n');
    expect(text.endsWith('---\n')).toBe(true);
  });

  it('refuses an empty server', () => {
    expect(() =>
      remoteSecret({ clusterName: 'c', type: 'remote', namespace: 'n', server: '', caDataBase64: '', auth: { type: 'bearer-token', token: 't' } }),
    ).toThrow('pass --server');
  });
});

describe('clusterz', () => {
  it('reads the list, tolerating missing fields, and refuses what is not a list', () => {
    expect(parseClusterz('[{"id":"c1"}]')).toEqual([{ id: 'c1', secretName: '', syncStatus: '' }]);
    expect(parseClusterz('{"id":"c1"}')).toBeUndefined();
    expect(parseClusterz('nope')).toBeUndefined();
  });

  it('sorts rows by istiod, then cluster', () => {
    const rows = remoteClusterRows([
      { istiod: 'b', clusters: [{ id: 'z', secretName: '', syncStatus: 's' }] },
      {
        istiod: 'a',
        clusters: [
          { id: 'y', secretName: '', syncStatus: 's' },
          { id: 'x', secretName: '', syncStatus: 's' },
        ],
      },
    ]);
    expect(rows.map((r) => `${r.istiod}/${r.name}`)).toEqual(['a/x', 'a/y', 'b/z']);
  });
});
