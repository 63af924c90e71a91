import { describe, expect, it } from 'vitest';
import { canonicalQuantity, isQuantity } from '../../../../src/core/inject/quantity.js';

describe('canonicalQuantity (Go resource.Quantity canonical form)', () => {
  it.each([
    ['2000m', '2'],
    ['100m', '100m'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['1024Mi', '1Gi'],
    ['128Mi', '128Mi'],
    ['0.5Gi', '512Mi'],
    ['1000Mi', '1000Mi'],
    ['1000k', '1M'],
    ['1e3', '1e3'],
    ['0', '0'],
    [2, '2'],
    ['1.5Gi', '1536Mi'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it('recognises quantities and rejects the rest', () => {
    expect(isQuantity('250m')).toBe(true);
    expect(isQuantity('1Gi')).toBe(true);
    expect(isQuantity('lots')).toBe(false);
    expect(isQuantity('1 Gi')).toBe(false);
  });
});
