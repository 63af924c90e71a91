import { describe, expect, it } from 'vitest';
import {
  checkKubernetesVersion,
  controlPlaneFindings,
  crdFindings,
  guessPlural,
  judge,
  kindKey,
  parseFromVersion,
  parseKubernetesVersion,
  permissionFindings,
  requiredPermissions,
  toMessage,
  upgradeNotes,
  type KindResource,
} from '../../../../src/core/precheck/index.js';
import { formatMessage } from '../../../../src/core/model/messages.js';
import { UsageError } from '../../../../src/errors.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

describe('Kubernetes version', () => {
  it('reads gitVersion with provider suffixes, else major/minor', () => {
    expect(parseKubernetesVersion({ gitVersion: 'v1.33.1-eks-abc' })).toEqual({ major: 1, minor: 33, text: 'v1.33.1-eks-abc' });
    expect(parseKubernetesVersion({ gitVersion: '', major: '1', minor: '34+' })).toEqual({ major: 1, minor: 34, text: 'v1.34' });
    expect(parseKubernetesVersion({ gitVersion: 'nonsense' })).toBeUndefined();
  });

  it('IST0142 below 1.32 with the supported range; nothing from 1.32 to 1.36; MESH0002 above', () => {
    expect(checkKubernetesVersion({ gitVersion: 'v1.31.9' })).toEqual([{ code: 'IST0142', args: ['v1.31.9', '1.32 - 1.36'] }]);
    expect(formatMessage('IST0142', ['v1.31.9', '1.32 - 1.36'])).toBe('Kubernetes v1.31.9 is older than Istio 1.30 supports (1.32 - 1.36).');
    for (const v of ['v1.32.0', 'v1.34.2', 'v1.36.3']) expect(checkKubernetesVersion({ gitVersion: v })).toEqual([]);
    expect(checkKubernetesVersion({ gitVersion: 'v1.37.0' })).toEqual([{ code: 'MESH0002', args: ['v1.37.0', '1.32 - 1.36'] }]);
    expect(checkKubernetesVersion({ gitVersion: '???' })).toEqual([]);
  });
});

const obj = (apiVersion: string, kind: string, name: string, namespace?: string, extra: Partial<KubeObject> = {}): KubeObject =>
  ({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra }) as KubeObject;

describe('permissions from a render', () => {
  const table = new Map<string, KindResource>([
    [kindKey('apps/v1', 'Deployment'), { plural: 'deployments', namespaced: true }],
    [kindKey('v1', 'Namespace'), { plural: 'namespaces', namespaced: false }],
    [kindKey('apiextensions.k8s.io/v1', 'CustomResourceDefinition'), { plural: 'customresourcedefinitions', namespaced: false }],
  ]);
  const owned = [
    { apiVersion: 'apps/v1', kind: 'Deployment' },
    { apiVersion: 'networking.istio.io/v1alpha3', kind: 'EnvoyFilter' },
    { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition' },
  ];

  it('needs get/create/patch per object, delete only for pruned kinds, list cluster-wide for served or rendered owned kinds', () => {
    const objects = [
      obj('v1', 'Namespace', 'istio-system'),
      obj('apps/v1', 'Deployment', 'istiod', 'istio-system'),
      obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'envoyfilters.networking.istio.io', undefined, {
        spec: { group: 'networking.istio.io', names: { kind: 'EnvoyFilter' } },
      }),
    ];
    const perms = requiredPermissions(objects, owned, table).map((p) => `${p.verb} ${p.group}/${p.resource} ${p.namespace || '*'}`);
    expect(perms).toEqual([
      'get /namespaces *',
      'create /namespaces *',
      'patch /namespaces *',
      'get apiextensions.k8s.io/customresourcedefinitions *',
      'create apiextensions.k8s.io/customresourcedefinitions *',
      'patch apiextensions.k8s.io/customresourcedefinitions *',
      'list apps/deployments *',
      'get apps/deployments istio-system',
      'create apps/deployments istio-system',
      'patch apps/deployments istio-system',
      'delete apps/deployments istio-system',
      // Not served yet, but this install creates its CRD: prune will list it. NetworkAttachmentDefinition is neither: never listed.
      'list networking.istio.io/envoyfilters *',
    ]);
  });

  it('guesses CRD plurals the Kubernetes way', () => {
    expect(['Gateway', 'Policy', 'Ingress', 'Mesh', 'Key'].map(guessPlural)).toEqual(['gateways', 'policies', 'ingresses', 'meshes', 'keys']);
  });

  it('groups denials per resource and namespace into IST0141, verbs in order, with the reason or a can-i hint', () => {
    const p = (verb: string, resource: string, group = '', namespace = '') => ({ group, resource, verb, namespace });
    const findings = permissionFindings([
      { permission: p('patch', 'deployments', 'apps', 'istio-system'), reason: '' },
      { permission: p('create', 'deployments', 'apps', 'istio-system'), reason: '' },
      { permission: p('create', 'namespaces'), reason: 'blocked by policy X' },
    ]);
    expect(findings.map((f) => formatMessage(f.code, f.args))).toEqual([
      'Missing permission to create, patch deployments.apps in namespace istio-system, which mesh install needs (no rule allows it; see kubectl auth can-i create deployments.apps -n istio-system).',
      'Missing permission to create namespaces cluster-wide, which mesh install needs (blocked by policy X).',
    ]);
  });
});

