/** validate reports workloads the API server refuses as errors, placed at their apiVersion or at the object. */
import { describe, expect, it } from 'vitest';
import { validateDocuments } from '../../../../src/core/validate/index.js';
import { loadDocuments } from '../../../../src/core/yaml/load.js';

const validate = (text: string) => validateDocuments(loadDocuments(text, 'old.yaml'));

describe('validate: removed workload APIs and missing selectors', () => {
  it('is an error at the apiVersion for extensions/v1beta1, and one at the object for the selector apps/v1 needs', async () => {
    const text =
      'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: nginx}]\n';
    const found = await validate(text);
    expect(found.map((d) => [d.line, d.col, d.severity, d.rule, d.path])).toEqual([
      [1, 1, 'error', 'workload-api', ''],
      [1, 13, 'error', 'workload-api', 'apiVersion'],
    ]);
    expect(found[1]!.message).toBe(
      'extensions/v1beta1 is no longer served for Deployment (removed in Kubernetes 1.16; kubectl apply refuses it): use apiVersion: apps/v1',
    );
    expect(found[0]!.message).toContain('e.g. matchLabels: {app: web}');
  });

  it('passes an apps/v1 Deployment with a selector, and finds a missing one inside a List', async () => {
    const ok =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}\n';
    expect(await validate(ok)).toEqual([]);
    const list =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata: {name: agent}\n  spec: {template: {spec: {containers: []}}}\n';
    const found = await validate(list);
    expect(found.map((d) => [d.line, d.kind, d.name, d.rule])).toEqual([[4, 'DaemonSet', 'agent', 'workload-api']]);
  });
});
