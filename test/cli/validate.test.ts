/** `mesh validate` end to end: argv, files and stdin in; stdout, stderr and exit code out. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const golden = (name: string) => new URL(`../golden/validate/${name}.in.yaml`, import.meta.url).pathname;
const badWeights = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: ns}
spec:
  hosts: [r]
  http:
  - route:
    - destination: {host: r, subset: v1}
    - destination: {host: r, subset: v2}
`;
const good = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: r}
spec:
  host: r
`;

describe('mesh validate', () => {
  it('exits 0 and says so on stderr for valid files', async () => {
    const r = await runCli(['validate', '-f', golden('valid-shop')]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '✔ 9 objects valid\n' });
  });

  it('exits 79 and names file:line:col, object and field for each problem', async () => {
    const r = await runCli(['validate', '-f', '-'], { stdin: badWeights });
    expect(r.code).toBe(79);
    expect(r.stdout).toBe(
      '<stdin>:8:5: error: VirtualService/ns/r: spec.http[0].route: the weights of the 2 destinations add up to 0; give each destination a weight\n',
    );
    expect(r.stderr).toBe('✘ 1 error in 1 object checked\n');
  });

  it('collects problems across files instead of stopping at the first bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-validate-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.yaml'), 'kind: [broken\n');
    writeFileSync(join(dir, 'b.yaml'), badWeights);
    writeFileSync(join(dir, 'sub', 'c.yaml'), badWeights);
    writeFileSync(join(dir, 'sub', 'd.yaml'), good);
    const flat = await runCli(['validate', '-f', dir]);
    expect(flat.code).toBe(79);
    expect(
      flat.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(dir.length + 1, dir.length + 7)),
    ).toEqual(['a.yaml', 'b.yaml']);
    const deep = await runCli(['validate', '-f', dir, '-R']);
    expect(deep.stdout).toContain(`${join(dir, 'sub', 'c.yaml')}:8:5: error:`);
    expect(deep.stderr).toBe('✘ 3 errors in 3 objects checked\n');
  });

  it('prints stable JSON with -o json and keeps the exit code', async () => {
    const r = await runCli(['validate', '-f', '-', '-o', 'json'], { stdin: badWeights });
    expect(r.code).toBe(79);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.valid).toBe(false);
    expect(doc.summary).toEqual({ objects: 1, errors: 1, warnings: 0 });
    expect(Object.keys(doc.diagnostics[0])).toEqual(['file', 'line', 'col', 'severity', 'apiVersion', 'kind', 'namespace', 'name', 'path', 'message', 'rule']);
    expect(doc.diagnostics[0]).toMatchObject({
      file: '<stdin>',
      line: 8,
      col: 5,
      kind: 'VirtualService',
      path: 'spec.http[0].route',
      rule: 'virtualservice.route-weights',
    });
  });

  it('exits 0 with warnings only', async () => {
    const r = await runCli(['validate', '-f', '-'], {
      stdin: badWeights.replace('subset: v1}', 'subset: v1}\n      weight: 70').replace('subset: v2}', 'subset: v2}\n      weight: 20'),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: VirtualService/ns/r: spec.http[0].route: the weights add up to 90');
    expect(r.stderr).toBe('✔ 0 errors, 1 warning in 1 object checked\n');
  });

  it('--ignore-unknown skips unknown Istio kinds and non-objects', async () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: Nope\nmetadata: {name: a}\n---\njust: data\n';
    expect((await runCli(['validate', '-f', '-'], { stdin: text })).code).toBe(79);
    const r = await runCli(['validate', '-f', '-', '--ignore-unknown'], { stdin: text });
    expect(r.code).toBe(0);
  });

  it('lets Kubernetes objects it has no schema for pass', async () => {
    const r = await runCli(['validate', '-f', '-'], { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n' });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '✔ 1 object valid\n' });
  });

  it('is a usage error without -f, and an input error for a missing file', async () => {
    const none = await runCli(['validate']);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('no input');
    const missing = await runCli(['validate', '-f', '/nonexistent/x.yaml']);
    expect(missing.code).toBe(65);
    expect(missing.stderr).toBe('error: /nonexistent/x.yaml: no such file or directory\n');
  });

  it('rejects an unknown -o with exit 64', async () => {
    const r = await runCli(['validate', '-f', '-', '-o', 'yaml'], { stdin: good });
    expect(r.code).toBe(64);
  });
});
