/** `mesh proxy-config` end to end on bad input: one-line errors, the right exit codes, never a stack trace. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import type { PodInfo } from '../../src/core/model/pods.js';
import { VIEW_COMMANDS } from '../../src/commands/proxy-config/views.js';
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
    expect(r).toEqual({
      code: 65,
      stdout: '',
      stderr: `error: ${bad}:3:19: not valid JSON: expected a property name in double quotes but found character "}"\n`,
    });
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
    [['pc', 'cluster', '-f', join(dir, 'missing.json')], 65, `error: ${join(dir, 'missing.json')}: no such file or directory\n`],
    [['pc', 'route', '-f', dir], 65, `error: ${dir}: is a directory, expected a JSON file\n`],
    [['pc', 'listener'], 64, 'error: proxy-config listener needs either a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --file, got neither\n'],
    [
      ['pc', 'secret', 'productpage-v1', '-f', 'x.json'],
      64,
      'error: proxy-config secret needs either a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --file, not both\n',
    ],
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
    for (const sub of ['all', 'bootstrap', 'cluster', 'ecds', 'eds', 'endpoint', 'listener', 'log', 'rootca-compare', 'route', 'secret'])
      expect(r.stdout).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
  });

  describe('against an API server', () => {
    let api: FakeApiServer;
    beforeAll(async () => {
      api = await startFakeApiServer();
    });
    afterAll(async () => api.close());

    it('says which pod is missing in one line (exit 69)', async () => {
      const r = await runCli(['pc', 'cluster', 'productpage-v1-abc.bookinfo', '--kubeconfig', api.kubeconfig]);
      expect(r).toEqual({ code: 69, stdout: '', stderr: 'error: pod productpage-v1-abc in namespace bookinfo not found\n' });
      const dep = await runCli(['pc', 'log', 'deploy/productpage-v1', '-n', 'bookinfo', '--kubeconfig', api.kubeconfig]);
      expect(dep).toEqual({ code: 69, stdout: '', stderr: 'error: deployment productpage-v1 in namespace bookinfo not found\n' });
    });
  });
});

describe('mesh proxy-config over the fake context (pods and admin answers, no HTTP server)', () => {
  const golden = (name: string) => readFileSync(new URL(`../golden/proxy-config/${name}`, import.meta.url), 'utf8');
  const dump = readFileSync(fixture('productpage.config_dump.json'), 'utf8');
  const pod = (name: string, labels: Record<string, string> = { app: 'productpage' }): PodInfo => ({
    name,
    namespace: 'bookinfo',
    labels,
    annotations: {},
    phase: 'Running',
    ready: true,
    creationTimestamp: '2026-11-01T00:00:00Z',
  });
  const CLUSTERS = '/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters';
  const SECRETS = '/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets';
  const world = (dumps: Record<string, string>, extra: FakeWorld = {}): FakeWorld => ({
    pods: [pod('productpage-v1-abc'), pod('productpage-v1-def')],
    dumps,
    ...extra,
  });

  it('asks the pod for its clusters and prints the table it prints for the same dump from a file', async () => {
    const r = await runWithWorld(['pc', 'cluster', 'productpage-v1-abc.bookinfo'], world({ [`productpage-v1-abc.bookinfo:15000${CLUSTERS}`]: dump }));
    expect(r).toMatchObject({ code: 0, stdout: golden('cluster.out.txt'), stderr: '' });
    expect(r.ctx.requests).toEqual([`GET productpage-v1-abc.bookinfo:15000${CLUSTERS}`]);
  });

  it('takes the namespace from -n and the port from --proxy-admin-port, and checks certificates against the context clock', async () => {
    const answers = { [`productpage-v1-abc.bookinfo:15099${SECRETS}`]: dump };
    const now = await runWithWorld(
      ['pc', 'secret', 'productpage-v1-abc', '-n', 'bookinfo', '--proxy-admin-port', '15099'],
      world(answers, { now: '2026-12-01T00:00:00Z' }),
    );
    expect(now).toMatchObject({ code: 0, stdout: golden('secret.out.txt') });
    const before = await runWithWorld(
      ['pc', 'secret', 'productpage-v1-abc', '-n', 'bookinfo', '--proxy-admin-port', '15099'],
      world(answers, { now: '2026-11-01T00:00:00Z' }),
    );
    expect(before.stdout).toMatch(/^default +Cert Chain +ACTIVE +false /m);
  });

  it('names the admin path and the pod when the dump lacks the section', async () => {
    const r = await runWithWorld(['pc', 'ecds', 'productpage-v1-abc.bookinfo'], world({ 'productpage-v1-abc.bookinfo:15000/config_dump': '{"configs": []}' }));
    expect(r).toMatchObject({
      code: 65,
      stdout: '',
      stderr: 'error: /config_dump of productpage-v1-abc.bookinfo: the config dump has no extension configs (ECDS) section\n',
    });
  });

  it('changes log levels on every pod of a selector, checking the levels on the first one', async () => {
    const loggers = 'active loggers:\n  http: info\n  rbac: info\n';
    const dumps: Record<string, string> = {};
    for (const name of ['productpage-v1-abc', 'productpage-v1-def']) {
      dumps[`${name}.bookinfo:15000/logging`] = loggers;
      dumps[`${name}.bookinfo:15000/logging?http=debug`] = loggers.replace('http: info', 'http: debug');
    }
    const r = await runWithWorld(['pc', 'log', '-n', 'bookinfo', '-l', 'app=productpage', '--level', 'http:debug', '-o', 'json'], world(dumps));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      ['abc', 'def'].map((p) => ({ pod: `productpage-v1-${p}`, namespace: 'bookinfo', loggers: { http: 'debug', rbac: 'info' } })),
    );
    expect(r.ctx.requests).toEqual([
      'POST productpage-v1-abc.bookinfo:15000/logging',
      'POST productpage-v1-abc.bookinfo:15000/logging?http=debug',
      'POST productpage-v1-def.bookinfo:15000/logging',
      'POST productpage-v1-def.bookinfo:15000/logging?http=debug',
    ]);
  });

  it('resets to the level the injector configures', async () => {
    const injector = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio-sidecar-injector', namespace: 'istio-system' },
      data: { values: JSON.stringify({ global: { proxy: { logLevel: 'error' } } }) },
    };
    const r = await runWithWorld(
      ['pc', 'log', 'productpage-v1-abc.bookinfo', '--reset'],
      world(
        {
          'productpage-v1-abc.bookinfo:15000/logging': 'active loggers:\n  http: debug\n',
          'productpage-v1-abc.bookinfo:15000/logging?level=error': 'active loggers:\n  http: error\n',
        },
        { objects: [injector] },
      ),
    );
    expect(r).toMatchObject({ code: 0, stdout: 'productpage-v1-abc.bookinfo:\nactive loggers:\n  http: error\n' });
  });

  it('compares the root CAs of two pods (exit 0 when they share one)', async () => {
    const r = await runWithWorld(
      ['pc', 'rc', 'productpage-v1-abc.bookinfo', 'productpage-v1-def.bookinfo'],
      world({
        [`productpage-v1-abc.bookinfo:15000${SECRETS}`]: dump,
        [`productpage-v1-def.bookinfo:15000${SECRETS}`]: dump,
      }),
    );
    expect(r).toMatchObject({
      code: 0,
      stdout: 'productpage-v1-abc.bookinfo and productpage-v1-def.bookinfo trust the same root CA: mTLS between them can be verified\n',
    });
  });

  it('reads --file and stdin through the files port', async () => {
    const file = await runWithWorld(['pc', 'cluster', '-f', 'saved/dump.json'], { files: { 'saved/dump.json': dump } });
    expect(file).toMatchObject({ code: 0, stdout: golden('cluster.out.txt') });
    const stdin = await runWithWorld(['pc', 'cluster', '-f', '-'], { stdin: dump });
    expect(stdin.stdout).toBe(golden('cluster.out.txt'));
    const missing = await runWithWorld(['pc', 'cluster', '-f', 'nope.json'], {});
    expect(missing).toMatchObject({ code: 65, stderr: 'error: nope.json: no such file or directory\n' });
  });

  it.each(VIEW_COMMANDS.flatMap((v) => [v.name, ...(v.aliases ?? [])].map((alias) => [alias, v.name] as const)))(
    'pc %s is the %s view',
    async (alias, name) => {
      const r = await runWithWorld(['pc', alias, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: mesh proxy-config ${name}\\b`));
    },
  );

  it('says which pod is missing (exit 69)', async () => {
    const r = await runWithWorld(['pc', 'route', 'reviews-v1-xyz.bookinfo'], world({}));
    expect(r).toMatchObject({ code: 69, stdout: '', stderr: 'error: pod reviews-v1-xyz in namespace bookinfo not found\n' });
  });
});
