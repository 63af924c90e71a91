import { describe, expect, it } from 'vitest';
import { ANALYZERS } from '../../../../src/core/analyze/analyzers/index.js';
import { MESSAGES, PRECHECK_CODES } from '../../../../src/core/model/messages.js';
import { createContext } from '../../../../src/core/analyze/context.js';
import { NETWORKING_CASES } from './cases-networking.js';
import { WORKLOAD_CASES } from './cases-workloads.js';
import { CONTROL_PLANE_CASES } from './cases-control-plane.js';
import { AMBIENT_CASES } from './cases-ambient.js';
import { analyzeYaml, snapshotOf } from './harness.js';

const CASES = { ...NETWORKING_CASES, ...WORKLOAD_CASES, ...CONTROL_PLANE_CASES, ...AMBIENT_CASES };
const names = ANALYZERS.map((a) => a.meta.name);

describe('analyzer registry', () => {
  it('has unique names in alphabetical order, in area.PascalName form', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^[a-zA-Z][a-zA-Z0-9]*\.[A-Z][A-Za-z0-9]+$/);
  });

  it('gives every analyzer a description and at least one case', () => {
    for (const a of ANALYZERS) {
      expect(a.meta.description.length, a.meta.name).toBeGreaterThan(10);
      expect(CASES[a.meta.name]?.length ?? 0, a.meta.name).toBeGreaterThan(0);
    }
    expect(Object.keys(CASES).filter((k) => !names.includes(k))).toEqual([]);
  });

  it('uses every catalog code, and declares only catalog codes', () => {
    const declared = new Set([...ANALYZERS.flatMap((a) => a.meta.codes), ...PRECHECK_CODES]);
    expect([...declared].sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it('reports, in its cases, every code each analyzer declares', async () => {
    for (const a of ANALYZERS) {
      const seen = new Set<string>();
      for (const c of CASES[a.meta.name] ?? []) for (const m of await analyzeYaml(c.yaml, [a])) seen.add(m.code);
      expect([...seen].sort(), a.meta.name).toEqual([...a.meta.codes].sort());
    }
  });

  it('reads exactly the kinds each analyzer declares (recorded with a spy context)', async () => {
    for (const a of ANALYZERS) {
      const read = new Set<string>();
      for (const c of CASES[a.meta.name] ?? []) {
        const snapshot = await snapshotOf(c.yaml);
        a.analyze(createContext(snapshot, a.meta.name, () => {}, { read: (k) => void read.add(k) }));
      }
      expect([...read].sort(), a.meta.name).toEqual([...new Set(a.meta.inputs)].sort());
    }
  });
});

describe('opt-in analyzers', () => {
  it('run only when named, and -L still lists them', async () => {
    const { selectAnalyzers, listAnalyzers } = await import('../../../../src/core/analyze/index.js');
    const optIn = ANALYZERS.filter((a) => a.meta.optIn).map((a) => a.meta.name);
    expect(optIn).toEqual(['annotations.AlphaAnalyzer']);
    expect(selectAnalyzers([]).map((a) => a.meta.name)).toEqual(names.filter((n) => !optIn.includes(n)));
    expect(selectAnalyzers(['annotations.AlphaAnalyzer']).map((a) => a.meta.name)).toEqual(['annotations.AlphaAnalyzer']);
    for (const n of names) expect(listAnalyzers()).toContain(`* ${n}:`);
  });
});
