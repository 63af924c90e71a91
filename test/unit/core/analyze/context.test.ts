import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/core/analyze/context.js';
import { buildSnapshot, fileSource } from '../../../../src/core/model/snapshot.js';
import { loadDocuments, objectsOf } from '../../../../src/core/yaml/load.js';

const snapshot = () =>
  buildSnapshot(
    [
      fileSource(
        objectsOf(loadDocuments('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n', 'f.yaml')),
      ),
    ],
    { defaultNamespace: 'default', istioNamespace: 'istio-system', addDefaults: false },
  );

describe('AnalysisContext.memo', () => {
  it('computes once per snapshot and credits every analyzer using the value with the kinds it read', () => {
    const snap = snapshot();
    let computed = 0;
    const readsOf = (name: string) => {
      const read = new Set<string>();
      const ctx = createContext(snap, name, () => {}, { read: (k) => void read.add(k) });
      // An outer memo built on an inner one: both credit their reads.
      const outer = ctx.memo('outer', () => {
        computed++;
        const names = ctx.memo('inner', () => {
          const n: string[] = [];
          ctx.forEach('Pod', (r) => void n.push(r.name));
          return n;
        });
        return [...names, ctx.find('Service', 'default', 's')?.name];
      });
      return { outer, read: [...read].sort() };
    };
    expect(readsOf('a')).toEqual({ outer: ['p', 's'], read: ['Pod', 'Service'] });
    expect(readsOf('b')).toEqual({ outer: ['p', 's'], read: ['Pod', 'Service'] });
    expect(computed).toBe(1);
    const inner = new Set<string>();
    createContext(snap, 'c', () => {}, { read: (k) => void inner.add(k) }).memo('inner', () => []);
    expect([...inner]).toEqual(['Pod']);
    // Another snapshot computes its own value.
    expect(createContext(snapshot(), 'd', () => {}).memo('outer', () => 'fresh')).toBe('fresh');
  });
});
