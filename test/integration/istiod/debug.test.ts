// mesh's istiod debugging commands against the real istiod, reached through its kwok pod's port-forward:
// `admin log` lists and changes ControlZ's log scopes (9876), `x internal-debug` and `remote-clusters` read
// /debug/* on the monitoring port (15014). Each answer is checked against what the process serves directly
// on its loopback listener, so mesh neither drops nor invents anything.
import { describe, expect, it } from 'vitest';
import { runMesh, type MeshResult } from '../helpers/mesh.js';
import { useRealIstiod } from './real-istiod.js';

function ok(res: MeshResult): void {
  expect(res.code, `mesh exited ${res.code}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`).toBe(0);
}

/** A scope as ControlZ serves it on /scopej/. */
interface Scope {
  name: string;
  output_level: string;
  stack_trace_level: string;
}

/** A row of `admin log -o json` (istioctl's keys). */
interface ScopeRow {
  scope_name: string;
  log_level: string;
  stack_trace_level: string;
}

describe('mesh debugging the real istiod', () => {
  const istiod = useRealIstiod();
  const direct = async (port: number, path: string): Promise<unknown> => (await fetch(`http://127.0.0.1:${port}${path}`)).json();
  const scopes = async (): Promise<ScopeRow[]> => {
    const res = await runMesh(['admin', 'log', '-o', 'json']);
    ok(res);
    return JSON.parse(res.stdout) as ScopeRow[];
  };
  const level = (list: ScopeRow[], name: string) => list.find((s) => s.scope_name === name)?.log_level;

  it('admin log lists the scopes ControlZ serves; --level ads:debug shows in the list; --reset takes it back to info', async () => {
    const served = (await direct(istiod().ports.ctrlz, '/scopej/')) as Scope[];
    const listed = await scopes();
    expect(listed.map((s) => s.scope_name).sort()).toEqual(served.map((s) => s.name).sort());
    expect(level(listed, 'ads')).toBe('info');
    const table = await runMesh(['admin', 'log']);
    ok(table);
    expect(table.stdout.split('\n')[0]).toMatch(/^ACTIVE SCOPE\s+DESCRIPTION\s+LOG LEVEL\s+STACK TRACE LEVEL\s*$/);
    expect(table.stdout).toMatch(/^ads\s+.*\s+info\s+none\s*$/m);

    ok(await runMesh(['admin', 'log', '--level', 'ads:debug']));
    expect(level(await scopes(), 'ads')).toBe('debug');
    expect(((await direct(istiod().ports.ctrlz, '/scopej/')) as Scope[]).find((s) => s.name === 'ads')?.output_level).toBe('debug');

    ok(await runMesh(['admin', 'log', '--reset']));
    const reset = await scopes();
    expect(reset.filter((s) => s.log_level !== 'info' || s.stack_trace_level !== 'none')).toEqual([]);
  });

  it('x internal-debug syncz and configz print what istiod serves, as JSON', async () => {
    for (const type of ['syncz', 'configz']) {
      const res = await runMesh(['x', 'internal-debug', type, '-o', 'json']);
      ok(res);
      const parsed = JSON.parse(res.stdout) as unknown;
      expect(Array.isArray(parsed), `${type}: ${res.stdout.slice(0, 200)}`).toBe(true);
      expect(parsed).toEqual(await direct(istiod().ports.monitoring, `/debug/${type}`));
    }
  });

  it('remote-clusters lists the local cluster, synced, as istiod reports it', async () => {
    const clusterz = (await direct(istiod().ports.monitoring, '/debug/clusterz')) as Array<{ id: string; secretName: string; syncStatus: string }>;
    const res = await runMesh(['remote-clusters', '-o', 'json']);
    ok(res);
    const rows = JSON.parse(res.stdout) as Array<{ name: string; secret: string; status: string; istiod: string }>;
    expect(rows).toEqual(clusterz.map((c) => ({ name: c.id, secret: c.secretName, status: c.syncStatus, istiod: istiod().pod })));
    expect(rows.map((r) => [r.name, r.status])).toEqual([['Kubernetes', 'synced']]);
    const table = await runMesh(['remote-clusters']);
    ok(table);
    expect(table.stdout).toMatch(new RegExp(`^NAME\\s+SECRET\\s+STATUS\\s+ISTIOD\\s*\\nKubernetes\\s+synced\\s+${istiod().pod}\\s*\\n$`));
  });
});
