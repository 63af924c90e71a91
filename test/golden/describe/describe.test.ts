// Goldens for `mesh describe`, offline on files: `<case>.args` holds the flags after `describe` (paths relative to the
// repository root; fixtures/ holds the shared inputs), stdout goes to `<case>.out.txt`, or `.out.json`/`.out.yaml` by -o.
// Regenerate with: MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/describe
// Review every change: a golden is only right if what it shows is what Istio would apply.
import { expect } from 'vitest';
import { expectGolden, goldenSuite } from '../../helpers/golden.js';
import { runCli } from '../../helpers/run-cli.js';

goldenSuite(
  'mesh describe goldens',
  import.meta.dirname,
  async (c) => {
    const r = await runCli(['describe', ...c.args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const o = c.args.includes('-o') ? c.args[c.args.indexOf('-o') + 1] : 'txt';
    await expectGolden(r.stdout, c.file(`out.${o}`));
  },
  { ignore: ['fixtures'] },
);
