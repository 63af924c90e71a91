// Golden cases for proxy-status's pure core. syncz/<case>.in.json holds what each istiod answered on /debug/syncz
// (or {"error": ...} for one that did not), plus the clock and -n filter; outputs are the default table, the
// --verbosity 1 table, and the JSON/YAML report. compare/<case>.in.json holds istiod's and Envoy's config dumps
// of one proxy; the output is the text report with its diffs.
// MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/proxy-status rewrites the outputs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport, type IstiodAnswer } from '../../../src/core/proxy-status/status.js';
import { parseSyncz } from '../../../src/core/proxy-status/syncz.js';
import { renderStatusTable as renderTable, renderVerboseStatusTable as renderVerboseTable } from '../../../src/render/proxy-status.js';
import { compareConfigDumps, parseConfigDump } from '../../../src/core/proxy-status/compare.js';
import { renderComparison } from '../../../src/render/proxy-status.js';
import { toJson, toYaml } from '../../../src/render/format.js';
import { unifiedDiff } from '../../../src/render/diff.js';

const here = dirname(fileURLToPath(import.meta.url));

function cases(dir: string): string[] {
  return readdirSync(join(here, dir)).filter((f) => f.endsWith('.in.json')).map((f) => f.slice(0, -'.in.json'.length)).sort();
}

describe('proxy-status syncz goldens', () => {
  const dir = join(here, 'syncz');
  it.each(cases('syncz'))('%s', async (name) => {
    const input = JSON.parse(readFileSync(join(dir, `${name}.in.json`), 'utf8')) as { now: string; namespace?: string; istiods: Record<string, unknown> };
    const answers: IstiodAnswer[] = Object.entries(input.istiods).map(([pod, body]) => {
      if (body && typeof body === 'object' && !Array.isArray(body)) return { name: pod, namespace: 'istio-system', error: (body as { error: string }).error };
      const parsed = parseSyncz(JSON.stringify(body));
      if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
      return { name: pod, namespace: 'istio-system', entries: parsed.entries };
    });
    const report = buildReport(answers, input.namespace ? { namespace: input.namespace } : {});
    await expect(renderTable(report)).toMatchFileSnapshot(join(dir, `${name}.out.txt`));
    await expect(renderVerboseTable(report, Date.parse(input.now))).toMatchFileSnapshot(join(dir, `${name}.out-verbose.txt`));
    await expect(toJson(report)).toMatchFileSnapshot(join(dir, `${name}.out.json`));
    await expect(toYaml(report)).toMatchFileSnapshot(join(dir, `${name}.out.yaml`));
  });
});

describe('proxy-status config-dump comparison goldens', () => {
  const dir = join(here, 'compare');
  // The unified diff the command makes (context 7, 10 s limit), without colour.
  const diff = (a: string, b: string, al: string, bl: string) => unifiedDiff(a, b, al, bl, false, 7, 10_000);
  it.each(cases('compare'))('%s', async (name) => {
    const input = JSON.parse(readFileSync(join(dir, `${name}.in.json`), 'utf8')) as { istiod: unknown; envoy: unknown };
    const c = compareConfigDumps(parseConfigDump(JSON.stringify(input.istiod), 'istiod'), parseConfigDump(JSON.stringify(input.envoy), 'envoy'));
    await expect(renderComparison(c, diff)).toMatchFileSnapshot(join(dir, `${name}.out.txt`));
  });
});

describe('proxy-status goldens are not orphaned', () => {
  it.each(['syncz', 'compare'])('%s', (sub) => {
    const known = new Set(cases(sub));
    const orphans = readdirSync(join(here, sub)).filter((f) => !f.endsWith('.in.json') && !known.has(f.replace(/\.out.*$/, '')));
    expect(orphans).toEqual([]);
  });
});
