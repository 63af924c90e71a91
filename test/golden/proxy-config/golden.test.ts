/**
 * proxy-config goldens: each `<case>.args` is one run of the real CLI (`mesh proxy-config <args>`) on the fixtures in
 * test/fixtures/proxy-config (a token naming a fixture file is replaced by its path), with the context's clock pinned
 * to NOW so that certificate validity does not depend on the day the tests run. stdout is compared with
 * `<case>.out.txt|json|yaml` (by -o), and when the run fails, `exit <code>` plus stderr with `<case>.err.txt`.
 * Update: MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/proxy-config
 */
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runCli as runShared, type CliResult } from '../../helpers/run-cli.js';
import { expectGolden, expectOptionalGolden, goldenSuite } from '../../helpers/golden.js';

/** The time every case runs at: after the fixtures' workload certificates were issued (2026-11-21), before they expire (2036). */
const NOW = '2026-12-01T00:00:00Z';

/** Runs `mesh <argv>` in-process with the real context (files on disk) but a clock stopped at `now`. */
const runCli = (argv: string[], now = NOW): Promise<CliResult> => runShared(argv, { now });

const fixtures = new URL('../../fixtures/proxy-config/', import.meta.url);

goldenSuite('proxy-config goldens', import.meta.dirname, async (c) => {
  const args = c.args.map((a) => (existsSync(new URL(a, fixtures)) && /\.json$/.test(a) ? new URL(a, fixtures).pathname : a));
  const r = await runCli(['proxy-config', ...args]);
  const o = args.indexOf('-o') >= 0 ? args[args.indexOf('-o') + 1] : args[0] === 'bootstrap' ? 'json' : 'short';
  const ext = o === 'json' ? 'json' : o === 'yaml' ? 'yaml' : 'txt';
  if (r.code !== 0 || existsSync(c.file('err.txt'))) {
    await expectGolden(`exit ${r.code}\n${r.stderr.replaceAll(fixtures.pathname, '<fixtures>/')}`, c.file('err.txt'));
  } else {
    expect(r.stderr).toBe('');
  }
  await expectOptionalGolden(r.stdout, c.file(`out.${ext}`));
});

it('checks certificates against the pinned clock, not the wall clock', async () => {
  const dump = new URL('productpage.config_dump.json', fixtures).pathname;
  const row = (r: { stdout: string }) => r.stdout.split('\n').find((l) => l.startsWith('default '));
  expect(row(await runCli(['proxy-config', 'secret', '-f', dump]))).toMatch(/ACTIVE +true /);
  expect(row(await runCli(['proxy-config', 'secret', '-f', dump], '2026-11-01T00:00:00Z'))).toMatch(/ACTIVE +false /);
});
