/**
 * kube-inject goldens: every `<case>.in.yaml` here is injected by the real CLI (in-process) with the flags in
 * `<case>.args`, and stdout must equal `<case>.out.yaml`, stderr `<case>.err.txt` (empty when absent).
 * Every case is also injected a second time: the output must not change (idempotence).
 * Regenerate with `MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/inject`, then review the diff.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { expectGolden, expectOptionalGolden, goldenSuite } from '../../helpers/golden.js';
import { runCli } from '../../helpers/run-cli.js';

goldenSuite('kube-inject goldens', import.meta.dirname, async (c) => {
  // Input comes through stdin so goldens do not depend on the checkout path.
  const argv = ['kube-inject', '-f', '-', '--ignore-cluster', ...c.args];
  const r = await runCli(argv, { stdin: readFileSync(c.input!, 'utf8') });
  expect(r.code, r.stderr).toBe(0);
  await expectGolden(r.stdout, c.file('out.yaml'));
  await expectOptionalGolden(r.stderr, c.file('err.txt'));
  const again = await runCli(argv, { stdin: r.stdout });
  expect(again.stdout, 'injecting twice must give the same output').toBe(r.stdout);
});
