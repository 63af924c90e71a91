/**
 * proxy-config goldens: each `<case>.args` is one run of the real CLI (`mesh proxy-config <args>`) on the fixtures in
 * test/fixtures/proxy-config (a token naming a fixture file is replaced by its path). stdout is compared with
 * `<case>.out.txt|json|yaml` (by -o), and when the run fails, `exit <code>` plus stderr with `<case>.err.txt`.
 * The clock is pinned (PINNED_NOW): `secret` prints whether each certificate is valid now.
 * Update: MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/proxy-config
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { expectGolden, expectOptionalGolden, goldenSuite } from '../../helpers/golden.js';
import { runCli } from '../../helpers/run-cli.js';

const fixtures = new URL('../../fixtures/proxy-config/', import.meta.url);
/** After every fixture certificate's notBefore (2026-11-21) and before its notAfter (2036). */
export const PINNED_NOW = new Date('2026-12-01T00:00:00Z');

// Only Date is faked: timers stay real, so nothing else about the run changes.
beforeAll(() => void vi.useFakeTimers({ now: PINNED_NOW, toFake: ['Date'] }));
afterAll(() => void vi.useRealTimers());

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
