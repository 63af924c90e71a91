import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';

const deployment = `# the app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        readinessProbe:
          httpGet:
            path: /ready
            port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`;

const injected = async () => (await runCli(['kube-inject', '-f', '-', '--ignore-cluster'], { stdin: deployment })).stdout;

describe('mesh kube-uninject', () => {
  it('gives back what kube-inject was given, byte for byte, from stdin', async () => {
    const text = await injected();
    expect(text).toContain('istio-proxy');
    const r = await runCli(['kube-uninject', '-f', '-'], { stdin: text });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(deployment);
  });

  it('writes -o files and rewrites --in-place inputs', async () => {
    const text = await injected();
    const out = await runWithWorld(['kube-uninject', '-f', 'app.yaml', '-o', 'plain.yaml'], { files: { 'app.yaml': text } });
    expect([out.code, out.stdout]).toEqual([0, '']);
    expect(out.ctx.written.get('plain.yaml')).toBe(deployment);
    const inPlace = await runWithWorld(['kube-uninject', '-f', 'k8s', '--in-place', '-v'], { files: { 'k8s/a.yaml': text, 'k8s/b.yaml': deployment } });
    expect(inPlace.code).toBe(0);
    expect(Object.fromEntries(inPlace.ctx.written)).toEqual({ 'k8s/a.yaml': deployment, 'k8s/b.yaml': deployment });
    expect(inPlace.stderr).toBe('uninjected 1 workload\n');
  });

  it.each([
    [['kube-uninject'], 64, 'error: no input: give -f <file|dir|->'],
    [['kube-uninject', '-f', '-', '--in-place'], 64, 'error: --in-place cannot rewrite stdin'],
    [['kube-uninject', '-f', 'a.yaml', '-o', 'b.yaml', '--in-place'], 64, 'error: --in-place and -o/--output do not go together'],
    [['kube-uninject', '-f', 'missing.yaml'], 65, 'error: missing.yaml: no such file or directory'],
  ])('%j fails with exit %i: one line', async (argv, code, line) => {
    const r = await runWithWorld(argv, { files: { 'a.yaml': deployment } });
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n')[0]).toBe(line);
    expect(r.stdout).toBe('');
  });

  it('names the unreadable status annotation at file:line:col, exit 65', async () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    sidecar.istio.io/status: '{broken'\nspec:\n  containers: []\n";
    const r = await runWithWorld(['kube-uninject', '-f', 'pod.yaml'], { files: { 'pod.yaml': pod } });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: pod\.yaml:6:\d+: Pod p: sidecar\.istio\.io\/status is not a JSON object/);
  });

  it('has help with examples', async () => {
    const r = await runCli(['kube-uninject', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});
