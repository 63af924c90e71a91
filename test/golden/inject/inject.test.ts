/**
 * kube-inject goldens: every `<case>.yaml` here is injected by the real CLI (in-process) with the flags in
 * `<case>.args`, and stdout must equal `<case>.injected.yaml`, stderr `<case>.err.txt` (empty when absent).
 * Every case is also injected a second time: the output must not change (idempotence).
 * Regenerate with `MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/inject`, then review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';

const dir = new URL('.', import.meta.url).pathname;
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.injected.yaml')).map((f) => f.slice(0, -'.yaml'.length));
const update = process.env.MESH_UPDATE_GOLDEN === '1';

describe('kube-inject goldens', () => {
  it('has no orphaned golden files', () => {
    const known = new Set(cases);
    const orphans = readdirSync(dir).filter((f) => /\.(injected\.yaml|err\.txt|args)$/.test(f) && !known.has(f.replace(/\.(injected\.yaml|err\.txt|args)$/, '')));
    expect(orphans).toEqual([]);
  });

  it.each(cases)('%s', async (name) => {
    const argsFile = join(dir, `${name}.args`);
    const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split(/\s+/) : [];
    const input = readFileSync(join(dir, `${name}.yaml`), 'utf8');
    // Input comes through stdin so goldens do not depend on the checkout path.
    const r = await runCli(['kube-inject', '-f', '-', '--ignore-cluster', ...extra], { stdin: input });
    expect(r.code, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(dir, `${name}.injected.yaml`));
    const errFile = join(dir, `${name}.err.txt`);
    if (r.stderr || existsSync(errFile) || update) {
      if (r.stderr || existsSync(errFile)) await expect(r.stderr).toMatchFileSnapshot(errFile);
    }
    const again = await runCli(['kube-inject', '-f', '-', '--ignore-cluster', ...extra], { stdin: r.stdout });
    expect(again.stdout, 'injecting twice must give the same output').toBe(r.stdout);
  });
});
