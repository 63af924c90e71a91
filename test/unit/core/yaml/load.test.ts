import { describe, expect, it } from 'vitest';
import { loadDocuments, objectsOf } from '../../../../src/core/yaml/load.js';
import { splitDocuments } from '../../../../src/core/yaml/split.js';
import { decodeText } from '../../../../src/core/yaml/decode.js';
import { InputError } from '../../../../src/errors.js';

describe('splitDocuments', () => {
  it.each(['a: 1\n', '---\na: 1\n---\nb: 2\n', '# lead\n---\na: 1\n...\n---\nb: 2', 'a: |\n  ---not a marker\n---\n', '', '---\n---\n'])(
    'concatenates back to the input: %j',
    (text) => {
      expect(
        splitDocuments(text)
          .map((c) => c.text)
          .join(''),
      ).toBe(text);
    },
  );

  it('finds line numbers of documents', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n---\nc: 3\n').map((c) => c.line)).toEqual([1, 2, 4]);
  });
});

describe('loadDocuments', () => {
  it('reads YAML 1.1 scalars as kubectl does', () => {
    const [doc] = loadDocuments('a: yes\nb: on\nc: 0644\nd: 1e3\ne: "yes"\nf: y\ng: 0x1F\nh: ~\n', 'x.yaml');
    expect(doc!.value).toEqual({ a: true, b: true, c: 420, d: 1000, e: 'yes', f: true, g: 31, h: null });
  });

  it('reports syntax errors as file:line:col with the document offset', () => {
    expect(() => loadDocuments('a: 1\n---\nb: 2\nc: [1, 2\n', 'bad.yaml')).toThrow(/^bad\.yaml:5:1: /);
  });

  it('refuses duplicate keys', () => {
    expect(() => loadDocuments('a: 1\na: 2\n', 'dup.yaml')).toThrow(/^dup\.yaml:2:\d+: duplicated mapping key/);
  });

  it('refuses an alias bomb fast but accepts hundreds of legitimate aliases', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const start = Date.now();
    expect(() => loadDocuments(levels.join('\n'), 'bomb.yaml')).toThrow(/alias bomb/);
    expect(Date.now() - start).toBeLessThan(5000);
    const legit = ['base: &b {cpu: 100m}', ...Array.from({ length: 500 }, (_, i) => `k${i}: *b`)].join('\n');
    expect(Object.keys(loadDocuments(legit, 'ok.yaml')[0]!.value as object)).toHaveLength(501);
  });

  it('marks comment-only documents empty and expands Lists', () => {
    const docs = loadDocuments('# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Service, metadata: {name: s}}\n', 'l.yaml');
    expect(docs[0]!.empty).toBe(true);
    expect(objectsOf(docs).map((o) => [o.object.kind, o.path])).toEqual([['Service', ['items', 0]]]);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufeffa: 1\n'), 'bom.yaml')).toBe('a: 1\n');
  });
  it('refuses binary and non-UTF-8 input with the file name', () => {
    expect(() => decodeText(Buffer.from([0x61, 0x00, 0x62]), 'bin')).toThrow(InputError);
    expect(() => decodeText(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]), 'latin1.yaml')).toThrow(/^latin1\.yaml:1:4: not valid UTF-8/);
  });
});
