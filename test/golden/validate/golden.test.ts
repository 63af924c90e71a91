/**
 * Golden cases for `mesh validate`: each `<case>.in.yaml` here is validated by the core; the log output, the JSON output
 * and the summary are compared with `<case>.out.txt`, `<case>.out.json` and `<case>.err.txt`.
 * Update with `MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/validate` and review the diff.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateSources } from '../../../src/core/validate/sources.js';
import { renderJson, renderLog, renderSummary, summarize } from '../../../src/render/validate.js';
import { expectGolden, goldenSuite } from '../../helpers/golden.js';

goldenSuite('validate goldens', import.meta.dirname, async (c) => {
  const origin = basename(c.input!);
  const { diagnostics, objects } = await validateSources([{ origin, text: readFileSync(c.input!, 'utf8') }]);
  const summary = summarize(diagnostics, objects);
  await expectGolden(renderLog(diagnostics), c.file('out.txt'));
  await expectGolden(renderJson(diagnostics, summary), c.file('out.json'));
  await expectGolden(renderSummary(summary), c.file('err.txt'));
});
