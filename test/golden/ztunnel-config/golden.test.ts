/**
 * ztunnel-config goldens: each `<case>.args` is one run of the real CLI (`mesh ztunnel-config <args>`) on the dumps
 * in test/fixtures/ztunnel (built by its generate.mjs; a token naming a fixture is replaced by its path, one of
 * test/fixtures/proxy-config for the sidecar-dump case), with the clock pinned to NOW so that VALID CERT does not
 * depend on the day. stdout is compared with `<case>.out.txt|json|yaml` (by -o); a failed run with `<case>.err.txt`.
 * Update: MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/ztunnel-config
 */
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runCli as runShared, type CliResult } from '../../helpers/run-cli.js';
import { expectGolden, expectOptionalGolden, goldenSuite } from '../../helpers/golden.js';

/** After the fixtures' current certificates were issued (2026-11-01), before they expire (2036). */
const NOW = '2026-12-01T00:00:00Z';

/** Runs `mesh <argv>` in-process with the real context (files on disk) but a clock stopped at `now`. */
const runCli = (argv: string[], now = NOW): Promise<CliResult> => runShared(argv, { now });

const dirs = [new URL('../../fixtures/ztunnel/', import.meta.url), new URL('../../fixtures/proxy-config/', import.meta.url)];
const fixture = (a: string): string => {
  if (!/\.json$/.test(a)) return a;
  const found = dirs.find((d) => existsSync(new URL(a, d)));
  return new URL(a, found ?? dirs[0]).pathname;
};

goldenSuite('ztunnel-config goldens', import.meta.dirname, async (c) => {
  const args = c.args.map(fixture);
  const r = await runCli(['ztunnel-config', ...args]);
  const o = args.indexOf('-o') >= 0 ? args[args.indexOf('-o') + 1] : 'short';
  const ext = o === 'json' ? 'json' : o === 'yaml' ? 'yaml' : 'txt';
  if (r.code !== 0 || existsSync(c.file('err.txt'))) {
    let err = `exit ${r.code}\n${r.stderr}`;
    for (const d of dirs) err = err.replaceAll(d.pathname, '<fixtures>/');
    await expectGolden(err, c.file('err.txt'));
  } else {
    expect(r.stderr).toBe('');
  }
  await expectOptionalGolden(r.stdout, c.file(`out.${ext}`));
});

it('checks certificates against the pinned clock, not the wall clock', async () => {
  const dump = fixture('ambient.config_dump.json');
  const row = (r: { stdout: string }) => r.stdout.split('\n').find((l) => l.includes('bookinfo-productpage') && l.includes('Leaf'));
  expect(row(await runCli(['zc', 'certificate', '-f', dump]))).toMatch(/Available +true /);
  expect(row(await runCli(['zc', 'certificate', '-f', dump], '2026-10-01T00:00:00Z'))).toMatch(/Available +false /);
  expect(row(await runCli(['zc', 'certificate', '-f', dump], '2036-11-02T00:00:00Z'))).toMatch(/Available +false /);
});
