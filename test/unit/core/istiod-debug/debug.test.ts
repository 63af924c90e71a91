import { describe, expect, it } from 'vitest';
import { debugPath, debugType, parseDebugList } from '../../../../src/core/istiod-debug/debug.js';

describe("istiod's debug paths", () => {
  it.each([
    ['syncz', undefined, '/debug/syncz'],
    ['/debug/syncz', undefined, '/debug/syncz'],
    ['debug/configz', undefined, '/debug/configz'],
    ['config_dump', 'p-1.ns', '/debug/config_dump?proxyID=p-1.ns'],
    ['syncz?namespace=a', 'p.ns', '/debug/syncz?namespace=a&proxyID=p.ns'],
  ])('%s (proxy %s) is %s', (type, proxy, path) => expect(debugPath(type, proxy)).toBe(path));

  it('refuses an empty type', () => {
    expect(() => debugPath('/debug/')).toThrow('is not a debug type');
    expect(() => debugPath('?x=1')).toThrow('is not a debug type');
  });

  it("names types without their query, once each, from istiod's list", () => {
    expect(debugType('/debug/cachez?sizes=true')).toBe('cachez');
    expect(parseDebugList('["/debug/cachez","/debug/cachez?clear=true","/debug/adsz"]')).toEqual(['adsz', 'cachez']);
    expect(parseDebugList('[1]')).toBeUndefined();
  });
});
