import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import type { View } from '../../../../src/core/proxy-config/view.js';
import { renderView } from '../../../../src/render/proxy-config.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/proxy-config/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-21T12:00:00Z');
const text = (view: View, input: string, extra: object = {}) => {
  const r = renderView(view, input, 'dump.json', { output: 'short', now, ...extra });
  if (!('text' in r)) throw new Error('expected text');
  return r.text;
};

/** Rewrites every snake_case key as lowerCamelCase, as protojson writers (istioctl -o json) print Envoy config. */
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), camel(v)]));
}

describe('renderView', () => {
  const dump = fixture('productpage.config_dump.json');
  const clusters = fixture('productpage.clusters.json');
  const camelDump = JSON.stringify(camel(JSON.parse(dump)));
  const camelClusters = JSON.stringify(camel(JSON.parse(clusters)));

  it.each(['all', 'bootstrap', 'cluster', 'ecds', 'eds', 'listener', 'route', 'secret'] as const)(
    'reads %s the same from snake_case and camelCase JSON',
    (view) => {
      const snakeText = text(view, dump, { withHeaders: true });
      expect(snakeText.split('\n').length).toBeGreaterThan(3);
      expect(text(view, camelDump, { withHeaders: true })).toBe(snakeText);
    },
  );

  it('reads /clusters output the same from snake_case and camelCase JSON', () => {
    expect(text('endpoint', camelClusters)).toBe(text('endpoint', clusters));
  });

  it('checks certificates against the given clock', () => {
    const before = text('secret', dump, { now: new Date('2026-11-20T00:00:00Z') });
    expect(before).toMatch(/^default +Cert Chain +ACTIVE +false /m);
    expect(before).toMatch(/^ROOTCA +CA +ACTIVE +true /m);
    expect(text('secret', dump, { now: new Date('2037-01-01T00:00:00Z') })).not.toMatch(/ true /);
  });

  it('prints the selected raw configuration for json, filtered', () => {
    const r = renderView('cluster', dump, 'dump.json', { output: 'json', now, cluster: { fqdn: 'reviews', subset: 'v2' } });
    expect('data' in r && (r.data as { name: string }[]).map((c) => c.name)).toEqual(['outbound|9080|v2|reviews.bookinfo.svc.cluster.local']);
    const all = renderView('all', dump, 'dump.json', { output: 'yaml', now });
    expect('data' in all && all.data).toEqual(JSON.parse(dump));
  });

  it('keeps only matching hosts in endpoint json', () => {
    const r = renderView('endpoint', clusters, 'c.json', { output: 'json', now, endpoint: { address: '10.244.3.14' } });
    const data = 'data' in r ? (r.data as { name: string; host_statuses: unknown[] }[]) : [];
    expect(data.map((c) => [c.name, c.host_statuses.length])).toEqual([
      ['outbound|9080||reviews.bookinfo.svc.cluster.local', 1],
      ['outbound|9080|v2|reviews.bookinfo.svc.cluster.local', 1],
    ]);
  });

  it.each([
    ['cluster', '[]', 'not an Envoy config dump'],
    ['cluster', '{"configs": {}}', 'not an Envoy config dump'],
    ['endpoint', '[1]', "not the output of Envoy's /clusters?format=json"],
    ['route', '{"configs": [{"@type": "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump"}]}', 'the config dump has no routes section'],
    ['eds', '{"configs": []}', 'the config dump has no endpoints (dump it with ?include_eds) section'],
  ] as const)('rejects %s input %s', (view, input, message) => {
    expect(() => renderView(view, input, 'x.json', { output: 'short', now })).toThrow(InputError);
    expect(() => renderView(view, input, 'x.json', { output: 'short', now })).toThrow(`x.json: ${message}`);
  });

  it('accepts an empty /clusters answer and empty sections', () => {
    expect(text('endpoint', '{}')).toBe('ENDPOINT     STATUS     OUTLIER CHECK     CLUSTER\n');
    expect(text('secret', '{"configs": [{"@type": "type.googleapis.com/envoy.admin.v3.SecretsConfigDump"}]}')).toBe('No active or warming secrets found.\n');
    expect(text('cluster', '{"configs": [{"@type": "type.googleapis.com/envoy.admin.v2alpha.ClustersConfigDump"}]}')).toBe(
      'SERVICE FQDN     PORT     SUBSET     DIRECTION     TYPE     DESTINATION RULE\n',
    );
  });
});

describe('the view registries', () => {
  it('have one CLI entry per core view, with an admin path that names an Envoy admin endpoint', async () => {
    const { VIEWS } = await import('../../../../src/core/proxy-config/view.js');
    const { VIEW_COMMANDS } = await import('../../../../src/commands/proxy-config/views.js');
    expect(VIEW_COMMANDS.map((v) => v.name)).toEqual([...VIEWS]);
    for (const v of VIEW_COMMANDS) expect(v.adminPath).toMatch(/^\/(config_dump|clusters)(\?|$)/);
  });
});
