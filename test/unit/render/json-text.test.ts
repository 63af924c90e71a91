import { describe, expect, it } from 'vitest';
import { reindentJson } from '../../../src/render/json-text.js';

describe('reindentJson', () => {
  it('lays out like JSON.stringify(…, 2) where JavaScript would not change the values', () => {
    const text = '{"a":[1,{"b":"x, y: {z}"}],"c":{},"d":[],"e":"q\\"uote"}';
    expect(reindentJson(text)).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('keeps big numbers, number spellings and key order as written', () => {
    expect(reindentJson('{"2":18446744073709551615,"10":1.50}')).toBe('{\n  "2": 18446744073709551615,\n  "10": 1.50\n}\n');
    expect(reindentJson(' [ ] ', 4)).toBe('[]\n');
  });

  it('refuses what is not JSON', () => {
    expect(reindentJson('Pushed to 3 servers')).toBeUndefined();
    expect(reindentJson('{"a":')).toBeUndefined();
  });
});