describe('existing Istio', () => {
  const plane = (version: string, revision = 'default') => ({
    deployment: `istio-system/istiod${revision === 'default' ? '' : `-${revision}`}`,
    revision,
    version,
  });

  it('notes an in-place replacement, warns on a downgrade or a jump of more than two minors, ignores the same minor', () => {
    const codes = (planes: ReturnType<typeof plane>[], revision = 'default') => controlPlaneFindings(planes, '1.30.3', revision).map((f) => f.code);
    expect(codes([plane('1.30.1')])).toEqual([]);
    expect(codes([plane('1.29.2')])).toEqual(['MESH0003']);
    expect(codes([plane('1.28.0')])).toEqual(['MESH0003']);
    expect(codes([plane('1.29.2')], 'canary')).toEqual([]);
    expect(codes([plane('1.27.1')], 'canary')).toEqual(['MESH0004']);
    expect(codes([plane('1.31.0')])).toEqual(['MESH0004']);
    expect(codes([plane('unknown')])).toEqual([]);
    const [f] = controlPlaneFindings([plane('1.27.0')], '1.30.3', 'default');
    expect(formatMessage(f!.code, f!.args)).toContain('moving to 1.30.3 skips 2 minor versions, which Istio does not support');
    expect(f!.resource).toEqual({ kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'istio-system', name: 'istiod' });
  });

  it('warns about Istio CRDs labelled with a newer version only', () => {
    const crd = (name: string, group: string, labels: Record<string, string>) =>
      ({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name, labels }, spec: { group } }) as KubeObject;
    const found = crdFindings(
      [
        crd('virtualservices.networking.istio.io', 'networking.istio.io', { 'app.kubernetes.io/version': '1.31.0' }),
        crd('gateways.networking.istio.io', 'networking.istio.io', { 'app.kubernetes.io/version': '1.30.0' }),
        crd('widgets.example.com', 'example.com', { 'app.kubernetes.io/version': '9.0.0' }),
        crd('sidecars.networking.istio.io', 'networking.istio.io', {}),
      ],
      '1.30.3',
    );
    expect(found.map((f) => [f.code, f.args[0]])).toEqual([['MESH0005', 'virtualservices.networking.istio.io']]);
  });
});

describe('--from-version', () => {
  it('accepts 1.x up to the target, refuses the rest as usage errors', () => {
    expect(parseFromVersion('1.21', '1.30.3')).toBe(21);
    expect(parseFromVersion('1.29.4', '1.30.3')).toBe(29);
    expect(() => parseFromVersion('2.1', '1.30.3')).toThrow(UsageError);
    expect(() => parseFromVersion('one', '1.30.3')).toThrow(/invalid version "one"/);
    expect(() => parseFromVersion('1.31', '1.30.3')).toThrow(/newer than/);
  });

  it('IST0169 on the zipkin Service only from 1.21 or older, and only when it exists', () => {
    const zipkin = obj('v1', 'Service', 'zipkin', 'istio-system');
    expect(upgradeNotes(21, zipkin).map((f) => f.code)).toEqual(['IST0169']);
    expect(upgradeNotes(22, zipkin)).toEqual([]);
    expect(upgradeNotes(20, undefined)).toEqual([]);
  });
});

describe('results', () => {
  it('cluster-level findings have origin Cluster; sorted worst first, de-duplicated; thresholds decide', () => {
    const version = toMessage({ code: 'MESH0002', args: ['v1.37.0', '1.32 - 1.36'] });
    const perm = toMessage({ code: 'IST0141', args: ['create', 'namespaces cluster-wide', 'x'] });
    expect(perm.origin).toBe('Cluster');
    const out = judge([version, perm, perm], { output: 'Warning', failure: 'Warning' });
    expect(out.shown.map((m) => m.code)).toEqual(['IST0141']);
    expect(out.failed).toBe(true);
    const info = judge([version], { output: 'Info', failure: 'Warning' });
    expect(info).toMatchObject({ failed: false, shown: [{ code: 'MESH0002', level: 'Info' }] });
  });
});
