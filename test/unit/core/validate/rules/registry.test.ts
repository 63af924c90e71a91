/** Invariants of the semantic rule registry. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { semanticRules } from '../../../../../src/core/validate/rules/index.js';
import { schemaKinds } from '../../../../../src/core/model/crd-schema.js';

describe('semantic rule registry', () => {
  const names = semanticRules.map((r) => r.name);
  it('names are unique and sorted', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });
  it('every rule has a description and known kinds', () => {
    for (const r of semanticRules) {
      expect(r.description.length, r.name).toBeGreaterThan(10);
      for (const k of r.kinds) expect(schemaKinds(), `${r.name} kind ${k}`).toContain(k);
    }
  });
  it('every rule has a case table in this folder', () => {
    const text = readdirSync(new URL('.', import.meta.url))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
      .join('\n');
    for (const name of names) expect(text, name).toContain(`'${name}'`);
  });
});
