import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const FILES = ['samples/ordering.yaml', 'samples/mistakes/'];
const offline = (...args: string[]) => runCli(['analyze', '--use-kube=false', ...args]);

describe('mesh analyze', () => {
  it('analyzes with the mesh config of --meshConfigFile (DNS auto-allocation makes addresses optional)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-analyze-'));
    const entry = join(dir, 'se.yaml');
    writeFileSync(
      entry,
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\n  namespace: default\nspec:\n  hosts: [db.example.com]\n  exportTo: [.]\n  ports: [{number: 443, name: https}]\n  location: MESH_EXTERNAL\n  resolution: DNS\n',
    );
    const mesh = join(dir, 'mesh.yaml');
    writeFileSync(mesh, 'defaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_CAPTURE: "true"\n    ISTIO_META_DNS_AUTO_ALLOCATE: "true"\n');
    // Without auto-allocation, a TCP-ish port needs addresses; the mesh config turns auto-allocation on.
    expect((await offline(entry)).stdout).toContain('IST0134');
    expect(await offline(entry, '--meshConfigFile', mesh)).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 0 with the success line on stderr when nothing is found', async () => {
    const r = await offline('samples/ordering.yaml');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '✔ No validation issues found when analyzing samples/ordering.yaml.\n' });
  });

  it.each(['log', 'json', 'yaml', 'sarif'])('exits 79 on errors whatever -o is (%s)', async (format) => {
    const r = await offline(...FILES, '-o', format);
    expect(r.code).toBe(79);
  });

  it('honours --failure-threshold and --output-threshold separately', async () => {
    const onlyInfo = await offline('samples/mistakes/namespaces.yaml');
    expect(onlyInfo.code).toBe(0);
    expect(onlyInfo.stdout).toContain('IST0102');
    expect((await offline('samples/mistakes/namespaces.yaml', '--failure-threshold', 'Info')).code).toBe(79);
    const quiet = await offline('samples/mistakes/namespaces.yaml', '--output-threshold', 'Warning', '--failure-threshold', 'info');
    expect(quiet).toMatchObject({ code: 79, stdout: '' });
  });

  it('shows the same messages, with their lines, under --output-threshold as without it (hidden ones are not located)', async () => {
    const all = JSON.parse((await offline(...FILES, '-o', 'json')).stdout) as { level: string }[];
    const errors = await offline(...FILES, '-o', 'json', '--output-threshold', 'Error');
    expect(errors.code).toBe(79);
    expect(JSON.parse(errors.stdout)).toEqual(all.filter((m) => m.level === 'Error'));
    expect(all.some((m) => m.level !== 'Error')).toBe(true);
  });

  it('suppresses with -S in both the documented and the origin form, with wildcards', async () => {
    const r = await offline('samples/mistakes/namespaces.yaml', '-S', 'IST0102=Namespace reporting', '-S', 'IST0118=Service *.reporting');
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const r2 = await offline('samples/mistakes/namespaces.yaml', '-S', 'IST0118=Service reporting/reports');
    expect(r2.stdout).not.toContain('IST0118');
    expect(r2.stdout).toContain('IST0102');
  });

  it('suppresses with the galley.istio.io/analyze-suppress annotation', async () => {
    const yaml = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: quiet\n  annotations: {galley.istio.io/analyze-suppress: "IST0102"}\n';
    const r = await runCli(['analyze', '--use-kube=false', '-'], { stdin: yaml });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('warns about unknown -S codes and rejects malformed ones', async () => {
    expect((await offline('samples/ordering.yaml', '-S', 'IST9999=Pod x.y')).stderr).toContain('IST9999');
    const bad = await offline('samples/ordering.yaml', '-S', 'nonsense');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^error: invalid --suppress value/);
  });

  it('lists analyzers with -L', async () => {
    const r = await runCli(['analyze', '-L']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('* virtualservice.DestinationHostAnalyzer:\n    ');
    expect(r.stdout.match(/^\* /gm)!.length).toBeGreaterThan(20);
  });

  it('runs only the analyzers named with --analyzer, and rejects unknown names', async () => {
    const r = await offline(...FILES, '--analyzer', 'gateway.IngressGatewayPortAnalyzer');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect((await offline(...FILES, '--analyzer', 'nope')).code).toBe(64);
  });

  it('analyzes the files alone, saying so once, when the cluster is unreachable', async () => {
    const r = await runCli(['analyze', '--kubeconfig', '/nonexistent/kubeconfig', 'samples/ordering.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning: .*analyzing the files only/g)).toHaveLength(1);
  });

  it('fails with a one-line error when there is no cluster and no file', async () => {
    const r = await runCli(['analyze', '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^error: cannot load kubeconfig/);
  });

  it('reports file:line:col for malformed YAML, or skips it with --ignore-unknown', async () => {
    const r = await runCli(['analyze', '--use-kube=false', '-'], { stdin: 'a: [\n' });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: <stdin>:\d+:\d+: /);
    const skipped = await runCli(['analyze', '--use-kube=false', '--ignore-unknown', '-'], { stdin: 'a: [\n' });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('warning: skipping <stdin>');
  });
});
