// Goldens for `mesh analyze`: `<case>.args` holds the inputs and flags (after `analyze`); every case is run once per
// output format, one golden each: `<case>.out.txt` (log), `.out.json`, `.out.yaml`, `.out.sarif`.
// MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/analyze rewrites them.
import { expect } from 'vitest';
import { expectGolden, goldenSuite } from '../../helpers/golden.js';
import { runCli } from '../../helpers/run-cli.js';

const FORMATS = [
  ['log', 'out.txt'],
  ['json', 'out.json'],
  ['yaml', 'out.yaml'],
  ['sarif', 'out.sarif'],
] as const;

goldenSuite('mesh analyze goldens', import.meta.dirname, async (c) => {
  for (const [format, suffix] of FORMATS) {
    const r = await runCli(['analyze', ...c.args, '-o', format]);
    expect(r.code, `-o ${format}`).toBe(79);
    expect(r.stderr, `-o ${format}`).toBe('');
    await expectGolden(r.stdout, c.file(suffix));
  }
});
