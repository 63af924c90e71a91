import { describe, expect, it } from 'vitest';
import { validateSources } from '../../../../src/core/validate/sources.js';
import { loadDocuments, YamlSyntaxError } from '../../../../src/core/yaml/load.js';

describe('validateSources on text that does not parse', () => {
  it('reports the position the parser names, as data rather than read back from the message', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n';
    const thrown = (() => {
      try {
        loadDocuments(text, 'dir:odd/f.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(YamlSyntaxError);
    const e = thrown as YamlSyntaxError;
    expect(e.message).toBe(`dir:odd/f.yaml:${e.line}:${e.col}: ${e.reason}`);
    const { diagnostics } = await validateSources([{ origin: 'dir:odd/f.yaml', text }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'dir:odd/f.yaml', line: e.line, col: e.col, message: `invalid YAML: ${e.reason}`, rule: 'yaml' });
  });

  it('gives an alias bomb the line of its document and no column', () => {
    const text =
      'a: b\n---\nx: &x [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\nz: [*y, *y, *y, *y, *y, *y, *y, *y, *y, *y]\n';
    const limits = { maxExpandedNodes: 50 };
    const thrown = (() => {
      try {
        loadDocuments(text, 'bomb.yaml', limits);
      } catch (e) {
        return e;
      }
    })() as YamlSyntaxError;
    expect(thrown).toBeInstanceOf(YamlSyntaxError);
    expect([thrown.line, thrown.col]).toEqual([2, undefined]);
    expect(thrown.message).toMatch(/^bomb\.yaml:2: document expands to [\d,]+ nodes through aliases/);
  });
});
