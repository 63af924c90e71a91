import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';

const deployment = (extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx${extra}
  selector:
    matchLabels:
      app: web
`;

const inject = (stdin: string | Buffer, ...args: string[]) => runCli(['kube-inject', '-f', '-', '--ignore-cluster', ...args], { stdin });

describe('mesh kube-inject: a document it cannot edit in place', () => {
  it('is re-emitted whole with a warning that says why', async () => {
    const r = await inject(deployment().replace('metadata:\n  name: web\n', 'metadata:\n  name: web # owner:\tteam-a\n'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: istio-proxy');
    expect(r.stderr).toBe(
      'warning: <stdin>:1:1: document rewritten as a whole, as it could not be edited in place (it contains tabs): comments inside it were not kept\n',
    );
  });
});

describe('mesh kube-inject: bad input is one line with file:line:col, exit 65, nothing on stdout', () => {
  it.each([
    ['malformed YAML', 'a: [1, 2\nb: 3\n', /^error: <stdin>:\d+:\d+: /],
    [
      'a Deployment without spec.template',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: 1\n',
      /^error: <stdin>:6:3: Deployment x: spec\.template is required/,
    ],
    ['a container without an image', deployment().replace('        image: nginx\n', ''), /^error: <stdin>:12:9: Deployment web: container "web" has no image/],
    ['duplicate keys', 'a: 1\na: 2\n', /^error: <stdin>:2:\d+: duplicated mapping key/],
    [
      'an injection template mesh does not know',
      deployment().replace('      labels:\n', '      annotations:\n        inject.istio.io/templates: sidecar,custom\n      labels:\n'),
      /^error: <stdin>:9:36: Deployment web: requested injection template "custom" not found; mesh kube-inject renders sidecar/,
    ],
    [
      'an invalid annotation',
      deployment().replace('      labels:\n', '      annotations:\n        sidecar.istio.io/interceptionMode: BRIDGE\n      labels:\n'),
      /^error: <stdin>:9:44: Deployment web: invalid annotation sidecar\.istio\.io\/interceptionMode/,
    ],
    [
      'an unquoted boolean annotation',
      deployment().replace('      labels:\n', '      annotations:\n        sidecar.istio.io/rewriteAppHTTPProbers: yes\n      labels:\n'),
      /annotation values must be strings/,
    ],
  ])('%s', async (_name, input, pattern) => {
    const r = await inject(input);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses binary input', async () => {
    const r = await inject(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: <stdin>: binary input/);
  });

  it('refuses an alias bomb quickly', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const r = await inject(lines.join('\n'));
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/alias bomb/);
  });

  it('does not print a half-injected stream when one document fails', async () => {
    const r = await inject(`${deployment()}---\n${deployment().replace('        image: nginx\n', '')}`);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
  });

  it('names a missing file', async () => {
    const r = await runCli(['kube-inject', '-f', '/nonexistent/app.yaml', '--ignore-cluster']);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe('error: /nonexistent/app.yaml: no such file or directory\n');
  });

  it('asks for input when -f is missing (usage error)', async () => {
    const r = await runCli(['kube-inject', '--ignore-cluster']);
    expect(r.code).toBe(64);
  });

  it('rejects an unknown --set path with a suggestion', async () => {
    const r = await inject(deployment(), '--set', 'global.proxy.logLevel=debug');
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^error: --set global.proxy.logLevel=debug: unknown field "global"/);
  });
});

describe('mesh kube-inject: behaviour', () => {
  it('reads UTF-8 with a byte-order mark', async () => {
    const r = await inject(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(deployment())]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('istio-proxy');
  });

  it("--set goes through install's resolver: a typo gets the nearest valid path", async () => {
    const r = await inject(deployment(), '--set', 'values.global.proxy.logLevl=debug');
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('did you mean values.global.proxy.logLevel?');
  });

  it('--set values reach the sidecar (the same values install uses)', async () => {
    const r = await inject(deployment(), '--set', 'values.global.proxy.resources.requests.cpu=500m', '--set', 'values.global.proxy.logLevel=debug');
    expect(r.stdout).toContain('cpu: 500m');
    expect(r.stdout).toContain('--proxyLogLevel=debug');
  });

  it('--operatorFileName injects what that IstioOperator would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-iop-'));
    const iop = join(dir, 'iop.yaml');
    writeFileSync(
      iop,
      'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: registry.local/istio\n  tag: 1.30.3-fips\n  meshConfig:\n    trustDomain: corp.example\n',
    );
    const r = await inject(deployment(), '--operatorFileName', iop);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('image: registry.local/istio/proxyv2:1.30.3-fips');
    expect(r.stdout).toContain('value: corp.example');
  });

  it('--operatorFileName resolves the file as install does: values reach the sidecar, typos are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-iop-'));
    const good = join(dir, 'good.yaml');
    writeFileSync(
      good,
      'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  values:\n    global:\n      proxy:\n        resources:\n          requests:\n            cpu: 300m\n',
    );
    const r = await inject(deployment(), '--operatorFileName', good);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('cpu: 300m');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      proxy:\n        resorces: {}\n');
    const r2 = await inject(deployment(), '--operatorFileName', bad);
    expect(r2.code).not.toBe(0);
    expect(r2.stdout).toBe('');
    expect(r2.stderr).toMatch(/resorces/);
  });

  it('--in-place rewrites the file atomically and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-inplace-'));
    const file = join(dir, 'app.yaml');
    writeFileSync(file, deployment());
    const r = await runCli(['kube-inject', '-f', file, '--in-place', '--ignore-cluster']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('istio-proxy');
    expect(readdirSync(dir)).toEqual(['app.yaml']);
  });

  it('--in-place leaves the file untouched when injection fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-inplace-'));
    const file = join(dir, 'app.yaml');
    const bad = deployment().replace('        image: nginx\n', '');
    writeFileSync(file, bad);
    const r = await runCli(['kube-inject', '-f', file, '--in-place', '--ignore-cluster']);
    expect(r.code).toBe(65);
    expect(readFileSync(file, 'utf8')).toBe(bad);
  });

  it('-o naming the input file rewrites it safely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-out-'));
    const file = join(dir, 'app.yaml');
    writeFileSync(file, deployment());
    const r = await runCli(['kube-inject', '-f', file, '-o', file, '--ignore-cluster']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('istio-proxy');
  });

  it('keeps YAML 1.1 meanings: strings that look like booleans or octals stay strings, numbers stay numbers', async () => {
    const input = deployment().replace(
      '        image: nginx\n',
      '        image: nginx\n        env:\n        - name: A\n          value: "on"\n        - name: B\n          value: "0644"\n',
    );
    const r = await inject(input);
    expect(r.stdout).toContain('          value: "on"\n');
    expect(r.stdout).toContain('          value: "0644"\n');
    // Values mesh writes are quoted where a YAML 1.1 reader would see another type.
    expect(r.stdout).toContain('- "15001"');
    expect(r.stdout).toContain('prometheus.io/scrape: "true"');
  });

  it('injects every file of a directory, recursively, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-dir-'));
    writeFileSync(join(dir, 'b.yaml'), deployment());
    writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n');
    const r = await runCli(['kube-inject', '-f', dir, '--ignore-cluster']);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('kind: Service')).toBeLessThan(r.stdout.indexOf('kind: Deployment'));
    expect(r.stdout).toContain('\n---\n');
  });
});

describe('mesh kube-inject: workloads the API server would refuse', () => {
  const old = deployment().replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1').replace('  selector:\n    matchLabels:\n      app: web\n', '');
  const service = '# kept as written\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n---\n';

  it('still injects, and warns on stderr with file:line:col, the version to use and the selector to add', async () => {
    const r = await inject(service + old);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${service}apiVersion: extensions/v1beta1\n`)).toBe(true);
    expect(r.stdout).toContain('name: istio-proxy');
    expect(r.stderr).toBe(
      'warning: <stdin>:7:13: Deployment web: extensions/v1beta1 is no longer served for Deployment (removed in Kubernetes 1.16; kubectl apply refuses it): use apiVersion: apps/v1\n' +
        'warning: <stdin>:7:1: Deployment web: no spec.selector, which apps/v1 requires (extensions/v1beta1 defaulted it to the pod template labels): add spec.selector.matchLabels matching the pod template labels, e.g. matchLabels: {app: web}\n',
    );
  });

  it('passes a workload it does not inject through byte for byte, and still warns', async () => {
    const skipped = old.replace('      labels:\n', '      labels:\n        sidecar.istio.io/inject: "false"\n');
    const r = await inject(skipped);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(skipped);
    expect(r.stderr).toContain('<stdin>:1:13: Deployment web: extensions/v1beta1 is no longer served for Deployment');
  });

  it('says nothing about an apps/v1 workload that has its selector', async () => {
    const r = await inject(deployment());
    expect(r.stderr).toBe('');
  });
});

