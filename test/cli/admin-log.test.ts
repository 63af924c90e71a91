// mesh admin log over the fake context: istiod pods whose ControlZ port (9876) answers from the world's dumps map.
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import type { PodInfo } from '../../src/core/model/pods.js';

const pod = (name: string, labels: Record<string, string>, namespace = 'istio-system'): PodInfo => ({
  name,
  namespace,
  labels,
  annotations: {},
  phase: 'Running',
  ready: true,
  creationTimestamp: '2026-12-01T00:00:00Z',
});
const scopes = JSON.stringify([
  { name: 'default', description: 'Unscoped logging messages.', output_level: 'info', stack_trace_level: 'none', log_callers: false },
  { name: 'ads', description: 'ads debugging', output_level: 'info', stack_trace_level: 'none', log_callers: false },
  { name: 'authorization', description: 'Istio Authorization Policy', output_level: 'warn', stack_trace_level: 'none', log_callers: false },
]);

function world(extra: Record<string, string> = {}): FakeWorld {
  return {
    pods: [pod('istiod-a', { app: 'istiod', 'istio.io/rev': 'default' }), pod('istiod-b', { app: 'istiod', 'istio.io/rev': 'canary' })],
    dumps: {
      'istiod-a.istio-system:9876/scopej/': scopes,
      'istiod-b.istio-system:9876/scopej/': scopes,
      ...Object.fromEntries(
        ['ads', 'authorization', 'default'].flatMap((s) => [
          [`istiod-a.istio-system:9876/scopej/${s}`, ''],
          [`istiod-b.istio-system:9876/scopej/${s}`, ''],
        ]),
      ),
      ...extra,
    },
  };
}

describe('mesh admin log', () => {
  it("lists one istiod's scopes in istioctl's table, sorted by name", async () => {
    const r = await runWithWorld(['admin', 'log', 'istiod-a'], world());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ACTIVE SCOPE    DESCRIPTION                  LOG LEVEL   STACK TRACE LEVEL\n' +
        'ads             ads debugging                info        none\n' +
        'authorization   Istio Authorization Policy   warn        none\n' +
        'default         Unscoped logging messages.   info        none\n',
    );
    expect(r.ctx.requests).toEqual(['GET istiod-a.istio-system:9876/scopej/']);
  });

  it("prints istioctl's JSON fields with -o json, and an istiod field when several answer", async () => {
    const one = await runWithWorld(['admin', 'l', 'istiod-a.istio-system', '-o', 'json'], world());
    expect(JSON.parse(one.stdout)[0]).toEqual({ scope_name: 'ads', log_level: 'info', stack_trace_level: 'none', description: 'ads debugging' });
    const all = await runWithWorld(['admin', 'log', '-o', 'yaml'], world());
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('- istiod: istiod-b.istio-system\n  scope_name: ads\n');
  });

  it('changes the named scopes on every istiod of the revision, one PUT per scope', async () => {
    const r = await runWithWorld(['admin', 'log', '-r', 'canary', '--level', 'ads:debug', '--stack-trace-level', 'ads:error,default:warn'], world());
    expect(r.code).toBe(0);
    expect(r.ctx.requests).toEqual([
      'GET istiod-b.istio-system:9876/scopej/',
      'PUT istiod-b.istio-system:9876/scopej/ads {"name":"ads","output_level":"debug","stack_trace_level":"error"}',
      'PUT istiod-b.istio-system:9876/scopej/default {"name":"default","stack_trace_level":"warn"}',
    ]);
    expect(r.stderr).toBe('✔ 2 scopes updated on istiod-b\n');
  });

  it('resets every scope of every istiod', async () => {
    const r = await runWithWorld(['admin', 'log', '--reset'], world());
    expect(r.code).toBe(0);
    expect(r.ctx.requests.filter((q) => q.startsWith('PUT'))).toHaveLength(6);
    expect(r.ctx.requests).toContain(
      'PUT istiod-a.istio-system:9876/scopej/authorization {"name":"authorization","output_level":"info","stack_trace_level":"none"}',
    );
    const logOnly = await runWithWorld(['admin', 'log', 'istiod-a', '--log-reset'], world());
    expect(logOnly.ctx.requests).toContain('PUT istiod-a.istio-system:9876/scopej/ads {"name":"ads","output_level":"info"}');
  });

  it.each([
    [['--level', 'ads:loud'], 'error: --level: "loud" is not a level (none, error, warn, info, debug)\n'],
    [['--level', 'ads'], 'error: --level: "ads" is not <scope>:<level>\n'],
    [['--level', 'adz:debug'], 'error: --level: istiod has no scope "adz" (`mesh admin log` lists them)\n'],
    [['--level', 'ads:debug', '--reset'], 'error: --level cannot be combined with --reset or --log-reset\n'],
    [['--stack-trace-level', 'ads:debug', '--stack-trace-reset'], 'error: --stack-trace-level cannot be combined with --reset or --stack-trace-reset\n'],
  ])('%j is a usage error and changes nothing', async (flags, message) => {
    const r = await runWithWorld(['admin', 'log', 'istiod-a', ...flags], world());
    expect(r.code).toBe(64);
    expect(r.stderr).toBe(message);
    expect(r.ctx.requests.filter((q) => q.startsWith('PUT'))).toEqual([]);
  });

  it('says so when no istiod runs, when the pod is unknown, and when the port is not ControlZ', async () => {
    const none = await runWithWorld(['admin', 'log', '-i', 'mesh-system'], world());
    expect(none.code).toBe(69);
    expect(none.stderr).toMatch(/^error: no running istiod pods in namespace mesh-system \(selector app=istiod\)\nhint: /);
    const unknown = await runWithWorld(['admin', 'log', 'istiod-zz'], world());
    expect(unknown.code).toBe(69);
    expect(unknown.stderr).toBe('error: pod istiod-zz in namespace istio-system not found\n');
    const notControlz = await runWithWorld(['admin', 'log', 'istiod-a'], world({ 'istiod-a.istio-system:9876/scopej/': '<html>' }));
    expect(notControlz.code).toBe(69);
    expect(notControlz.stderr).toBe("error: port 9876 of pod istiod-a.istio-system did not answer with ControlZ's scope list (is it istiod?)\n");
  });

  it('reports the scope changes an istiod refused, after trying all', async () => {
    const w = world();
    delete w.dumps!['istiod-b.istio-system:9876/scopej/ads'];
    const r = await runWithWorld(['admin', 'log', '--level', 'ads:debug'], w);
    expect(r.code).toBe(69);
    expect(r.stderr).toBe('error: 1 of 2 scope changes failed: istiod-b: scope ads: cannot reach port 9876 of pod istiod-b.istio-system: connection refused\n');
  });
});
