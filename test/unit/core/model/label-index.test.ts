import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabelIndex, SelectorIndex } from '../../../../src/core/model/label-index.js';
import { selects } from '../../../../src/core/model/selectors.js';

// Small alphabets so that selectors and labels often overlap; `constructor` checks prototype keys are not matched.
const labels = fc.dictionary(fc.constantFrom('app', 'version', 'tier', 'constructor'), fc.constantFrom('a', 'b', 'v1'), { maxKeys: 3 });
const item = fc.record({ ns: fc.constantFrom('x', 'y', 'z'), labels });

describe('LabelIndex', () => {
  it('selects exactly what a full scan selects, in input order', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), labels, fc.option(fc.constantFrom('x', 'y', 'w'), { nil: undefined }), (items, selector, ns) => {
        const index = new LabelIndex(
          items,
          (i) => i.labels,
          (i) => i.ns,
        );
        const scan = items.filter((i) => (ns === undefined || i.ns === ns) && selects(selector, i.labels));
        expect(index.select(selector, ns)).toEqual(scan);
        expect(index.any(selector, ns)).toBe(scan.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('SelectorIndex', () => {
  it('finds exactly the items with a non-empty selector that selects the labels, in input order', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), labels, fc.constantFrom('x', 'y'), (items, podLabels, ns) => {
        const index = new SelectorIndex(
          items,
          (i) => i.labels,
          (i) => i.ns,
        );
        const scan = items.filter((i) => i.ns === ns && Object.keys(i.labels).length > 0 && selects(i.labels, podLabels));
        expect(index.selecting(podLabels, ns)).toEqual(scan);
      }),
      { numRuns: 500 },
    );
  });
});
