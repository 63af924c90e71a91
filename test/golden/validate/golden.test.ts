/**
 * Golden cases for `mesh validate`: each `<case>.in.yaml` here is validated by the core; the log output, the JSON output
 * and the summary are compared with `<case>.out.txt`, `<case>.out.json` and `<case>.err.txt`.
 * Update with `MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/validate` and review the diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSources } from '../../../src/core/validate/sources.js';
import { renderJson, renderLog, renderSummary, summarize } from '../../../src/core/validate/report.js';

const dir = new URL('.', import.meta.url);
const files = readdirSync(dir);
const cases = files.filter((f) => f.endsWith('.in.yaml')).map((f) => f.slice(0, -'.in.yaml'.length)).sort();

describe('validate goldens', () => {
  it.each(cases)('%s', async (name) => {
    const origin = `${name}.in.yaml`;
    const { diagnostics, objects } = await validateSources([{ origin, text: readFileSync(new URL(origin, dir), 'utf8') }]);
    const summary = summarize(diagnostics, objects);
    await expect(renderLog(diagnostics)).toMatchFileSnapshot(new URL(`${name}.out.txt`, dir).pathname);
    await expect(renderJson(diagnostics, summary)).toMatchFileSnapshot(new URL(`${name}.out.json`, dir).pathname);
    await expect(renderSummary(summary)).toMatchFileSnapshot(new URL(`${name}.err.txt`, dir).pathname);
  });

  it('has no orphaned outputs', () => {
    const orphans = files.filter((f) => /\.(out\.txt|out\.json|err\.txt)$/.test(f) && !cases.includes(f.replace(/\.(out\.txt|out\.json|err\.txt)$/, '')));
    expect(orphans).toEqual([]);
  });
});
