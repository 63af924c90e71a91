import { describe, expect, it } from 'vitest';
import { runWithWorld } from '../helpers/fake-context.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

const vs: KubeObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'default' },
  spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviewz' } }] }] },
};

describe('commands over the fake context (no HTTP server)', () => {
  it('analyze reads the cluster through the reader port and reports what it finds', async () => {
    const r = await runWithWorld(['analyze'], { objects: [vs] });
    expect(r.code).toBe(79);
    expect(r.stdout).toContain('Error [IST0101] (VirtualService default/reviews) Referenced host not found: "reviewz"');
  });

  it('analyze names the kinds the cluster left out, in one warning', async () => {
    const r = await runWithWorld(['analyze', '--analyzer', 'virtualservice.DestinationHostAnalyzer'], {
      objects: [vs],
      skipped: [{ kind: 'ServiceEntry', reason: 'forbidden' }],
    });
    expect(r.stderr).toContain('warning: could not read from https://fake-cluster.invalid: ServiceEntry: forbidden (403); analyzers ran without them');
  });

  it('analyze follows -n to the namespace it reports on', async () => {
    const r = await runWithWorld(['analyze', '-n', 'other'], { objects: [vs] });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toBe('✔ No validation issues found when analyzing namespace: other.\n');
  });

  it('reports a usage error before any context exists', async () => {
    const r = await runWithWorld(['analyze', '--no-such-flag']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });
});
