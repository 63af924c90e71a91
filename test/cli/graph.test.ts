// mesh graph as a program: output targets (-o format, --output file, --open), bad input and usage errors, the
// cluster as the input, and the layout library loaded by graph's drawings alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';
import type { KubeObject } from '../../src/core/yaml/load.js';
import { outputTarget } from '../../src/commands/graph/run.js';

const root = new URL('../..', import.meta.url).pathname;
const ORDERING = readFileSync(join(root, 'test/golden/graph/fixtures/ordering-mesh.yaml'), 'utf8');
const offline = ['--use-kube=false'];

describe('mesh graph output targets', () => {
  it.each([
    [[], false, { format: 'dot' }],
    [['json'], false, { format: 'json' }],
    [['graph.html'], false, { format: 'html', file: 'graph.html' }],
    [['out/mesh.SVG'], false, { format: 'svg', file: 'out/mesh.SVG' }],
    [['html', 'report.txt'], false, { format: 'html', file: 'report.txt' }],
    [[], true, { format: 'html' }],
  ] as const)('-o %j (--open %s)', (values, open, want) => {
    expect(outputTarget(values, open)).toEqual(want);
  });

  it.each([[['png']], [['json', 'dot']], [['a.html', 'b.html']]])('-o %j is a usage error', (values) => {
    expect(() => outputTarget(values, false)).toThrow(/-o\/--output/);
  });

  it('writes the HTML page with --output and says so on stderr', async () => {
    const r = await runWithWorld(['graph', '-f', 'app.yaml', ...offline, '--output', 'graph.html'], { files: { 'app.yaml': ORDERING } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wrote graph.html (13 nodes, 11 edges, 0 problems)\n');
    const page = r.ctx.written.get('graph.html')!;
    expect(page).toMatch(/^<!doctype html>/);
    // self-contained: no external script, style, font or image
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(page).not.toMatch(/@import|url\(\s*['"]?https?:/);
  });

  it('--open writes a temporary page and opens it as a file URL', async () => {
    const r = await runWithWorld(['graph', '-f', 'app.yaml', ...offline, '--open'], { files: { 'app.yaml': ORDERING }, now: 1_700_000_000_000 });
    expect(r.code).toBe(0);
    expect([...r.ctx.written.keys()]).toEqual(['/tmp/mesh-graph-1700000000000.html']);
    expect(r.ctx.opened).toEqual(['file:///tmp/mesh-graph-1700000000000.html']);
  });

  it('-o svg prints one SVG picture with a box per node', async () => {
    const r = await runWithWorld(['graph', '-f', 'app.yaml', ...offline, '-o', 'svg'], { files: { 'app.yaml': ORDERING } });
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(r.stdout.match(/<g class="node /g)).toHaveLength(13);
    expect(r.stdout).toContain('>90%</text>');
  });

  it.each([
    [['--open', '-o', 'json'], /--open shows the HTML page/],
    [['--focus', 'nothing-here'], /--focus nothing-here: no gateway, VirtualService, service or host of that name/],
  ])('%j is a usage error (64)', async (args, message) => {
    const r = await runWithWorld(['graph', '-f', 'app.yaml', ...offline, ...args], { files: { 'app.yaml': ORDERING } });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(message);
  });
});

describe('mesh graph inputs', () => {
  it('malformed YAML is the usual one-line error with file:line:col (65)', async () => {
    const r = await runWithWorld(['graph', '-f', 'bad.yaml', ...offline], { files: { 'bad.yaml': 'kind: Service\nmetadata: {name: [x\n' } });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: bad\.yaml:\d+:\d+: .+\n$/);
    expect(r.stdout).toBe('');
  });

  it('reads stdin with -f -', async () => {
    const r = await runWithWorld(['graph', '-f', '-', ...offline, '-o', 'json'], { stdin: ORDERING });
    expect(JSON.parse(r.stdout).nodes).toHaveLength(13);
  });

  it('without a cluster, files are drawn alone after a warning', async () => {
    const r = await runWithWorld(['graph', '-f', 'app.yaml', '-o', 'json'], { files: { 'app.yaml': ORDERING }, noCluster: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*; drawing the files only \(pass --use-kube=false to skip the cluster\)\n$/);
    expect(JSON.parse(r.stdout).nodes).toHaveLength(13);
  });

  it('draws the cluster: -n keeps one namespace (and what links to it)', async () => {
    const objects = parseAllDocuments(ORDERING)
      .map((d) => d.toJS() as KubeObject)
      .filter(Boolean);
    const other: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'elsewhere', namespace: 'other' }, spec: { ports: [{ port: 80 }] } };
    const r = await runWithWorld(['graph', '-n', 'ordering', '-o', 'json'], { objects: [...objects, other] });
    expect(r.code).toBe(0);
    const graph = JSON.parse(r.stdout);
    expect(graph.nodes.filter((n: { kind: string }) => n.kind === 'service').map((n: { label: string }) => n.label)).toEqual([
      'booking',
      'inventory',
      'shipping',
    ]);
    expect(graph.nodes.every((n: { source?: { file?: string } }) => n.source?.file === undefined)).toBe(true);
    const all = await runWithWorld(['graph', '-A', '-o', 'json'], { objects: [...objects, other] });
    expect(JSON.parse(all.stdout).nodes.map((n: { label: string }) => n.label)).toContain('elsewhere');
  });

  it('an empty input prints an empty graph and a note', async () => {
    const r = await runWithWorld(['graph', '-f', 'empty.yaml', ...offline, '-o', 'json'], { files: { 'empty.yaml': '# nothing\n' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: [], edges: [], notes: [expect.stringMatching(/^nothing to draw/)] });
    expect(r.stderr).toMatch(/^note: nothing to draw/);
  });

  it('--help shows examples', async () => {
    const r = await runCli(['graph', '--help']);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('mesh graph -f k8s/ --use-kube=false --output graph.html');
  });
});

describe('the layout library loads only for graph drawings', () => {
  const home = mkdtempSync(join(tmpdir(), 'mesh-home-'));
  const loadedBy = (args: string[]): string[] => {
    const trace = join(mkdtempSync(join(tmpdir(), 'mesh-trace-')), 'loads.txt');
    writeFileSync(trace, '');
    execFileSync(process.execPath, ['--import', join(root, 'test/helpers/trace-loads.mjs'), join(root, 'bin/mesh.js'), ...args], {
      env: { ...process.env, MESH_TRACE_LOADS: trace, HOME: home, KUBECONFIG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  };
  const dagre = (loads: string[]): string[] => loads.filter((u) => u.includes('/@dagrejs/'));
  beforeAll(() => void execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' }), 60_000);

  it('not for --help, analyze or graph -o json', () => {
    const app = join(root, 'test/golden/graph/fixtures/ordering-mesh.yaml');
    expect(dagre(loadedBy(['--help']))).toEqual([]);
    expect(dagre(loadedBy(['analyze', '--use-kube=false', app]))).toEqual([]);
    expect(dagre(loadedBy(['graph', '-f', app, '--use-kube=false', '-o', 'json']))).toEqual([]);
  });

  it('for graph -o html', () => {
    expect(dagre(loadedBy(['graph', '-f', join(root, 'samples/ordering.yaml'), '--use-kube=false', '-o', 'html'])).length).toBeGreaterThan(0);
  });
});
