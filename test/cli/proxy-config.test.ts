/** `mesh proxy-config` end to end on bad input: one-line errors, the right exit codes, never a stack trace. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

const fixture = (name: string) => new URL(`../fixtures/proxy-config/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mesh-pc-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('mesh proxy-config', () => {
  it('names file:line:col of a JSON syntax error (exit 65)', async () => {
    const bad = file('bad.json', '{\n  "configs": [\n    {"@type": "x",}\n  ]\n}\n');
    const r = await runCli(['pc', 'cluster', '-f', bad]);
    expect(r).toEqual({ code: 65, stdout: '', stderr: `error: ${bad}:3:19: not valid JSON: expected a property name in double quotes but found character "}"\n` });
  });

  it('reads a dump from stdin with -f -', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await runCli(['proxy-config', 'clusters', '-f', '-', '--fqdn', 'ratings'], { stdin: readFileSync(fixture('productpage.config_dump.json')) });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^ratings\.bookinfo\.svc\.cluster\.local +9080 +- +outbound +EDS$/);
    const empty = await runCli(['pc', 'c', '-f', '-'], { stdin: '' });
    expect(empty).toMatchObject({ code: 65, stderr: 'error: <stdin>:1:1: not valid JSON: the input is empty\n' });
  });

  it.each([
    [['pc', 'cluster', '-f', join(dir, 'missing.json')], 65, `error: ${join(dir, 'missing.json')}: no such file\n`],
    [['pc', 'route', '-f', dir], 65, `error: ${dir}: is a directory, expected a JSON file\n`],
    [['pc', 'listener'], 64, 'error: proxy-config listener needs either a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --file, got neither\n'],
    [['pc', 'secret', 'productpage-v1', '-f', 'x.json'], 64, 'error: proxy-config secret needs either a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --file, not both\n'],
    [['pc', 'log'], 64, 'error: proxy-config log needs a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --selector\n'],
    [['pc', 'log', 'p', '--level', 'debug', '--reset'], 64, 'error: --level cannot be combined with --reset\n'],
  ])('rejects %j', async (argv, code, stderr) => {
    expect(await runCli(argv)).toEqual({ code, stdout: '', stderr });
  });

  it.each([
    [['pc', 'cluster', '-f', 'x.json', '--port', 'http']],
    [['pc', 'listener', '-f', 'x.json', '--proxy-admin-port', '70000']],
    [['pc', 'route', '-f', 'x.json', '-o', 'table']],
    [['pc', 'nope']],
  ])('treats bad flags %j as usage errors (exit 64)', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^error: /);
  });

  it('lists its subcommands in help', async () => {
    const r = await runCli(['pc', '--help']);
    expect(r.code).toBe(0);
    for (const sub of ['all', 'bootstrap', 'cluster', 'ecds', 'eds', 'endpoint', 'listener', 'log', 'rootca-compare', 'route', 'secret']) expect(r.stdout).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
  });

  describe('against an API server', () => {
    let api: FakeApiServer;
    beforeAll(async () => { api = await startFakeApiServer(); });
    afterAll(async () => api.close());

    it('says which pod is missing in one line (exit 69)', async () => {
      const r = await runCli(['pc', 'cluster', 'productpage-v1-abc.bookinfo', '--kubeconfig', api.kubeconfig]);
      expect(r).toEqual({ code: 69, stdout: '', stderr: 'error: pod productpage-v1-abc in namespace bookinfo not found\n' });
      const dep = await runCli(['pc', 'log', 'deploy/productpage-v1', '-n', 'bookinfo', '--kubeconfig', api.kubeconfig]);
      expect(dep).toEqual({ code: 69, stdout: '', stderr: 'error: deployment productpage-v1 in namespace bookinfo not found\n' });
    });
  });
});
