// Goldens for `mesh graph`, offline on files: `<case>.args` holds the flags after `graph` (paths relative to the
// repository root; fixtures/ holds the inputs written for these cases), stdout goes to `<case>.out.<ext>` by -o
// (json, dot, mmd for mermaid), stderr (the notes) to `<case>.err.txt` when there is any.
// Regenerate with: MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/graph
// Review every change: a golden is only right if the picture is what Istio would do with the input.
import { expect } from 'vitest';
import { expectGolden, expectOptionalGolden, goldenSuite } from '../../helpers/golden.js';
import { runCli } from '../../helpers/run-cli.js';

const EXTENSIONS: Record<string, string> = { json: 'json', dot: 'dot', mermaid: 'mmd' };

goldenSuite(
  'mesh graph goldens',
  import.meta.dirname,
  async (c) => {
    const r = await runCli(['graph', ...c.args]);
    expect(r.code).toBe(0);
    const format = c.args[c.args.indexOf('-o') + 1]!;
    await expectGolden(r.stdout, c.file(`out.${EXTENSIONS[format]}`));
    await expectOptionalGolden(r.stderr, c.file('err.txt'));
  },
  { ignore: ['fixtures'] },
);
