import { describe, expect, it } from 'vitest';
import { exactNamespaces, parseSelectionSpec, selected, type ContainerPath } from '../../../../src/core/bug-report/filter.js';

const path = (p: Partial<ContainerPath>): ContainerPath => ({
  namespace: 'shop',
  deployment: 'web',
  pod: 'web-1',
  container: 'istio-proxy',
  labels: { app: 'web', version: 'v1' },
  annotations: {},
  ...p,
});

describe('bug-report selection specs (istioctl syntax)', () => {
  it('parses each of the six parts; empty and * parts match everything', () => {
    expect(parseSelectionSpec('ns1,ns2/dep1/pod1/l=v,k=w/a=b/c1,c2')).toEqual({
      namespaces: ['ns1', 'ns2'],
      deployments: ['dep1'],
      pods: ['pod1'],
      labels: { l: 'v', k: 'w' },
      annotations: { a: 'b' },
      containers: ['c1', 'c2'],
    });
    expect(parseSelectionSpec('*//p*')).toMatchObject({ namespaces: [], deployments: [], pods: ['p*'] });
  });

  it.each([
    ['shop', true],
    ['sh*', true],
    ['s?op', true],
    ['[rs]hop', true],
    ['prod', false],
    ['prod,shop', true],
    ['shop/api', false],
    ['shop/web/web-[0-9]', true],
    ['shop///app=w*', true],
    ['shop///app=web,version=v2', false],
    ['///tier=x', false],
    ['/////istio-proxy', true],
    ['/////discovery', false],
  ])('--include %s → %s', (spec, expected) => {
    expect(selected(path({}), [parseSelectionSpec(spec)], [])).toBe(expected);
  });

  it('exclude wins over include; no include means all; kube-system never', () => {
    expect(selected(path({}), [parseSelectionSpec('shop')], [parseSelectionSpec('//web-*')])).toBe(false);
    expect(selected(path({}), [], [])).toBe(true);
    expect(selected(path({ namespace: 'kube-system' }), [parseSelectionSpec('kube-system')], [])).toBe(false);
  });

  it.each([
    ['a/b/c/d=e/f/g/h', 'at most 6 parts'],
    ['///app', 'must have format key=value'],
    ['///a*=b', "key cannot have '*' wildcards"],
    ['ns[', 'unterminated ['],
  ])('refuses %s', (spec, message) => {
    expect(() => parseSelectionSpec(spec)).toThrow(message);
  });

  it('exactNamespaces: only when every spec names namespaces without globs', () => {
    expect(exactNamespaces([parseSelectionSpec('b,a'), parseSelectionSpec('c/web')])).toEqual(['a', 'b', 'c']);
    expect(exactNamespaces([parseSelectionSpec('a'), parseSelectionSpec('//pod')])).toBeUndefined();
    expect(exactNamespaces([parseSelectionSpec('prod-*')])).toBeUndefined();
    expect(exactNamespaces([])).toBeUndefined();
  });
});