describe('mesh kube-inject with the configuration read from the cluster (fake context)', () => {
  const configMap = (name: string, data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'istio-system' },
    data,
  });
  const installed = [
    configMap('istio', { mesh: 'trustDomain: corp.example\n' }),
    configMap('istio-sidecar-injector', { values: JSON.stringify({ global: { proxy: { resources: { requests: { cpu: '10m' } } } } }) }),
  ];
  const files = { 'app.yaml': deployment() };

  it('uses the istio and istio-sidecar-injector ConfigMaps of the control plane', async () => {
    const r = await runWithWorld(['kube-inject', '-f', 'app.yaml', '-v'], { objects: installed, files });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cpu: "?10m"?/);
    expect(r.stdout).toContain('value: corp.example');
    expect(r.stderr).toContain(
      'using injection configuration from configmaps istio and istio-sidecar-injector in istio-system (https://fake-cluster.invalid)\n',
    );
  });

  it('reads the ConfigMaps of --revision', async () => {
    const canary = installed.map((c) => ({ ...c, metadata: { ...c.metadata, name: `${c.metadata.name}-canary` } }));
    const r = await runWithWorld(['kube-inject', '-f', 'app.yaml', '--revision', 'canary'], { objects: canary, files });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/cpu: "?10m"?/);
  });

  it('--revision default is the default revision: its ConfigMaps, and istiod (not istiod-default) as CA and discovery address', async () => {
    const r = await runWithWorld(['kube-inject', '-f', 'app.yaml', '--revision', 'default'], { objects: installed, files });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/cpu: "?10m"?/);
    expect(r.stdout).toContain('value: istiod.istio-system.svc:15012');
    expect(r.stdout).not.toContain('istiod-default');
  });

  it('falls back to the built-in defaults with one warning when the control plane has no ConfigMaps', async () => {
    const r = await runWithWorld(['kube-inject', '-f', 'app.yaml'], { files });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cpu: "?100m"?/);
    expect(r.stderr).toBe(
      'warning: cannot read the injector configuration from namespace istio-system: configmap istio not found; ' +
        'using Istio 1.30 defaults (pass --ignore-cluster to skip the cluster)\n',
    );
  });

  it('--ignore-cluster and a missing kubeconfig never ask the cluster', async () => {
    for (const [args, world] of [
      [['--ignore-cluster'], { objects: installed, files }],
      [[], { objects: installed, files, noCluster: true }],
    ] as const) {
      const r = await runWithWorld(['kube-inject', '-f', 'app.yaml', ...args], world);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/cpu: "?100m"?/);
      expect(r.ctx.installed.calls).toEqual([]);
    }
  });

  it('--in-place writes through the files port', async () => {
    const r = await runWithWorld(['kube-inject', '-f', 'app.yaml', '--in-place', '--ignore-cluster'], { files });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(r.ctx.written.get('app.yaml')).toContain('istio-proxy');
  });
});
