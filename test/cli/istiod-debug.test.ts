// mesh remote-clusters and mesh x internal-debug over the fake context: istiod pods whose monitoring port (15014)
// answers /debug/* from the world's dumps map.
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { runningPod } from '../helpers/pods.js';

// In name order, as the real pods.list gives them; remote-clusters sorts its rows itself either way.
const istiods = ['istiod-a', 'istiod-b'].map((name) => runningPod(name, 'istio-system', { app: 'istiod', 'istio.io/rev': 'default' }));
const clusterz = (extra: object[] = []) =>
  JSON.stringify([
    { id: 'Kubernetes', secretName: '', syncStatus: 'synced' },
    { id: 'c1', secretName: 'istio-system/istio-remote-secret-c1', syncStatus: 'synced' },
    ...extra,
  ]);

function world(dumps: Record<string, string>): FakeWorld {
  return { pods: istiods, dumps };
}

describe('mesh remote-clusters', () => {
  const dumps = {
    'istiod-a.istio-system:15014/debug/clusterz': clusterz([{ id: 'c2', secretName: 'istio-system/istio-remote-secret-c2', syncStatus: 'timeout' }]),
    'istiod-b.istio-system:15014/debug/clusterz': clusterz(),
  };

  it("lists every istiod's clusters as istioctl does, by istiod and name", async () => {
    const r = await runWithWorld(['remote-clusters'], world(dumps));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'NAME           SECRET                                  STATUS      ISTIOD\n' +
        'Kubernetes                                             synced      istiod-a\n' +
        'c1             istio-system/istio-remote-secret-c1     synced      istiod-a\n' +
        'c2             istio-system/istio-remote-secret-c2     timeout     istiod-a\n' +
        'Kubernetes                                             synced      istiod-b\n' +
        'c1             istio-system/istio-remote-secret-c1     synced      istiod-b\n',
    );
  });

  it('prints the rows as data with -o json', async () => {
    const r = await runWithWorld(['remote-clusters', '-o', 'json'], world(dumps));
    expect(JSON.parse(r.stdout)[2]).toEqual({ name: 'c2', secret: 'istio-system/istio-remote-secret-c2', status: 'timeout', istiod: 'istiod-a' });
  });

  it('says which istiod did not answer, and when there is none', async () => {
    const r = await runWithWorld(['remote-clusters'], world({ 'istiod-a.istio-system:15014/debug/clusterz': clusterz() }));
    expect(r.code).toBe(69);
    expect(r.stderr).toBe('error: cannot reach port 15014 of pod istiod-b.istio-system: connection refused\n');
    const none = await runWithWorld(['remote-clusters', '--revision', 'canary'], world(dumps));
    expect(none.code).toBe(69);
    expect(none.stderr).toContain('error: no running istiod pods in namespace istio-system (selector app=istiod,istio.io/rev=canary)\n');
  });
});

describe('mesh x internal-debug', () => {
  const list = JSON.stringify(['/debug/syncz', '/debug/configz', '/debug/config_dump', '/debug/edsz', '/debug/adsz?push=true', '/debug/list']);
  const dumps = {
    'istiod-a.istio-system:15014/debug/list': list,
    'istiod-a.istio-system:15014/debug/syncz': '[{"proxy":"p1.default"}]',
    'istiod-b.istio-system:15014/debug/syncz': '[]',
    'istiod-a.istio-system:15014/debug/config_dump?proxyID=productpage-1.bookinfo': '{"configs":[]}',
    'istiod-a.istio-system:15014/debug/adsz?push=true': 'Pushed to 3 servers\n',
  };

  it('prints the first istiod’s answer as indented JSON, or every istiod’s under its name with --all', async () => {
    const one = await runWithWorld(['x', 'internal-debug', 'syncz'], world(dumps));
    expect(one.code).toBe(0);
    expect(one.stdout).toBe('[\n  {\n    "proxy": "p1.default"\n  }\n]\n');
    const all = await runWithWorld(['exp', 'internal-debug', '/debug/syncz', '--all', '-o', 'yaml'], world(dumps));
    expect(all.stdout).toBe('istiod-a:\n- proxy: p1.default\nistiod-b: []\n');
  });

  it('adds proxyID from a proxy argument, and prints a text answer as it is', async () => {
    const r = await runWithWorld(['x', 'internal-debug', 'config_dump', 'productpage-1.bookinfo'], world(dumps));
    expect(r.stdout).toBe('{\n  "configs": []\n}\n');
    const text = await runWithWorld(['experimental', 'internal-debug', 'adsz?push=true'], world(dumps));
    expect(text.stdout).toBe('Pushed to 3 servers\n');
  });

  it('passes JSON on as istiod wrote it (digits, key order), and keys text answers of --all as strings', async () => {
    const w = world({
      ...dumps,
      'istiod-a.istio-system:15014/debug/pushcontext': '{"10":{"n":18446744073709551615},"2":[]}',
      'istiod-b.istio-system:15014/debug/pushcontext': 'not ready',
    });
    const r = await runWithWorld(['x', 'internal-debug', 'pushcontext', '--all'], w);
    expect(r.stdout).toBe('{\n  "istiod-a": {\n    "10": {\n      "n": 18446744073709551615\n    },\n    "2": []\n  },\n  "istiod-b": "not ready"\n}\n');
  });

  it('lists the types with --list, and names them for a type istiod does not serve', async () => {
    const r = await runWithWorld(['x', 'internal-debug', '-L'], world(dumps));
    expect(JSON.parse(r.stdout)).toEqual(['adsz', 'config_dump', 'configz', 'edsz', 'list', 'syncz']);
    const bad = await runWithWorld(['x', 'internal-debug', 'synz'], world(dumps));
    expect(bad.code).toBe(64);
    expect(bad.stderr).toBe('error: istiod serves no debug type "synz"; it serves: adsz, config_dump, configz, edsz, list, syncz\n');
  });

  it('needs a type, and an istiod', async () => {
    const r = await runWithWorld(['x', 'internal-debug'], world(dumps));
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('error: x internal-debug needs a debug type, e.g. syncz (--list lists them)\n');
    const none = await runWithWorld(['x', 'internal-debug', 'syncz', '-i', 'other'], world(dumps));
    expect(none.code).toBe(69);
  });
});
