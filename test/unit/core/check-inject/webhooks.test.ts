/**
 * check-inject's verdicts on istioctl's own webhook fixtures (istioctl/pkg/checkinject/testdata/check-inject in the
 * Istio module, read in place): a default injector, a 1-16 revision injector and a deactivated one, against the
 * namespace and pod labels of istioctl's test table, with the reasons istioctl gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { checkInjection } from '../../../../src/core/check-inject/webhooks.js';
import { istioModuleAvailable, istioPath } from '../../../helpers/istio-module.js';

const hooks = () =>
  ['default-injector.yaml', 'rev-16-injector.yaml', 'never-match-injector.yaml'].map((f) =>
    jsyaml.load(readFileSync(istioPath('istioctl', 'pkg', 'checkinject', 'testdata', 'check-inject', f), 'utf8')),
  );
const labels = (inject: string, rev: string, injectKey: string) => ({ ...(inject ? { [injectKey]: inject } : {}), ...(rev ? { 'istio.io/rev': rev } : {}) });
const pod = (inject = '', rev = '') => labels(inject, rev, 'sidecar.istio.io/inject');
const ns = (inject = '', rev = '') => labels(inject, rev, 'istio-injection');

const NO_DEFAULT =
  'No matching namespace labels (istio.io/rev=default, istio-injection=enabled) or pod labels (istio.io/rev=default, sidecar.istio.io/inject=true)';
const NO_16 = 'No matching namespace labels (istio.io/rev=1-16) or pod labels (istio.io/rev=1-16)';
const OFF = 'The injection webhook is deactivated, and will never match labels.';

// [case, pod labels, namespace labels, [default injected, reason], [1-16 injected, reason]]; the deactivated one never injects.
const cases: [string, Record<string, string>, Record<string, string>, [boolean, string], [boolean, string]][] = [
  ['no match labels', pod(), ns(), [false, NO_DEFAULT], [false, NO_16]],
  ['default namespace injection', pod(), ns('enabled'), [true, 'Namespace label istio-injection=enabled matches'], [false, NO_16]],
  ['revision namespace injection', pod(), ns('', '1-16'), [false, NO_DEFAULT], [true, 'Namespace label istio.io/rev=1-16 matches']],
  [
    'revision pod label',
    pod('', '1-16'),
    ns(),
    [false, 'Pod has istio.io/rev=1-16 label, preventing injection'],
    [true, 'Pod label istio.io/rev=1-16 matches'],
  ],
  ['default pod label', pod('true'), ns(), [true, 'Pod label sidecar.istio.io/inject=true matches'], [false, NO_16]],
  [
    'both default labels',
    pod('true'),
    ns('enabled'),
    [true, 'Namespace label istio-injection=enabled matches, and pod label sidecar.istio.io/inject=true matches'],
    [false, NO_16],
  ],
  ['both revision labels', pod('', '1-16'), ns('', '1-16'), [false, NO_DEFAULT], [true, 'Namespace label istio.io/rev=1-16 matches']],
  [
    'disabled namespace, revision pod',
    pod('', '1-16'),
    ns('disabled'),
    [false, 'Namespace has istio-injection=disabled label, preventing injection'],
    [false, 'Namespace has istio-injection=disabled label, preventing injection'],
  ],
  ['enabled namespace, revision pod', pod('', '1-16'), ns('enabled'), [true, 'Namespace label istio-injection=enabled matches'], [false, NO_16]],
  ['pod opted out', pod('false'), ns('enabled'), [false, 'Pod has sidecar.istio.io/inject=false label, preventing injection'], [false, NO_16]],
  [
    'pod opted out of a revision namespace',
    pod('false'),
    ns('', '1-16'),
    [false, NO_DEFAULT],
    [false, 'Pod has sidecar.istio.io/inject=false label, preventing injection'],
  ],
];

describe.skipIf(!istioModuleAvailable)("check-inject on istioctl's webhook fixtures", () => {
  it.each(cases)('%s', (_name, podLabels, nsLabels, def, rev16) => {
    expect(checkInjection(hooks(), podLabels, nsLabels)).toEqual([
      { webhook: 'istio-sidecar-injector', revision: 'default', injected: def[0], reason: def[1] },
      { webhook: 'istio-sidecar-injector-1-16', revision: '1-16', injected: rev16[0], reason: rev16[1] },
      { webhook: 'istio-sidecar-injector-deactivated', revision: 'default', injected: false, reason: OFF },
    ]);
  });
});

describe('check-inject rules', () => {
  const webhook = (name: string, namespaceSelector?: object, objectSelector?: object) => ({
    metadata: { name: `cfg-${name}`, labels: {} },
    webhooks: [{ name: `${name}.sidecar-injector.istio.io`, namespaceSelector, objectSelector }],
  });
  it('leaves out webhook configurations that are not Istio injectors', () => {
    expect(checkInjection([{ metadata: { name: 'other' }, webhooks: [{ name: 'x.example.com' }] }], {}, {})).toEqual([]);
  });
  it('says when injection is on in every namespace', () => {
    const all = webhook('all', { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }] });
    expect(checkInjection([all], {}, { 'kubernetes.io/metadata.name': 'shop' })[0]).toMatchObject({
      injected: true,
      reason: 'Namespace label kubernetes.io/metadata.name=shop matches (Automatic injection is enabled in all namespaces).',
      revision: '',
    });
  });
  it('sorts by name', () => {
    expect(checkInjection([webhook('b'), webhook('a')], {}, {}).map((v) => v.webhook)).toEqual(['cfg-a', 'cfg-b']);
  });
});
