import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { runWithWorld } from '../helpers/fake-context.js';

// The default installation's values, as istioctl 1.30's manifest translate writes them (checked against Istio's own
// translate by the suite's translate area; a released istioctl compiles in the release's hub and tag).
const DEFAULT_VALUES = `defaultRevision: ""
gateways:
  istio-egressgateway: {}
  istio-ingressgateway: {}
global:
  configValidation: true
  hub: docker.io/istio
  istioNamespace: istio-system
  tag: 1.30.3
pilot:
  cni:
    enabled: false
  enabled: true
ztunnel:
  resourceName: ztunnel
`;

describe('mesh manifest translate', () => {
  it('prints the values file of each chart without -o', async () => {
    const r = await runWithWorld(['manifest', 'translate']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`# base-values.yaml\n${DEFAULT_VALUES}---\n# pilot-values.yaml\n${DEFAULT_VALUES}`);
    expect(r.stderr).toBe(
      'warning: component istio-ingressgateway has no Helm chart release of its own: it is not translated (install it with the gateway chart)\n',
    );
  });

  it('writes values files, install scripts and the README into -o', async () => {
    const r = await runWithWorld(['manifest', 'translate', '--set', 'meshConfig.enableTracing=true', '-o', 'helm']);
    expect(r.code, r.stderr).toBe(0);
    expect([...r.ctx.written.keys()]).toEqual([
      'helm/base-values.yaml',
      'helm/install-base.sh',
      'helm/pilot-values.yaml',
      'helm/install-pilot.sh',
      'helm/README.md',
    ]);
    expect(jsyaml.load(r.ctx.written.get('helm/pilot-values.yaml')!)).toMatchObject({ meshConfig: { enableTracing: true } });
    const script = r.ctx.written.get('helm/install-pilot.sh')!;
    expect(script.startsWith('#!/usr/bin/env bash\n\n# Label/Annotate resources to mark them a part of the Helm release.\n')).toBe(true);
    expect(script).toContain('kubectl annotate Deployment.apps --namespace=istio-system istiod meta.helm.sh/release-name=pilot\n');
    expect(script).toContain('kubectl label ClusterRole.rbac.authorization.k8s.io istiod-clusterrole-istio-system app.kubernetes.io/managed-by=Helm\n');
    expect(
      script.endsWith(
        '\n\n\n# Run the actual Helm install operation\nhelm upgrade --install pilot --namespace istio-system -f pilot-values.yaml oci://registry.istio.io/release/charts/istiod\n',
      ),
    ).toBe(true);
    expect(r.ctx.written.get('helm/README.md')).toContain(
      '# Components\n* ✅ **Component `base`**: migration is supported!\n\n  The translated values have been written to base-values.yaml.\n',
    );
    expect(r.ctx.written.get('helm/README.md')).toContain('* ❌ **Component `istio-ingressgateway`**: migration is **NOT** directly supported!\n');
    expect(r.stderr).toContain('Output written to helm! See the README.md for next steps\n');
  });

  it('gives ztunnel its values at the top level, and cni its namespace (ambient)', async () => {
    const r = await runWithWorld([
      'manifest',
      'translate',
      '--set',
      'profile=ambient',
      '--set',
      'components.cni.namespace=kube-system',
      '--set',
      'values.ztunnel.logLevel=debug',
      '-o',
      'out',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ztunnel = jsyaml.load(r.ctx.written.get('out/ztunnel-values.yaml')!) as Record<string, unknown>;
    expect(ztunnel).toMatchObject({ resourceName: 'ztunnel', profile: 'ambient', logLevel: 'debug', global: { istioNamespace: 'istio-system' } });
    expect(ztunnel).not.toHaveProperty('ztunnel');
    expect(r.ctx.written.get('out/install-cni.sh')).toContain('helm upgrade --install cni --namespace kube-system -f cni-values.yaml');
  });

  it("writes both renders and warns when the IstioOperator's k8s settings change what Helm would render", async () => {
    const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        replicaCount: 2\n';
    const r = await runWithWorld(['manifest', 'translate', '-f', 'iop.yaml', '-o', 'out'], { files: { 'iop.yaml': iop } });
    expect(r.code, r.stderr).toBe(0);
    const [helm, istioctl] = [r.ctx.written.get('out/diff-pilot-helm-output.yaml')!, r.ctx.written.get('out/diff-pilot-istioctl-output.yaml')!];
    expect(istioctl).toContain('replicas: 2');
    expect(helm).not.toContain('replicas: 2');
    expect(r.ctx.written.get('out/README.md')).toContain(
      '  ⚠️ Component rendering is different between Istioctl and Helm!\n  This may be from incompatibilities between the two installation methods.\n' +
        '  Review the difference between the two and take appropriate actions to resolve these, if needed: `diff diff-pilot-helm-output.yaml diff-pilot-istioctl-output.yaml`.\n',
    );
    expect(r.ctx.written.has('out/diff-base-helm-output.yaml')).toBe(false);
  });

  it('puts the revision and a component hub into the values', async () => {
    const r = await runWithWorld(['manifest', 'translate', '-r', 'canary', '--set', 'components.pilot.hub=example.com/istio']);
    const docs = jsyaml.loadAll(r.stdout) as Record<string, any>[];
    expect(docs.map((d) => d.revision)).toEqual(['canary', 'canary']);
    expect(docs[1]!.pilot.hub).toBe('example.com/istio');
    expect(docs[0]!.pilot.hub).toBeUndefined();
  });

  it('refuses a file holding more than one IstioOperator, as istioctl does', async () => {
    const two =
      'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {}\n---\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {}\n';
    const r = await runWithWorld(['manifest', 'translate', '-f', 'two.yaml'], { files: { 'two.yaml': two } });
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n')[0]).toBe('error: two.yaml:4:1: contains multiple IstioOperator CRs, only one per file is supported');
  });

  it.each([
    [['manifest', 'translate', '--set', 'profile=nope'], 64, 'error: unknown profile "nope"'],
    [['manifest', 'translate', '--set', 'values.global.nope=1'], 64, 'error: --set values.global.nope=1: unknown field "nope"'],
    [['manifest', 'translate', '-f', 'missing.yaml'], 65, 'error: missing.yaml: no such file or directory'],
  ])('%j fails with exit %i on one line', async (argv, code, line) => {
    const r = await runWithWorld(argv);
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n')[0]!.startsWith(line)).toBe(true);
    expect(r.stdout).toBe('');
  });
});
