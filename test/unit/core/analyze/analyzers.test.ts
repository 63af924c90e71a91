import { describe, expect, it } from 'vitest';
import { ANALYZERS } from '../../../../src/core/analyze/analyzers/index.js';
import { analyzeYaml, pairs } from './harness.js';
import { NETWORKING_CASES } from './cases-networking.js';
import { WORKLOAD_CASES } from './cases-workloads.js';
import { CONTROL_PLANE_CASES } from './cases-control-plane.js';
import { AMBIENT_CASES } from './cases-ambient.js';

const CASES = { ...NETWORKING_CASES, ...WORKLOAD_CASES, ...CONTROL_PLANE_CASES, ...AMBIENT_CASES };

describe.each(ANALYZERS.map((a) => [a.meta.name, a] as const))('%s', (name, analyzer) => {
  const cases = CASES[name] ?? [];
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const messages = await analyzeYaml(c.yaml, [analyzer]);
    expect(pairs(messages)).toEqual(c.expected);
    // Every message from a file names the file and a line inside it.
    for (const m of messages) expect(m.line).toBeGreaterThan(0);
  });
});
