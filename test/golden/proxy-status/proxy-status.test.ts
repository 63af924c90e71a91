// Golden cases for proxy-status's pure core. syncz/<case>.in.json holds what each istiod answered on /debug/syncz
// (or {"error": ...} for one that did not), plus the clock and -n filter; outputs are the default table (.out.txt), the
// --verbosity 1 table (.out.verbose.txt), and the JSON/YAML report. compare/<case>.in.json holds istiod's and Envoy's
// config dumps of one proxy; the output is the text report with its diffs.
// MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/proxy-status rewrites the outputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport, type IstiodAnswer } from '../../../src/core/proxy-status/status.js';
import { parseSyncz } from '../../../src/core/proxy-status/syncz.js';
import { renderStatusTable as renderTable, renderVerboseStatusTable as renderVerboseTable } from '../../../src/render/proxy-status.js';
import { compareConfigDumps, parseConfigDump } from '../../../src/core/proxy-status/compare.js';
import { renderComparison } from '../../../src/render/proxy-status.js';
import { toJson, toYaml } from '../../../src/render/format.js';
import { unifiedDiff } from '../../../src/render/diff.js';
import { expectGolden, goldenSuite } from '../../helpers/golden.js';

const here = import.meta.dirname;

goldenSuite('proxy-status syncz goldens', join(here, 'syncz'), async (c) => {
  const input = JSON.parse(readFileSync(c.input!, 'utf8')) as { now: string; namespace?: string; istiods: Record<string, unknown> };
  const answers: IstiodAnswer[] = Object.entries(input.istiods).map(([pod, body]) => {
    if (body && typeof body === 'object' && !Array.isArray(body)) return { name: pod, namespace: 'istio-system', error: (body as { error: string }).error };
    const parsed = parseSyncz(JSON.stringify(body));
    if (!parsed.ok) throw new Error(`${c.name}: ${parsed.reason}`);
    return { name: pod, namespace: 'istio-system', entries: parsed.entries };
  });
  const report = buildReport(answers, input.namespace ? { namespace: input.namespace } : {});
  await expectGolden(renderTable(report), c.file('out.txt'));
  await expectGolden(renderVerboseTable(report, Date.parse(input.now)), c.file('out.verbose.txt'));
  await expectGolden(toJson(report), c.file('out.json'));
  await expectGolden(toYaml(report), c.file('out.yaml'));
});

// The unified diff the command makes (context 7, 10 s limit), without colour.
const diff = (a: string, b: string, al: string, bl: string) => unifiedDiff(a, b, al, bl, false, 7, 10_000);

goldenSuite('proxy-status config-dump comparison goldens', join(here, 'compare'), async (c) => {
  const input = JSON.parse(readFileSync(c.input!, 'utf8')) as { istiod: unknown; envoy: unknown };
  const comparison = compareConfigDumps(parseConfigDump(JSON.stringify(input.istiod), 'istiod'), parseConfigDump(JSON.stringify(input.envoy), 'envoy'));
  await expectGolden(renderComparison(comparison, diff), c.file('out.txt'));
});
