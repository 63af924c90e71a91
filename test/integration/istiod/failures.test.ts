// istiod's own failures stop the suite with istiod's own words, not a timeout: a mesh config it cannot
// read (it carries on with its defaults, which the harness does not accept) and an injection template
// it cannot parse (it exits).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startIstiod } from '../helpers/istiod.js';
import { kube } from '../helpers/kube.js';
import { meshInstall } from '../helpers/mesh.js';

const NS = 'istio-system';

async function breakConfigMap(name: string, key: string, value: string): Promise<void> {
  await kube().core.patchNamespacedConfigMap({ name, namespace: NS, body: [{ op: 'replace', path: `/data/${key}`, value }] });
}

/** The message startIstiod rejects with (or "started", after stopping the istiod that did start). */
async function startFailure(): Promise<string> {
  return startIstiod({ timeoutMs: 60_000 }).then(
    (istiod) => istiod.stop().then(() => 'started'),
    (err: Error) => err.message,
  );
}

describe("istiod's own failures, reported with its log line", () => {
  beforeAll(async () => {
    expect((await meshInstall(['--set', 'profile=demo'])).code).toBe(0);
  });
  // The test edited the ConfigMaps with another field manager; the install takes them back.
  afterEach(async () => {
    const res = await meshInstall(['--set', 'profile=demo', '--force-conflicts']);
    expect(res.code, res.stderr).toBe(0);
  });

  it('a mesh config istiod cannot read', async () => {
    await breakConfigMap('istio', 'mesh', 'defaultConfig:\n  discoveryAddress: [1, 2\n');
    expect(await startFailure()).toMatch(/^istiod refused its configuration: .*\twarn\tinvalid mesh config, using last known state: .*did not find expected/);
  });

  it('an injection template istiod cannot parse', async () => {
    await breakConfigMap('istio-sidecar-injector', 'config', 'policy: enabled\ntemplates:\n  sidecar: "{{ .Bad"\n');
    expect(await startFailure()).toMatch(/^istiod stopped \(exit \d+\): .*error initializing sidecar injector.*unclosed action/);
  });
});
