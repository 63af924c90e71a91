import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SHOP = 'test/golden/describe/fixtures/shop.yaml';

describe('mesh describe (CLI)', () => {
  it('names an unknown pod and what the files do hold, exit 65, one line', async () => {
    const r = await runCli(['describe', 'pod', 'deployment/nope', '-n', 'shop', '-f', SHOP]);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('deployment nope in namespace shop is not in');
    expect(r.stderr).toContain('catalog-v1');
  });

  it('names an unknown service, exit 65', async () => {
    const r = await runCli(['describe', 'svc', 'nope.shop', '-f', SHOP]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('service nope in namespace shop is not in');
  });

  it('warns about a pod without a sidecar, and --ignore-unmeshed (or istioctl\'s --ignoreUnmeshed) leaves that out', async () => {
    const r = await runCli(['describe', 'pod', 'deployment/legacy.shop', '-f', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WARNING: legacy.shop is not part of the mesh');
    for (const flag of ['--ignore-unmeshed', '--ignoreUnmeshed']) {
      const quiet = await runCli(['describe', 'pod', 'deployment/legacy.shop', '-f', SHOP, flag]);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).not.toContain('WARNING');
    }
  });

  it('rejects kinds a pod template cannot come from offline, a bad -o, and a missing argument as usage errors (64)', async () => {
    expect((await runCli(['describe', 'pod', 'job/x', '-f', SHOP])).code).toBe(64);
    expect((await runCli(['describe', 'pod', 'widget/x', '-f', SHOP])).code).toBe(64);
    expect((await runCli(['describe', 'pod', 'deployment/frontend.shop', '-f', SHOP, '-o', 'table'])).code).toBe(64);
    expect((await runCli(['describe', 'pod'])).code).toBe(64);
  });

  it('reports a YAML syntax error in the input with file:line:col', async () => {
    const r = await runCli(['describe', 'pod', 'x', '-f', '-'], { stdin: 'a: [\n' });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: <stdin>:\d+:\d+: /);
  });

  it('reads manifests from stdin', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await runCli(['describe', 'svc', 'frontend', '-n', 'shop', '-f', '-'], { stdin: readFileSync(SHOP, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exposed on Ingress Gateway http://203.0.113.10');
  });

  it('lists describe with its examples in --help', async () => {
    const r = await runCli(['describe', 'pod', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mesh describe pod deployment/reviews-v1');
  });
});
