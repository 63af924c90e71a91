import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDocuments, type YamlDoc } from '../../../../src/core/yaml/load.js';
import { locate } from '../../../../src/core/yaml/locate.js';
import { locateFast, tryLocateFast } from '../../../../src/core/yaml/fast-locate.js';

type Path = (string | number)[];

/** Every path into a value (each node), plus a missing step under each collection. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, 'nope']);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, 'no-such-key', 'deeper']);
  }
  return out;
}

/** Compares the two locators on every path of every document; returns how many answers the fast path gave itself. */
function compareAll(docs: readonly YamlDoc[]): { fast: number; total: number } {
  let fast = 0,
    total = 0;
  for (const doc of docs) {
    for (const path of pathsOf(doc.value)) {
      for (const key of [false, true]) {
        total++;
        const quick = tryLocateFast(doc, path, { key });
        if (quick) fast++;
        // Only a different answer is wrong: undefined means locateFast falls back to locate.
        if (quick) expect({ path, key, at: quick }).toEqual({ path, key, at: locate(doc, path, { key }) });
      }
    }
  }
  return { fast, total };
}

describe('locateFast', () => {
  const mapped = [
    '---\n# lead\napiVersion: v1\nkind: Service\nmetadata:\n  name: a # trailing\n  labels:\n    app: x\nspec:\n  ports:\n  - name: http\n    port: 80\n  -   name: b\n      port: 81\n',
    'metadata: {name: svc-0, namespace: team-0}\nspec: {hosts: [a, "b"], http: [{match: [{uri: {prefix: /a}}], route: [{destination: {host: a, subset: v1}}]}, {route: [{destination: {host: "x:1"}}]}]}\n',
    'a:\nb: 1\nc:\n  # x\n  d: 2\ne:\n- 1\n-\n- - x\n  - y\nf: |\n  text\n\n  more\ng: >-\n  x\nh: "multi\n  line"\ni: plain\n  more\n',
    "spec:\n  x: [\n    1,\n    {a: b, c: [d,\n      e]},  # c\n  ]\n  \"quoted key\": 1\n  'single''s': 2\n  url: http://a:1/b\n  k8s.io/name: v\n",
    '- a: 1\n  b: 2\n-   c: 3\n-\n  d: 4\n- # c\n  e: 5\n',
    'data:\n  script: |-\n    #!/bin/sh\n    echo a: b\n      - not a seq\n  next: 1\nlist:\n- |\n  x\n- >\n  y\n',
    '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"n"},"data":{"a":"1"}}\n',
  ];
  it.each(mapped)('maps %j exactly as locate does', (text) => {
    const docs = loadDocuments(text, 'f.yaml');
    const { fast, total } = compareAll(docs);
    // Each of these uses only the mapped subset: most answers come from the fast path (empty values fall back).
    expect(fast).toBeGreaterThan(total * 0.8);
  });

  const unmapped = ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: b\n', 'y: 1\n', 'a:\r\n  b: 1\r\n', '"esc\\"": 1\n', 'a: [b: c]\n', '8080: x\n'];
  it.each(unmapped)('falls back to locate for %j', (text) => {
    const [doc] = loadDocuments(text, 'f.yaml');
    expect(tryLocateFast(doc!, [Object.keys(doc!.value as object)[0]!])).toBeUndefined();
    expect(locateFast(doc!, [Object.keys(doc!.value as object)[0]!])).toEqual(locate(doc!, [Object.keys(doc!.value as object)[0]!]));
  });

  it('adds the document offset to lines in a multi-document stream', () => {
    const docs = loadDocuments('a: 1\n---\nkind: X\nspec:\n  b: [1, 2]\n', 's.yaml');
    expect(tryLocateFast(docs[1]!, ['spec', 'b', 1])).toEqual({ line: 5, col: 10 });
    expect(locate(docs[1]!, ['spec', 'b', 1])).toEqual({ line: 5, col: 10 });
  });

  it('agrees with locate on every YAML file in the repository', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) files.push(p);
      }
    };
    for (const dir of ['test', 'samples', 'manifests']) walk(dir);
    let fast = 0;
    for (const file of files) {
      if (statSync(file).size > 20_000) continue; // rendered install manifests: locate() over every path of them takes seconds
      let docs: YamlDoc[];
      try {
        docs = loadDocuments(readFileSync(file, 'utf8'), file);
      } catch {
        continue; // fixtures of malformed YAML
      }
      fast += compareAll(docs).fast;
    }
    expect(fast).toBeGreaterThan(0);
  });

  // Mostly keys manifests use, sometimes keys that need quoting or that YAML 1.1 reads as another type.
  const key = fc.oneof(
    { arbitrary: fc.constantFrom('a', 'b', 'name', 'spec', 'k8s.io/n', 'x_y'), weight: 12 },
    { arbitrary: fc.constantFrom('y', 'on', 'null', '1', 'a b', 'x:y', "it's", 'q"q', '#h', '-d'), weight: 1 },
  );
  const scalar = fc.oneof(
    fc.constantFrom('', ' ', 'a: b', '# c', '- x', 'multi\nline', '{x}', '[y]', "'", '"', 'yes', '1.5', '&a', '*b', '|'),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('node'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  })).node;
  const style = fc.record({
    lib: fc.constantFrom('yaml', 'js-yaml', 'json'),
    flowLevel: fc.integer({ min: -1, max: 3 }),
    indent: fc.integer({ min: 1, max: 4 }),
    indentSeq: fc.boolean(),
    quote: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>,
  });

  it('agrees with locate on generated documents in every style', () => {
    const seen = { fast: 0, total: 0 };
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), style, (v, s) => {
        const text =
          s.lib === 'json'
            ? JSON.stringify(v, null, s.indent - 1)
            : s.lib === 'yaml'
              ? stringify(v, {
                  version: '1.1',
                  indent: s.indent,
                  indentSeq: s.indentSeq,
                  defaultStringType: s.quote,
                  collectionStyle: s.flowLevel === 0 ? 'flow' : 'any',
                })
              : jsyaml.dump(v, { flowLevel: s.flowLevel, indent: Math.max(2, s.indent), noCompatMode: false });
        let docs: YamlDoc[];
        try {
          docs = loadDocuments(`---\n${text}`, 'gen.yaml');
        } catch {
          return; // the two libraries disagree on a few corner cases of YAML 1.1; not this locator's business
        }
        const { fast, total } = compareAll(docs);
        seen.fast += fast;
        seen.total += total;
      }),
      { numRuns: Number(process.env.FL_RUNS ?? 300) },
    );
    // Most generated documents stay within the mapped subset; the comparison would prove nothing otherwise.
    expect(seen.fast).toBeGreaterThan(seen.total / 3);
  });
});
