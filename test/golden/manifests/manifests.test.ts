/**
 * Golden renders of `mesh manifest generate`: each `<case>.args` (flags on one line) is one test, with
 * `<case>.in.yaml` passed as -f when present. stdout goes to `<case>.out.yaml`; a failing run's exit code and
 * stderr go to `<case>.err.txt`. MESH_UPDATE_GOLDEN=1 rewrites them. Cases other than `profile-default` leave the
 * CRDs out: they are the same in every render (but for labels) and ~13k lines each; profile-default covers them.
 */
import { expect } from 'vitest';
import { expectGolden, goldenSuite } from '../../helpers/golden.js';
import { runCli } from '../../helpers/run-cli.js';

const dir = import.meta.dirname;

function withoutCrds(yaml: string): string {
  return yaml
    .split(/^---\n/m)
    .filter((doc) => !/^kind: CustomResourceDefinition$/m.test(doc))
    .join('---\n');
}

goldenSuite('manifest generate goldens', dir, async (c) => {
  const argv = ['manifest', 'generate', ...c.args, ...(c.input ? ['-f', c.input] : [])];
  const { code, stdout, stderr } = await runCli(argv);
  if (code !== 0) {
    await expectGolden(`exit ${code}\n${stderr.replaceAll(dir + '/', '')}`, c.file('err.txt'));
    expect(stdout).toBe('');
    return;
  }
  await expectGolden(c.name === 'profile-default' ? stdout : withoutCrds(stdout), c.file('out.yaml'));
});
