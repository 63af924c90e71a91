/**
 * Golden renders of `mesh manifest generate`: each `<case>.args` (flags on one line) is one test, with
 * `<case>.in.yaml` passed as -f when present. stdout goes to `<case>.out.yaml`; a failing run's exit code and
 * stderr go to `<case>.err.txt`. MESH_UPDATE_GOLDEN=1 rewrites them. Cases other than `profile-default` leave the
 * CRDs out: they are the same in every render (but for labels) and ~13k lines each; profile-default covers them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';

const dir = import.meta.dirname;
const cases = readdirSync(dir).filter((f) => f.endsWith('.args')).map((f) => f.slice(0, -'.args'.length)).sort();

function withoutCrds(yaml: string): string {
  return yaml
    .split(/^---\n/m)
    .filter((doc) => !/^kind: CustomResourceDefinition$/m.test(doc))
    .join('---\n');
}

describe('manifest generate goldens', () => {
  it.each(cases)('%s', async (name) => {
    const args = readFileSync(join(dir, `${name}.args`), 'utf8').trim().split(/\s+/).filter(Boolean);
    const input = join(dir, `${name}.in.yaml`);
    const argv = ['manifest', 'generate', ...args, ...(existsSync(input) ? ['-f', input] : [])];
    const { code, stdout, stderr } = await runCli(argv);
    if (code !== 0) {
      await expect(`exit ${code}\n${stderr.replaceAll(dir + '/', '')}`).toMatchFileSnapshot(join(dir, `${name}.err.txt`));
      expect(stdout).toBe('');
      return;
    }
    const out = name === 'profile-default' ? stdout : withoutCrds(stdout);
    await expect(out).toMatchFileSnapshot(join(dir, `${name}.out.yaml`));
  });

  it('has no orphaned golden files', () => {
    for (const f of readdirSync(dir).filter((f) => /\.(out\.yaml|err\.txt|in\.yaml)$/.test(f))) {
      expect(cases, f).toContain(f.replace(/\.(out\.yaml|err\.txt|in\.yaml)$/, ''));
    }
  });
});
