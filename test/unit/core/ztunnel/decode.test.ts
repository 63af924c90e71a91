/** Go's encoding/json as istioctl's ztunnel writer applies it: decoding a dump into its structs, and what comes out. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../../src/core/ztunnel/decode.js';
import type { StructSpec } from '../../../../src/core/ztunnel/spec.js';
import { loadZtunnelDump } from '../../../../src/core/ztunnel/dump.js';
import { WORKLOAD } from '../../../../src/core/ztunnel/types.js';
// @ts-expect-error: a plain .mjs script without types
import { fixtures } from '../../../fixtures/ztunnel/generate.mjs';

const spec: StructSpec = {
  struct: 'T',
  fields: [
    ['name', 'string'],
    ['ips', { slice: 'string' }, true],
    ['gw', { ptr: { struct: 'G', fields: [['destination', 'string']] } }, true],
    ['port', { opt: 'uint16' }, true],
    ['any', 'any', true],
    ['n', 'uint32'],
    ['ports', { map: 'uint16', key: 'uint16' }],
    ['flag', 'bool', true],
  ],
};

describe('decode', () => {
  it('gives zero values for missing keys, in struct order, and drops unknown keys', () => {
    expect(decode({ extra: 1, n: 3 }, spec, 'x')).toEqual({ name: '', n: 3, ports: null });
    expect(Object.keys(decode({ ports: {}, n: 1, name: 'a' }, spec, 'x') as object)).toEqual(['name', 'n', 'ports']);
  });

  it('matches keys case-insensitively, as Go does', () => {
    expect(decode({ NAME: 'a', Ips: ['1'] }, spec, 'x')).toMatchObject({ name: 'a', ips: ['1'] });
  });

  it('leaves out omitempty fields only when empty, and pointers and interfaces only when nil', () => {
    expect(decode({ ips: [], flag: false, port: 0, any: false, gw: null }, spec, 'x')).toEqual({ name: '', port: 0, any: false, n: 0, ports: null });
  });

  it('reads uint16 map keys as numbers (080 is 80) and keeps a map of plain values as it is', () => {
    const ports = { '15008': 15008 };
    const v = decode({ ports: { '080': 80, ...ports }, any: { b: 1 } }, spec, 'x') as { ports: object; any: object };
    expect(v.ports).toEqual({ '80': 80, '15008': 15008 });
    expect((decode({ ports }, spec, 'x') as { ports: object }).ports).toBe(ports);
    expect(v.any).toEqual({ b: 1 });
  });

  it.each([
    [{ name: 1 }, 'x.name: expected a string, got 1'],
    [{ n: -1 }, 'x.n: expected an integer from 0 to 4294967295, got -1'],
    [{ n: 1.5 }, 'x.n: expected an integer from 0 to 4294967295, got 1.5'],
    [{ ips: 'a' }, 'x.ips: expected a list, got "a"'],
    [{ ports: { http: 80 } }, 'x.ports: the key "http" is not a port number'],
    [[], 'x: expected an object (T), got a list'],
  ])('refuses %j as Go does, naming the path', (value, message) => {
    expect(() => decode(value, spec, 'x')).toThrow(message);
  });

  it('reads the workloads of a dump as istioctl does', () => {
    const wl = decode({ uid: 'u', workloadIps: ['1.2.3.4'], waypoint: { destination: '/10.0.0.1', port: 15008 }, nativeTunnel: true }, WORKLOAD, 'w');
    expect(wl).toMatchObject({ uid: 'u', waypoint: { destination: '/10.0.0.1' }, locality: {}, applicationTunnel: { protocol: '' }, capacity: 0 });
    expect(wl).not.toHaveProperty('nativeTunnel');
  });
});

describe('loadZtunnelDump', () => {
  it('takes a list as it is and a map by its values; null is an empty list, absence is nil', () => {
    const d = loadZtunnelDump('{"workloads": {"a": {"name": "x"}, "b": null}, "services": null, "policies": []}', 'f');
    expect(d.workloads?.map((w) => w.name)).toEqual(['x']);
    expect(d.services).toEqual([]);
    expect(d.policies).toEqual([]);
    expect(d.certificates).toBeNull();
    expect(d.workloadState).toEqual([]);
  });

  it.each([
    ['[]', 'f: not a ztunnel config dump: expected a JSON object with workloads, services, policies and certificates'],
    ['{"configs": []}', "f: this is an Envoy config dump (a sidecar's or gateway's), not a ztunnel one"],
    ['{"foo": 1}', 'f: not a ztunnel config dump: it has none of workloads, services, policies, certificates, workloadState'],
    ['{"workloads": 3}', 'f: workloads: expected an object, got 3'],
    ['{\n "workloads": [,]}', 'f:2:16: not valid JSON'],
  ])('says in one line what is wrong with %s', (text, message) => {
    expect(() => loadZtunnelDump(text, 'f')).toThrow(message);
  });
});

describe('the generated fixtures', () => {
  it('are what test/fixtures/ztunnel/generate.mjs builds (run it after changing it)', () => {
    for (const [name, text] of Object.entries(fixtures() as Record<string, string>)) {
      expect(readFileSync(new URL(`../../../fixtures/ztunnel/${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });
});

describe('loadZtunnelDump for tables', () => {
  it('builds only what the tables read, and still refuses what Go would refuse anywhere in the dump', () => {
    const text = '{"workloads": [{"name": "a", "clusterId": "c", "locality": {"zone": "z"}}], "services": [{"name": "s", "ports": {"80": 80}}]}';
    const d = loadZtunnelDump(text, 'f', true);
    expect(d.workloads).toEqual([{ uid: '', workloadIps: null, protocol: '', name: 'a', namespace: '', node: '', status: '', hostname: '' }]);
    expect(d.services?.[0]).not.toHaveProperty('ports');
    expect(() => loadZtunnelDump('{"workloads": [{"locality": {"zone": 1}}]}', 'f', true)).toThrow('f: workloads[0].locality.zone: expected a string, got 1');
    expect(() => loadZtunnelDump('{"services": [{"ports": {"80": "x"}}]}', 'f', true)).toThrow('f: services[0].ports["80"]: expected an integer');
  });
});
