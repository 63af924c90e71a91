import { describe, expect, it } from 'vitest';
import { generateManifests, injectionTemplates } from '../../../../src/core/manifest/index.js';
import { readAsset } from '../../../../src/adapters/assets.js';
import type { JsonObject } from '../../../../src/core/tree.js';

const templates = injectionTemplates(readAsset);

/** The istio-cni-node DaemonSet's pod spec and template labels for the given --set flags. */
function cniPod(sets: string[]): { spec: JsonObject; labels: Record<string, string> } {
  const { objects } = generateManifests({ sets: ['components.cni.enabled=true', ...sets], templates });
  const ds = objects.map((o) => o.object).find((o) => o.kind === 'DaemonSet' && o.metadata?.name === 'istio-cni-node') as unknown as {
    spec: { template: { metadata: { labels: Record<string, string> }; spec: JsonObject } };
  };
  expect(ds, 'istio-cni-node DaemonSet').toBeDefined();
  return { spec: ds.spec.template.spec, labels: ds.spec.template.metadata.labels };
}
const container = (spec: JsonObject) => (spec.containers as JsonObject[])[0]!;
const names = (list: unknown) => (list as JsonObject[]).map((v) => v.name);

describe('istio-cni-node DaemonSet (as the istio-cni chart renders it)', () => {
  it('declares the netns volume without ambient, and mounts it only with ambient', () => {
    const plain = cniPod([]);
    expect(names(plain.spec.volumes)).toContain('cni-netns-dir');
    expect(names(container(plain.spec).volumeMounts)).not.toContain('cni-netns-dir');
    const ambient = cniPod(['values.cni.ambient.enabled=true']);
    expect(names(container(ambient.spec).volumeMounts)).toContain('cni-netns-dir');
    expect((ambient.spec.volumes as JsonObject[]).filter((v) => v.name === 'cni-netns-dir')).toHaveLength(1);
  });

  it('passes the cni chart default level "info", and a level the user set as is', () => {
    expect(container(cniPod([]).spec).args).toEqual(['--log_output_level=info']);
    expect(container(cniPod(['values.global.logging.level=debug']).spec).args).toEqual(['--log_output_level=debug']);
    expect(container(cniPod(['values.global.logging.level=debug', 'values.cni.logging.level=warn']).spec).args).toEqual(['--log_output_level=warn']);
  });

  it('puts cni.env on the container too, sorted by name, and the seccomp profile into the security context', () => {
    const { spec } = cniPod(['values.cni.env.B_VAR=2', 'values.cni.env.A_VAR=1', 'values.cni.seccompProfile.type=RuntimeDefault']);
    const env = container(spec).env as JsonObject[];
    expect(env.slice(-2)).toEqual([
      { name: 'A_VAR', value: '1' },
      { name: 'B_VAR', value: '2' },
    ]);
    expect((container(spec).securityContext as JsonObject).seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  it('labels the pods with the chart labels only, not the ownership labels', () => {
    const { labels } = cniPod([]);
    expect(labels['k8s-app']).toBe('istio-cni-node');
    expect(labels).not.toHaveProperty('install.operator.istio.io/owning-resource');
    expect(labels).not.toHaveProperty('app');
  });
});
